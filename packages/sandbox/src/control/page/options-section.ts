// The control page's "Options" section: every current option and the Save options form.
import type { SandboxState } from '../../state'
import { esc, field, options } from './html'

export function optionsSection(state: SandboxState): string {
  const list = Object.entries(state.options)
    .map(
      ([key, value]) =>
        `<tr><th scope="row"><code>${esc(key)}</code></th><td>${esc(JSON.stringify(value))}</td></tr>`,
    )
    .join('')
  const regions = options(
    ['dal', 'fra', 'fra-a', 'fra-b'].map((r) => [r, r]),
    state.options.apiRegion,
  )
  return `<section aria-labelledby="options-heading"><h2 id="options-heading">Options</h2>
  <table><caption>Current options</caption><tbody>${list}</tbody></table>
  <form method="post" action="/sandbox/options">
    ${field('option-region', 'API region', `<select id="option-region" name="apiRegion">${regions}</select>`)}
    ${field('option-rate', 'Rate limit (requests per window, 0 = off)', `<input id="option-rate" name="apiRateLimit" type="number" min="0" value="${esc(state.options.apiRateLimit)}">`)}
    ${field('option-window', 'Rate limit window (seconds)', `<input id="option-window" name="apiRateLimitWindowSeconds" type="number" min="1" value="${esc(state.options.apiRateLimitWindowSeconds)}">`)}
    <button type="submit">Save options</button>
  </form></section>`
}
