// Unit tests talk to the very same sandbox that `npm start` serves: MSW hands every HTTP request
// for the sandbox origin to `app.fetch` in-process, and connects every intercepted WebSocket to
// the sandbox's RTM hub (the transport-agnostic core the `ws` server also drives). One
// definition of the fake LiveChat, HTTP and RTM alike.
import { http, ws } from 'msw'
import { setupServer } from 'msw/node'
import { CLIENT_ID, createSandbox, ORGANIZATION, PEOPLE, type RtmSocket } from 'livechat-sandbox'

export const SANDBOX_ORIGIN = 'http://localhost:4010'
export const SANDBOX_RTM_URL = 'ws://localhost:4010/v3.6/agent/rtm/ws'

export const sandbox = createSandbox()

// Every WebSocket to the sandbox origin: the hub refuses what the real server refuses (another
// version or path) by closing at once, as a browser reports a failed handshake (1006).
const rtm = ws.link('ws://localhost:4010/*')

const rtmHandler = rtm.addEventListener('connection', ({ client }) => {
  const admission = sandbox.rtm.admit(client.url)
  if (!admission.ok) {
    client.close(1006, admission.message)
    return
  }
  // MSW delivers each send in a microtask and drops it once the socket is closing, so the
  // close is queued behind the sends: a push right before a close still arrives, as over TCP.
  const socket: RtmSocket = {
    send: (text) => client.send(text),
    close: (code, reason) => queueMicrotask(() => client.close(code, reason)),
    drop: () => queueMicrotask(() => client.close(1006, '')),
    bufferedAmount: () => 0,
  }
  const connection = sandbox.rtm.accept(socket, admission.organizationId)
  client.addEventListener('message', (event) =>
    connection.receive(typeof event.data === 'string' ? event.data : null),
  )
  client.addEventListener('close', () => connection.closed())
})

export const server = setupServer(
  http.all(`${SANDBOX_ORIGIN}/*`, async ({ request }) => sandbox.app.fetch(request)),
  rtmHandler,
)

/**
 * An access token of the sandbox's app client for a persona (by email), as a sign-in mints: for
 * Acme Support, or another of the persona's organizations.
 */
export function mintToken(
  email: string,
  scopes: readonly string[],
  clientId = CLIENT_ID,
  organizationId = ORGANIZATION.id,
) {
  const person = PEOPLE.find((p) => p.email === email)
  if (!person) throw new Error(`No sandbox person ${email}`)
  return sandbox.state.tokens.issueAccessToken({
    accountId: person.accountId,
    clientId,
    organizationId,
    scopes: [...scopes],
    grant: 'implicit',
    sessionId: null,
    withRefreshToken: false,
  })
}
