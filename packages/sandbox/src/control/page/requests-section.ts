// The control page's "Recent requests" section: the last 20 entries of the request log.
import type { SandboxState } from '../../state'
import { esc } from './html'

export function requestsSection(state: SandboxState): string {
  const recent = state.requestLog.slice(-20).reverse()
  const rows = recent
    .map(
      (r) =>
        `<tr><td>${esc(new Date(r.at).toISOString())}</td><td>${esc(r.method)}</td><td><code>${esc(r.path)}</code></td><td>${esc(r.status ?? '…')}</td></tr>`,
    )
    .join('')
  const body = recent.length
    ? `<table><caption>Last ${recent.length} of ${state.requestLog.length} requests, newest first</caption><thead><tr><th scope="col">Time</th><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No requests yet.</p>'
  return `<section aria-labelledby="requests-heading"><h2 id="requests-heading">Recent requests</h2>${body}</section>`
}
