// The control page's "Redirect URIs" section: the app client's whitelist (seed,
// SANDBOX_REDIRECT_URIS, added here) and a form to add one for your own app.
import type { SandboxState } from '../../state'
import { listRedirectUris } from '../redirect-uri-routes'
import { esc, field } from './html'

const SOURCES = { seed: 'built in', env: 'SANDBOX_REDIRECT_URIS', control: 'added here' } as const

export function redirectUrisSection(state: SandboxState): string {
  const { client_id: clientId, redirect_uris: uris } = listRedirectUris(state)
  const rows = uris
    .map(
      (entry) =>
        `<tr><td><code>${esc(entry.uri)}</code></td><td>${esc(SOURCES[entry.source])}</td><td>${
          entry.source === 'control'
            ? `<form method="post" action="/sandbox/redirect-uris/remove" class="inline"><input type="hidden" name="uri" value="${esc(entry.uri)}"><button type="submit" class="secondary" aria-label="Remove ${esc(entry.uri)}">Remove</button></form>`
            : '—'
        }</td></tr>`,
    )
    .join('')
  return `<section aria-labelledby="redirect-uris-heading"><h2 id="redirect-uris-heading">Redirect URIs</h2>
  <p>Your own app can sign in through the sandbox with client id <code>${esc(clientId)}</code> from any of these (matching rules of LiveChat: same scheme, host and port, the path a prefix). Start with <code>SANDBOX_REDIRECT_URIS=http://localhost:3000 npm start</code>, or add one here.</p>
  <table><caption>Redirect URIs of the app’s client</caption><thead><tr><th scope="col">URI</th><th scope="col">From</th><th scope="col">Action</th></tr></thead><tbody>${rows}</tbody></table>
  <form method="post" action="/sandbox/redirect-uris">
    ${field('redirect-uri', 'Redirect URI', '<input id="redirect-uri" name="uri" type="url" required size="40" placeholder="http://localhost:3000" aria-describedby="redirect-uri-hint">', 'http(s), no query or fragment')}
    <button type="submit">Add redirect URI</button>
  </form></section>`
}
