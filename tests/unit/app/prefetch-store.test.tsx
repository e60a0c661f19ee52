// Issue 15, goal 1: the landing page's first data is requested while LiveChat is still checking
// the token (/v2/info), used once by the page it was fetched for, and never shown when the check
// fails. Through the real providers and routes, against the in-process sandbox.
import { screen, waitFor, within } from '@testing-library/react'
import { delay, http, ws } from 'msw'
import { describe, expect, it } from 'vitest'
import { takePrefetch } from '../../../src/app/prefetch-store'
import { renderApp, tokenCallback } from '../../support/render-app'
import { mintToken } from '../../support/sandbox-msw'
import { SANDBOX_ORIGIN, sandbox, server } from '../../support/sandbox-msw'
import { agentPath, NINA, requestsTo } from '../../support/workspace-kit'

const LIST_CHATS = agentPath('list_chats')
const CHECK_MS = 1500

/** LiveChat takes its time to check the token, as over a real network; when was it asked? */
function slowTokenCheck(): { askedAt: number[] } {
  const seen = { askedAt: [] as number[] }
  server.use(
    http.get(`${SANDBOX_ORIGIN}/v2/info`, async ({ request }) => {
      seen.askedAt.push(Date.now())
      await delay(CHECK_MS)
      return sandbox.app.fetch(request)
    }),
  )
  return seen
}

/** When the workspace's socket logged in to LiveChat (its resync refetches older data). */
function watchSocketLogin(): { at: number[] } {
  const seen = { at: [] as number[] }
  server.use(
    ws.link('ws://localhost:4010/*').addEventListener('connection', ({ client }) => {
      client.addEventListener('message', (event) => {
        if (typeof event.data === 'string' && event.data.includes('"action":"login"'))
          seen.at.push(Date.now())
      })
    }),
  )
  return seen
}

describe('first data in parallel with /v2/info', () => {
  it('the chats list is requested while the token is being checked, and the page sends it no more', async () => {
    const check = slowTokenCheck()
    const login = watchSocketLogin()
    renderApp({ route: '/chats', as: NINA })
    const list = await screen.findByRole(
      'navigation',
      { name: 'Chats' },
      { timeout: CHECK_MS + 4000 },
    )
    expect((await within(list).findAllByRole('link')).length).toBeGreaterThan(0)
    await waitFor(() => expect(login.at).toHaveLength(1))
    const loggedInAt = login.at[0] ?? 0
    const lists = requestsTo(LIST_CHATS)
    // One before the socket's login: the speculative request, sent well before the check could
    // have answered (in parallel, not after it), which the page used instead of its own…
    const beforeLogin = lists.filter((request) => request.at < loggedInAt)
    expect(beforeLogin).toHaveLength(1)
    expect((beforeLogin[0]?.at ?? Infinity) - (check.askedAt[0] ?? 0)).toBeLessThan(CHECK_MS)
    // …and at most the resync after it (LiveChat replays nothing that happened before a login).
    expect(lists.length - beforeLogin.length).toBeLessThanOrEqual(1)
    // The header's "who am I" too, once.
    expect(requestsTo('/v2/accounts/me')).toHaveLength(1)
  }, 10_000)

  it('#42 a token issued to another app: its early data is never shown, and nothing of it is kept', async () => {
    slowTokenCheck()
    const foreign = mintToken(
      NINA,
      ['accounts--my:ro', 'chats--access:ro'],
      'fedcba9876543210fedcba9876543210',
    )
    renderApp({
      route: '/chats',
      redirectCallback: tokenCallback(foreign.token, { flow: 'implicit', returnTo: '/chats' }),
    })
    expect(await screen.findByRole('alert', {}, { timeout: CHECK_MS + 4000 })).toHaveTextContent(
      /another app|different app/i,
    )
    expect(requestsTo(LIST_CHATS).length).toBeLessThanOrEqual(1)
    expect(screen.queryByRole('navigation', { name: 'Chats' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull()
    // Discarded: even for the very same credential there is nothing to take.
    expect(takePrefetch({ scheme: 'Bearer', value: foreign.token })).toBeNull()
  }, 10_000)
})
