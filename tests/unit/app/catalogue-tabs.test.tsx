// A sleeping laptop (SECURITY.md #59): the session's expiry is checked again on wake-up, before
// any request goes out with a dead token. Real providers through render-app.
import { act, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderApp } from '../../support/render-app'
import { sandbox } from '../../support/sandbox-msw'

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('a laptop that slept past expiry', () => {
  it('#59: on visibilitychange after expiresAt the app signs out before sending any request', async () => {
    renderApp({ route: '/', as: 'nina@acme.test' })
    expect(
      await screen.findByRole('heading', { name: 'Welcome, Nina Agent' }, { timeout: 10_000 }),
    ).toBeInTheDocument()
    await waitFor(() => expect(sandbox.state.requestLog.length).toBeGreaterThan(0), {
      timeout: 10_000,
    })
    // Let the home page's queries settle (the profile needs `me`, then get_agent), then watch
    // only what happens after the wake-up.
    expect(await screen.findByText('Chat limit', {}, { timeout: 10_000 })).toBeInTheDocument()
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    const before = sandbox.state.requestLog.length

    // Timers were frozen while asleep: only the clock moved, past the 8-hour token.
    const woke = Date.now() + 9 * 3_600_000
    vi.spyOn(Date, 'now').mockReturnValue(woke)
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'))
    })

    expect(
      await screen.findByText(
        'Your session expired. Sign in again to pick up where you left off.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument()
    const after = sandbox.state.requestLog.slice(before)
    // No API call went out with the dead token (a revoke of it, to accounts, is allowed).
    expect(after.filter((r) => r.path.startsWith('/v3.6/'))).toEqual([])
  })
})
