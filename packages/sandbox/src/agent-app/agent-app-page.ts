// GET /agent-app: a stand-in for LiveChat's Agent App around one widget, so a developer (and the
// tests) can see an app as a details or fullscreen widget with no LiveChat license. The page is
// markup and data only; agent-app-host.js (served beside it) speaks the host side of the Agent
// App SDK's protocol with the framed widget. Reference: docs/AGENT-APP.md.
import { randomBytes } from 'node:crypto'
import { escapeHtml as esc, scriptJson } from '../accounts/html'
import type { Person } from '../seed/identity'
import type { PersonaChat } from './persona-chats'

export const PLACEMENTS = ['details', 'fullscreen'] as const
export type Placement = (typeof PLACEMENTS)[number]

/** The `plugin_id` the stand-in gives the widget (the Developer Console gives an app's own). */
export const SANDBOX_PLUGIN_ID = 'sandbox-widget'

export interface AgentAppPageInput {
  placement: Placement
  person: Person
  personas: readonly Person[]
  chats: readonly PersonaChat[]
  /** The widget's URL (without the Agent App's query parameters). */
  url: string
  /** Whether `url` came from the query (kept when the agent switches persona). */
  urlGiven: boolean
}

/** The URL the frame loads: the widget's own, plus what the Agent App appends. */
export function framedUrl(url: string): URL {
  const framed = new URL(url)
  framed.searchParams.set('plugin_id', SANDBOX_PLUGIN_ID)
  framed.searchParams.set('theme', 'light')
  return framed
}

function personaForm(input: AgentAppPageInput): string {
  const options = input.personas
    .map(
      (p) =>
        `<option value="${esc(p.email)}"${p.email === input.person.email ? ' selected' : ''}>${esc(p.name)}</option>`,
    )
    .join('')
  return `<form method="get" action="/agent-app" class="aa-persona">
  <input type="hidden" name="placement" value="${esc(input.placement)}">
  ${input.urlGiven ? `<input type="hidden" name="url" value="${esc(input.url)}">` : ''}
  <label for="aa-persona">Signed in as</label>
  <select id="aa-persona" name="persona">${options}</select>
  <button type="submit">Switch agent</button>
</form>`
}

function placementLinks(input: AgentAppPageInput): string {
  return PLACEMENTS.map((placement) => {
    // Each placement frames its own widget route: a given url is not carried over.
    const query = new URLSearchParams({ placement, persona: input.person.email })
    const current = placement === input.placement ? ' aria-current="page"' : ''
    const label = placement === 'details' ? 'Chats (details widget)' : 'Fullscreen widget'
    return `<li><a href="/agent-app?${esc(query.toString())}"${current}>${label}${
      placement === 'fullscreen'
        ? ' <output id="aa-badge" class="aa-badge" aria-label="Notification badge" hidden></output>'
        : ''
    }</a></li>`
  }).join('')
}

function chatList(chats: readonly PersonaChat[]): string {
  if (chats.length === 0) return '<p class="aa-hint">This agent has no chats.</p>'
  const rows = chats
    .map(
      (
        chat,
      ) => `<li><button type="button" class="aa-chat" data-chat-id="${esc(chat.chatId)}" aria-pressed="false">
  <span class="aa-chat__name">${esc(chat.customerName)}</span>
  <span class="aa-chat__preview">${esc(chat.active ? '' : 'Archived · ')}${esc(chat.preview)}</span>
</button></li>`,
    )
    .join('')
  return `<ul class="aa-chats">${rows}</ul>`
}

/**
 * Where the widget goes: the host script creates the iframe, so that it sees every load of it
 * (each load is a new widget page that needs its own handshake).
 */
function frame(url: URL): string {
  return `<div id="aa-widget-slot" class="aa-slot" data-src="${esc(url.href)}"></div>`
}

function devTools(): string {
  return `<details class="aa-dev"><summary>Developer tools</summary>
  <p class="aa-hint">What the Agent App sends a widget is only a hint to it: try a forged one.</p>
  <label for="aa-event-name">Event name (after livechat:)</label>
  <input id="aa-event-name" value="customer_profile" spellcheck="false">
  <label for="aa-event-json">Event data (JSON)</label>
  <textarea id="aa-event-json" rows="5" spellcheck="false">{"id":"no-such-customer","name":"<img src=x onerror=alert(1)>","chat":{"id":"NOSUCHCHAT","groupID":"0"},"geolocation":{},"source":"chats"}</textarea>
  <button type="button" id="aa-send-event">Send event</button>
  <p id="aa-dev-error" role="alert" hidden></p>
  <h2>Messages from the widget</h2>
  <ol id="aa-log" aria-label="Messages from the widget"></ol>
</details>`
}

export function renderAgentAppPage(input: AgentAppPageInput): Response {
  const nonce = randomBytes(16).toString('base64')
  const url = framedUrl(input.url)
  const data = {
    placement: input.placement,
    chats: input.chats.map((chat) => ({ chatId: chat.chatId, profile: chat.profile })),
  }
  const workspace =
    input.placement === 'details'
      ? `<section class="aa-list" aria-labelledby="aa-chats-heading"><h2 id="aa-chats-heading">Chats</h2>${chatList(input.chats)}</section>
<section class="aa-chat-area" aria-labelledby="aa-chat-heading">
  <h2 id="aa-chat-heading">No chat open</h2>
  <p class="aa-hint">Pick a chat: the Agent App tells the widget whose chat it is.</p>
  <label for="aa-message-box">Message box</label>
  <textarea id="aa-message-box" rows="4" placeholder="Write a message…"></textarea>
</section>
<aside class="aa-details" aria-label="Details">${frame(url)}</aside>`
      : `<section class="aa-full" aria-label="Fullscreen widget">${frame(url)}</section>`
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Agent App (sandbox) · ${esc(input.placement)} widget</title>
<style nonce="${nonce}">${STYLE}</style>
<script type="application/json" id="aa-data">${scriptJson(data)}</script>
<script type="module" src="/agent-app/host.js"></script>
</head>
<body class="aa aa--${esc(input.placement)}">
<header class="aa-top">
  <p class="aa-brand">LiveChat Agent App <span>sandbox</span></p>
  ${personaForm(input)}
</header>
<div class="aa-body">
<nav class="aa-rail" aria-label="Agent App"><ul>${placementLinks(input)}</ul></nav>
<main class="aa-main">
<h1 class="aa-visually-hidden">Agent App (sandbox): ${esc(input.placement)} widget</h1>
${workspace}
</main>
</div>
<div id="aa-toasts" class="aa-toasts" role="status" aria-label="Toasts"></div>
<footer class="aa-foot">
  <p class="aa-hint">Widget: <code>${esc(url.href)}</code>. <a href="/sandbox">Sandbox control</a></p>
  ${devTools()}
</footer>
</body>
</html>
`
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': [
        "default-src 'none'",
        "script-src 'self'",
        `style-src 'nonce-${nonce}'`,
        `frame-src ${url.origin}`,
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join('; '),
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,sans-serif;color:#1b1f24;background:#eef0f3;min-height:100vh;display:flex;flex-direction:column}
.aa-top{display:flex;align-items:center;gap:1rem;padding:.5rem 1rem;background:#111827;color:#fff;flex-wrap:wrap}
.aa-brand{margin:0;font-weight:700}.aa-brand span{font-weight:400;color:#fbbf24;margin-left:.35rem}
.aa-persona{display:flex;gap:.5rem;align-items:center;margin-left:auto}
.aa-persona label{font-weight:600}
select,button,textarea{font:inherit}
select,textarea{padding:.3rem .45rem;border:1px solid #8a939c;border-radius:4px}
button{padding:.35rem .8rem;border-radius:4px;border:1px solid #1a5fb4;background:#1a5fb4;color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.aa-body{display:flex;flex:1;min-height:0}
.aa-rail{background:#1f2937;width:11rem;padding:.5rem}
.aa-rail ul{list-style:none;margin:0;padding:0;display:grid;gap:.25rem}
.aa-rail a{display:flex;justify-content:space-between;align-items:center;color:#e5e7eb;text-decoration:none;padding:.45rem .5rem;border-radius:4px}
.aa-rail a[aria-current=page]{background:#374151;color:#fff;font-weight:600}
.aa-badge{background:#dc2626;color:#fff;border-radius:999px;padding:0 .45rem;font-size:.8rem;font-weight:700}
.aa-main{flex:1;display:flex;min-width:0}
.aa-list{width:16rem;background:#fff;border-right:1px solid #d5d9de;padding:.75rem;overflow:auto}
.aa-list h2,.aa-chat-area h2{font-size:1rem;margin:.25rem 0 .5rem}
.aa-chats{list-style:none;margin:0;padding:0;display:grid;gap:.25rem}
.aa-chat{width:100%;text-align:left;background:#fff;color:#1b1f24;border:1px solid #d5d9de;display:grid}
.aa-chat[aria-pressed=true]{border-color:#1a5fb4;background:#e8f0fb}
.aa-chat__name{font-weight:600}.aa-chat__preview{color:#4b535c;font-size:.85rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.aa-chat-area{flex:1;padding:.75rem 1rem;display:flex;flex-direction:column;gap:.35rem;min-width:0}
.aa-chat-area label{font-weight:600;margin-top:auto}
.aa-details{width:22rem;border-left:1px solid #d5d9de;background:#fff;display:flex}
.aa-full{flex:1;display:flex}
.aa-slot{flex:1;display:flex}
.aa-frame{border:0;flex:1;min-height:32rem;width:100%}
.aa--fullscreen .aa-frame{min-height:calc(100vh - 8rem)}
.aa-toasts{position:fixed;right:1rem;bottom:1rem;display:grid;gap:.5rem}
.aa-toast{padding:.5rem .75rem;border-radius:6px;color:#fff;background:#2e7d32}.aa-toast--error{background:#c62828}
.aa-foot{padding:.5rem 1rem;background:#fff;border-top:1px solid #d5d9de}
.aa-hint{color:#4b535c;font-size:.85rem;margin:0}
.aa-dev textarea,.aa-dev input{width:100%;font-family:ui-monospace,monospace}
.aa-dev label{display:block;font-weight:600;margin-top:.5rem}
.aa-dev h2{font-size:.95rem}
.aa-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
code{background:#eef0f3;padding:0 .25rem;border-radius:3px}
`
