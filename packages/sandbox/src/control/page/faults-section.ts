// The control page's "Faults" section: the active rules and the Add a fault form.
import type { SandboxState } from '../../state'
import { esc, field, options } from './html'

export function faultsSection(state: SandboxState): string {
  const rows = state.faults
    .map(
      (f) =>
        `<tr><td><code>${esc(f.path)}</code></td><td>${esc(f.method ?? 'any')}</td><td>${esc(f.status)}</td><td>${esc(f.errorType ?? f.body)}</td><td>${esc(f.remaining)}</td><td>${esc(f.retryAfter ?? '—')}</td><td>${esc(f.delayMs ?? 0)}</td></tr>`,
    )
    .join('')
  const table = state.faults.length
    ? `<table><caption>Active faults</caption><thead><tr><th scope="col">Path</th><th scope="col">Method</th><th scope="col">Status</th><th scope="col">Body</th><th scope="col">Remaining</th><th scope="col">Retry-After</th><th scope="col">Delay (ms)</th></tr></thead><tbody>${rows}</tbody></table>
       <form method="post" action="/sandbox/faults/clear"><button type="submit" class="secondary">Clear all faults</button></form>`
    : '<p>No active faults.</p>'
  return `<section aria-labelledby="faults-heading"><h2 id="faults-heading">Faults</h2>${table}
  <h3 id="add-fault-heading">Add a fault</h3>
  <form method="post" action="/sandbox/faults" aria-labelledby="add-fault-heading">
    ${field('fault-path', 'Path', '<input id="fault-path" name="path" required size="36" placeholder="/v3.6/agent/action/list_chats" aria-describedby="fault-path-hint">', 'Exact path, or a prefix ending in *')}
    ${field(
      'fault-method',
      'HTTP method',
      `<select id="fault-method" name="method">${options([
        ['', 'Any'],
        ['POST', 'POST'],
        ['GET', 'GET'],
        ['DELETE', 'DELETE'],
      ])}</select>`,
    )}
    ${field('fault-status', 'Status code', '<input id="fault-status" name="status" type="number" min="200" max="599" value="503" required>')}
    ${field('fault-count', 'Number of requests', '<input id="fault-count" name="count" type="number" min="1" value="1" required>')}
    ${field(
      'fault-body',
      'Body',
      `<select id="fault-body" name="body">${options([
        ['json', 'JSON error (the API’s own shape)'],
        ['malformed', 'Malformed JSON'],
        ['empty', 'Empty'],
        ['html', 'HTML error page'],
      ])}</select>`,
    )}
    ${field('fault-type', 'Error type (optional)', '<input id="fault-type" name="errorType" placeholder="e.g. chat_inactive">')}
    ${field('fault-retry', 'Retry-After (optional)', '<input id="fault-retry" name="retryAfter" size="8">')}
    ${field('fault-delay', 'Extra delay in ms (optional)', '<input id="fault-delay" name="delayMs" type="number" min="0" max="120000">')}
    <button type="submit">Add fault</button>
  </form></section>`
}
