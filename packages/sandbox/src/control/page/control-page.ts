// GET /sandbox: a small control page (plain HTML forms, no script) showing the current
// options, latency, faults, customers, RTM sockets, tokens, PATs, redirect URIs and recent
// requests, with forms to change them. Every
// interpolated value is escaped; every control has a real label. One file per section.
import type { RtmHub } from '../../rtm/hub'
import type { SandboxState } from '../../state'
import { customersSection } from './customers-section'
import { faultsSection } from './faults-section'
import { esc, field, STYLE } from './html'
import { optionsSection } from './options-section'
import { patsSection, type CreatedPat } from './pats-section'
import { redirectUrisSection } from './redirect-uris-section'
import { rtmSection } from './rtm-section'
import { requestsSection } from './requests-section'
import { tokensSection } from './tokens-section'

export function renderControlPage(
  state: SandboxState,
  rtm: RtmHub,
  notice: { message?: string; error?: string; created?: CreatedPat },
): Response {
  const message = notice.created
    ? `Created token “${notice.created.name}” for ${notice.created.person}. It is shown only once, below.`
    : notice.message
  const banner = [
    message ? `<p role="status">${esc(message)}</p>` : '',
    notice.error ? `<p role="alert">${esc(notice.error)}</p>` : '',
  ].join('')
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>LiveChat sandbox control</title><style>${STYLE}</style></head>
<body><main>
<h1>LiveChat sandbox control</h1>
<p>This origin plays accounts.livechat.com and api.livechatinc.com. The same controls exist as a JSON API under <code>/sandbox/…</code> (see <code>docs/AGENT-API.md</code> in the livechat-sandbox package).</p>
${banner}
<section aria-labelledby="agent-app-heading"><h2 id="agent-app-heading">Agent App</h2>
  <p>See an app as a LiveChat Agent App widget, framed by a stand-in for the Agent App: <a href="/agent-app?placement=details">details widget</a> (beside a chat) or <a href="/agent-app?placement=fullscreen">fullscreen widget</a>. Add <code>&amp;url=…</code> to frame another app's widget URL.</p>
</section>
<section aria-labelledby="latency-heading"><h2 id="latency-heading">Latency</h2>
  <p>Every API and accounts request waits <strong>${esc(state.latencyMs)} ms</strong> before it is answered.</p>
  <form method="post" action="/sandbox/latency">
    ${field('latency-ms', 'Latency (ms)', `<input id="latency-ms" name="ms" type="number" min="0" max="120000" value="${esc(state.latencyMs)}" required>`)}
    <button type="submit">Set latency</button>
  </form></section>
${faultsSection(state)}
${customersSection(state)}
${rtmSection(rtm, state.directory.people, state.directory.organizations)}
${tokensSection(state)}
${patsSection(state, notice.created)}
${redirectUrisSection(state)}
<section aria-labelledby="clock-heading"><h2 id="clock-heading">Clock</h2>
  <p>Sandbox time: <strong>${esc(new Date(state.now()).toISOString())}</strong> (${esc(Math.round(state.clockOffsetMs / 1000))} s ahead of real time).</p>
  <form method="post" action="/sandbox/clock">
    ${field('clock-seconds', 'Advance by (seconds)', '<input id="clock-seconds" name="advanceSeconds" type="number" min="0" value="3600" required>')}
    <button type="submit">Advance clock</button>
  </form></section>
${optionsSection(state)}
${requestsSection(state)}
<section aria-labelledby="reset-heading"><h2 id="reset-heading">Reset</h2>
  <p>Restores the seed chats and customers and the default options, and forgets every token, session, consent, fault and logged request.</p>
  <form method="post" action="/sandbox/reset"><button type="submit">Reset sandbox</button></form>
</section>
</main></body></html>`
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=UTF-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  })
}
