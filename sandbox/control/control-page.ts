// GET /sandbox: a small control page (plain HTML forms, no script) showing the current
// options, latency, faults, tokens and recent requests, with forms to change them. Every
// interpolated value is escaped; every control has a real label.
import { PEOPLE } from '../seed/identity'
import type { SandboxState } from '../state'

function esc(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1b1f24}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
section{background:#fff;border:1px solid #d5d9de;border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.2rem;margin:.25rem 0 .75rem}h3{font-size:1rem}
form{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;margin:.5rem 0}
.field{display:flex;flex-direction:column;gap:.2rem}
label{font-weight:600;font-size:.9rem}
input,select{font:inherit;padding:.3rem .45rem;border:1px solid #8a939c;border-radius:4px}
button{font:inherit;padding:.35rem .9rem;border-radius:4px;border:1px solid #1a5fb4;background:#1a5fb4;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1a5fb4}
button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e3e6ea}
caption{text-align:left;font-weight:600;padding-bottom:.25rem}
.hint{font-size:.85rem;color:#4b535c;margin:0}
[role=status]{background:#e7f4ea;border:1px solid #2e7d32;padding:.5rem .75rem;border-radius:6px}
[role=alert]{background:#fdecea;border:1px solid #c62828;padding:.5rem .75rem;border-radius:6px}
code{background:#eef0f3;padding:0 .25rem;border-radius:3px}
`

function field(id: string, label: string, control: string, hint?: string): string {
  const hintHtml = hint ? `<p class="hint" id="${id}-hint">${esc(hint)}</p>` : ''
  return `<div class="field"><label for="${id}">${esc(label)}</label>${control}${hintHtml}</div>`
}

function options(values: [string, string][], selected?: string): string {
  return values
    .map(
      ([value, label]) =>
        `<option value="${esc(value)}"${value === selected ? ' selected' : ''}>${esc(label)}</option>`,
    )
    .join('')
}

function faultsSection(state: SandboxState): string {
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

function tokensSection(state: SandboxState): string {
  const now = state.now()
  const rows = PEOPLE.map((person) => {
    const live = [...state.accessTokens.values()].filter(
      (t) => t.accountId === person.accountId && !t.revoked && t.expiresAt > now,
    ).length
    return `<tr><td>${esc(person.name)}</td><td>${esc(person.email)}</td><td>${esc(person.role)}</td><td>${live}</td></tr>`
  }).join('')
  const people = options(PEOPLE.map((p) => [p.email, `${p.name} (${p.email})`]))
  return `<section aria-labelledby="tokens-heading"><h2 id="tokens-heading">Tokens</h2>
  <table><caption>Live access tokens per person</caption><thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Live tokens</th></tr></thead><tbody>${rows}</tbody></table>
  <form method="post" action="/sandbox/tokens/expire">
    ${field('token-email', 'Person', `<select id="token-email" name="email">${people}</select>`)}
    <button type="submit">Expire tokens</button>
    <button type="submit" formaction="/sandbox/tokens/revoke" class="secondary">Revoke tokens</button>
  </form></section>`
}

function optionsSection(state: SandboxState): string {
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

function requestsSection(state: SandboxState): string {
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

export function renderControlPage(
  state: SandboxState,
  notice: { message?: string; error?: string },
): Response {
  const banner = [
    notice.message ? `<p role="status">${esc(notice.message)}</p>` : '',
    notice.error ? `<p role="alert">${esc(notice.error)}</p>` : '',
  ].join('')
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>LiveChat sandbox control</title><style>${STYLE}</style></head>
<body><main>
<h1>LiveChat sandbox control</h1>
<p>This origin plays accounts.livechat.com and api.livechatinc.com. The same controls exist as a JSON API under <code>/sandbox/…</code> (see <code>sandbox/AGENT-API.md</code>).</p>
${banner}
<section aria-labelledby="latency-heading"><h2 id="latency-heading">Latency</h2>
  <p>Every API and accounts request waits <strong>${esc(state.latencyMs)} ms</strong> before it is answered.</p>
  <form method="post" action="/sandbox/latency">
    ${field('latency-ms', 'Latency (ms)', `<input id="latency-ms" name="ms" type="number" min="0" max="120000" value="${esc(state.latencyMs)}" required>`)}
    <button type="submit">Set latency</button>
  </form></section>
${faultsSection(state)}
${tokensSection(state)}
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
