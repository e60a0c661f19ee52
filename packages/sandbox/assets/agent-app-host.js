// @ts-check
// The host side of the Agent App SDK's "Trusted" connection, for the sandbox's Agent App page
// (src/agent-app/agent-app-page.ts). LiveChat's @livechat/agent-app-sdk in the framed widget
// speaks @livechat/postmessage's child side; this is the parent side, written by hand because
// that library ships no browser build (its modules import some twenty callbag packages by bare
// name), and the sandbox serves its pages without a bundler. Frames are objects tagged
// '@@livechat/postmessenger': the host sends `handshake` until the child answers `response`,
// then either side sends `call` (method `handle`) and gets a `response` with the same `request`.
// Unlike the SDK's child side, this host accepts frames only from the widget's window and origin.
// Protocol notes: docs/AGENT-APP.md in the livechat-sandbox package.

const FINGERPRINT = '@@livechat/postmessenger'
const HANDSHAKE_INTERVAL_MS = 500
/** The widget may load its SDK lazily: keep knocking for 20 s after each load of the frame. */
const HANDSHAKE_TRIES = 40

const data = JSON.parse(document.getElementById('aa-data')?.textContent ?? '{}')
const slot = /** @type {HTMLElement} */ (document.getElementById('aa-widget-slot'))
const frame = document.createElement('iframe')
frame.className = 'aa-frame'
frame.title = 'App widget'
const widgetOrigin = new URL(slot.dataset.src ?? '').origin
const owner = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16)).join('')

let instance = 0
let connected = false
let requestCounter = 0
/** @type {ReturnType<typeof setInterval> | undefined} */
let knocking
/** @type {unknown} the profile of the chat open now, sent again when a widget (re)connects. */
let currentProfile = null

/** @param {string} type @param {unknown} payload @param {number | null} request */
function frameOf(type, payload, request) {
  return { [FINGERPRINT]: true, owner, instance, type, data: payload, request }
}

/** @param {object} message */
function post(message) {
  frame.contentWindow?.postMessage(message, widgetOrigin)
}

function handshake() {
  clearInterval(knocking)
  instance += 1
  connected = false
  let tries = 0
  const knock = () => {
    if (connected || tries >= HANDSHAKE_TRIES) return clearInterval(knocking)
    tries += 1
    // The child answers with request null: a handshake is not a numbered call.
    post(frameOf('handshake', null, null))
  }
  knock()
  knocking = setInterval(knock, HANDSHAKE_INTERVAL_MS)
}

/**
 * Sends the widget an event, as the Agent App does: `call('handle', {event_name, event_data})`.
 * @param {string} name without the `livechat:` prefix
 * @param {unknown} eventData
 */
function emitToWidget(name, eventData) {
  if (!connected) return
  requestCounter += 1
  post(
    frameOf(
      'call',
      { method: 'handle', args: [{ event_name: `livechat:${name}`, event_data: eventData }] },
      requestCounter,
    ),
  )
}

const log = document.getElementById('aa-log')
/** @param {string} text */
function note(text) {
  const item = document.createElement('li')
  item.textContent = text
  log?.append(item)
}

const messageBox = /** @type {HTMLTextAreaElement | null} */ (
  document.getElementById('aa-message-box')
)
const badge = document.getElementById('aa-badge')
const toasts = document.getElementById('aa-toasts')

/** @param {unknown} toast */
function showToast(toast) {
  const { content, kind } = /** @type {{content?: unknown, kind?: unknown}} */ (toast ?? {})
  if (typeof content !== 'string') return
  const item = document.createElement('p')
  item.className = `aa-toast${kind === 'error' ? ' aa-toast--error' : ''}`
  item.textContent = content
  toasts?.append(item)
  setTimeout(() => item.remove(), 6000)
}

/**
 * What the widget asks of the Agent App (`plugin_id`, `message`, `data`); names only in the log.
 * @param {{message?: unknown, data?: unknown}} request
 */
function handleWidgetMessage(request) {
  const name = typeof request?.message === 'string' ? request.message : '(malformed)'
  note(name)
  switch (name) {
    case 'plugin_inited':
      if (data.placement === 'fullscreen') emitToWidget('page_data', { queryParams: {} })
      if (currentProfile) emitToWidget('customer_profile', currentProfile)
      return
    case 'put_message':
      if (messageBox) messageBox.value = String(request.data ?? '')
      return
    case 'put_messagebox_message': {
      const value = /** @type {{value?: unknown}} */ (request.data ?? {}).value
      if (messageBox && typeof value === 'string') messageBox.value = value
      return
    }
    case 'set_fullscreen_widget_notification_badge': {
      const count = Number(request.data)
      if (!badge) return
      badge.hidden = !(Number.isInteger(count) && count > 0)
      badge.textContent = badge.hidden ? '' : String(count)
      return
    }
    case 'set_toast':
      showToast(request.data)
      return
    default:
  }
}

window.addEventListener('message', (event) => {
  // Only the framed widget, from the origin it was loaded from, for this connection.
  if (event.source !== frame.contentWindow || event.origin !== widgetOrigin) return
  const message = event.data
  if (!message || message[FINGERPRINT] !== true) return
  if (message.owner !== owner || message.instance !== instance) return
  if (message.type === 'response' && message.request === null) {
    connected = true
    clearInterval(knocking)
    note('(connected)')
    return
  }
  if (message.type === 'call' && message.data?.method === 'handle') {
    handleWidgetMessage(message.data.args?.[0])
    post(frameOf('response', { error: false, result: null }, message.request))
  }
})

// Every load of the frame is a new widget page: a new connection (as @livechat/postmessage's
// parent side does). Listening before the first load is why the script creates the frame.
frame.addEventListener('load', handshake)
frame.src = slot.dataset.src ?? 'about:blank'
slot.append(frame)

for (const button of document.querySelectorAll('.aa-chat')) {
  button.addEventListener('click', () => {
    const chatId = button.getAttribute('data-chat-id')
    const chat = data.chats?.find((/** @type {{chatId: string}} */ c) => c.chatId === chatId)
    if (!chat) return
    for (const other of document.querySelectorAll('.aa-chat'))
      other.setAttribute('aria-pressed', String(other === button))
    const heading = document.getElementById('aa-chat-heading')
    if (heading) heading.textContent = `Chat with ${chat.profile.name || 'a customer'}`
    if (messageBox) messageBox.value = ''
    currentProfile = chat.profile
    emitToWidget('customer_profile', chat.profile)
  })
}

const devError = document.getElementById('aa-dev-error')
document.getElementById('aa-send-event')?.addEventListener('click', () => {
  const name = /** @type {HTMLInputElement | null} */ (document.getElementById('aa-event-name'))
  const input = /** @type {HTMLTextAreaElement | null} */ (document.getElementById('aa-event-json'))
  if (!devError) return
  const eventName = (name?.value ?? '').trim().replace(/^livechat:/, '')
  let eventData
  try {
    eventData = JSON.parse(input?.value ?? '')
  } catch {
    devError.hidden = false
    devError.textContent = 'That is not JSON: nothing was sent.'
    return
  }
  if (!/^[a-z_]+$/.test(eventName)) {
    devError.hidden = false
    devError.textContent = 'Name the event in lower case, e.g. customer_profile.'
    return
  }
  devError.hidden = true
  if (eventName === 'customer_profile') currentProfile = eventData
  emitToWidget(eventName, eventData)
})
