// The control page's "RTM sockets" section: every live socket (GET /sandbox/rtm/connections)
// and the disconnect and drop controls (POST /sandbox/rtm/disconnect, /drop).
import { DISCONNECT_REASONS } from '../../rtm/disconnect-reasons'
import type { RtmHub } from '../../rtm/hub'
import type { Organization, Person } from '../../seed/identity'
import { esc, field, options } from './html'

export function rtmSection(
  rtm: RtmHub,
  people: readonly Person[],
  organizations: readonly Organization[],
): string {
  const connections = rtm.describe()
  const organizationOf = (id: string | null) =>
    organizations.find((o) => o.id === id)?.name ?? id ?? '—'
  const rows = connections
    .map(
      (c) =>
        `<tr><td><code>${esc(c.id.slice(0, 8))}</code></td><td>${esc(c.email ?? '—')}</td><td>${esc(organizationOf(c.organization_id))}</td><td>${c.logged_in ? 'yes' : 'no'}</td><td>${esc(c.credential ?? '—')}</td><td>${esc(c.since)}</td><td>${esc(c.pushes_sent)}</td></tr>`,
    )
    .join('')
  const table = connections.length
    ? `<table><caption>Open RTM sockets</caption><thead><tr><th scope="col">Id</th><th scope="col">Agent</th><th scope="col">Organization</th><th scope="col">Logged in</th><th scope="col">Credential</th><th scope="col">Since</th><th scope="col">Pushes sent</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No open RTM sockets.</p>'
  const agents = options([
    ['', 'Every socket'],
    ...people.map((p): [string, string] => [p.email, `${p.name} (${p.email})`]),
  ])
  const reasons = options(DISCONNECT_REASONS.map((r) => [r, r]))
  return `<section aria-labelledby="rtm-heading"><h2 id="rtm-heading">RTM sockets</h2>
  <p>Agents connect to <code>/v3.6/agent/rtm/ws</code> on this origin, over <code>ws://</code> (see <code>docs/RTM.md</code> in the livechat-sandbox package).</p>
  ${table}
  <form method="post" action="/sandbox/rtm/disconnect">
    ${field('rtm-agent', 'Whose sockets', `<select id="rtm-agent" name="email">${agents}</select>`)}
    ${field('rtm-reason', 'Disconnect reason', `<select id="rtm-reason" name="reason">${reasons}</select>`)}
    <button type="submit">Disconnect sockets</button>
    <button type="submit" formaction="/sandbox/rtm/drop" class="secondary">Drop sockets</button>
  </form></section>`
}
