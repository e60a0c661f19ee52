// Sign-out and sessions (docs/ACCOUNTS.md). An accounts session is
// the sign-in made on the sandbox's pages; every token minted in it carries its id, so ending
// the session kills those tokens too.
import { Hono } from 'hono'
import type { SandboxState } from '../state'
import { authenticate } from './caller-auth'
import { accountsError } from './json-errors'

export function sessionRoutes(state: SandboxState): Hono {
  const routes = new Hono()

  routes.get('/v2/sessions', (c) => {
    const record = authenticate(c, state, 'sessions--my:ro')
    if (record instanceof Response) return record
    const sessions = [...state.sessions.values()].filter(
      (s) => s.accountId === record.accountId && !s.ended,
    )
    return c.json(
      sessions.map((session) => ({
        account_id: session.accountId,
        session_id: session.id,
        current: session.id === record.sessionId,
        user_agent: session.userAgent,
        identity_source: 'credentials',
        ip: '127.0.0.1',
        applications: applicationsOf(state, session.id),
      })),
    )
  })

  // Sign out everywhere: every session of the account, every token it holds (docs/ACCOUNTS.md). The body
  // is `{}` so that the sample apps' `response.json()` succeeds.
  routes.delete('/v2/sessions', (c) => {
    const record = authenticate(c, state, 'sessions--my:rw')
    if (record instanceof Response) return record
    state.endAllSessions(record.accountId)
    return c.json({})
  })

  // accounts SDK 1.x's "sign out this session only"; not in the Global Accounts API document but still answered.
  routes.delete('/v2/sessions/my', (c) => {
    const record = authenticate(c, state, 'sessions--my:rw')
    if (record instanceof Response) return record
    if (record.sessionId) endSession(state, record.sessionId)
    state.tokens.revokeAccessToken(record)
    return c.json({})
  })

  routes.delete('/v2/sessions/:id', (c) => {
    const record = authenticate(c, state, 'sessions--my:rw')
    if (record instanceof Response) return record
    const id = c.req.param('id')
    const session = state.sessions.get(id)
    if (!session || session.ended || session.accountId !== record.accountId) {
      return accountsError(c, 404, 'resource_not_found', {
        resource_name: 'session',
        resource_id: id,
      })
    }
    endSession(state, id)
    return c.json({})
  })

  return routes
}

/** Ends one accounts session and revokes every access and refresh token minted in it. */
export function endSession(state: SandboxState, sessionId: string): void {
  const session = state.sessions.get(sessionId)
  if (session) session.ended = true
  for (const record of state.tokens.accessTokens.values()) {
    if (record.sessionId === sessionId) state.tokens.revokeAccessToken(record)
  }
  for (const refresh of state.tokens.refreshTokens.values()) {
    if (refresh.sessionId === sessionId) refresh.revoked = true
  }
}

function applicationsOf(state: SandboxState, sessionId: string) {
  const now = state.now()
  const clientIds = new Set(
    [...state.tokens.accessTokens.values()]
      .filter((t) => t.sessionId === sessionId && !t.revoked && t.expiresAt > now)
      .map((t) => t.clientId),
  )
  return state.clients
    .all()
    .filter((client) => clientIds.has(client.id))
    .map((client) => ({
      name: client.name,
      client_id: client.id,
      session_id: sessionId,
    }))
}
