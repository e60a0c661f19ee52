// The Flow lab through the real providers and routes, under StrictMode: signed out in its own
// frame, signed in inside the workspace; the comparison charts and a restored run's diagram read
// from what the lab kept in sessionStorage (redacted facts only).
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { LAB_RUN_KEY } from '../../../src/lab/run/waiting-run'
import { noteAuthorizeNavigation } from './authorize-navigations'
import { resetLabStore } from '../../../src/lab/run/lab-store'
import { renderApp } from '../../support/render-app'
import { popupRun, redirectCodeRun } from './lab-runs'

afterEach(() => resetLabStore())

/** The whole app, the lab and (signed in) the workspace render lazily: give a loaded CI machine time. */
const SLOW = { timeout: 8000 }

describe('Flow lab page', () => {
  it('signed out: its own top bar, the control bar, and the comparison charts from the kept runs', async () => {
    sessionStorage.setItem(
      'flow-lab:results',
      JSON.stringify({ popup: popupRun(), redirect: redirectCodeRun() }),
    )
    renderApp({ route: '/flows' })
    expect(
      await screen.findByRole('heading', { name: 'Flow lab', level: 1 }, SLOW),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Run' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Run all' })).toBeEnabled()
    expect(screen.getByRole('img', { name: /^Time to first data/ })).toHaveAccessibleName(
      'Time to first data (ms): Popup 760 ms, Redirect 880 ms, Implicit grant not run yet',
    )
    expect(screen.getByRole('img', { name: /^Round trips/ })).toHaveAccessibleName(
      'Round trips to LiveChat: Popup 5 (floor 4), Redirect 6 (floor 5), Implicit grant not run yet',
    )
  })

  it('a run the loop breaker would refuse waits with a countdown, and Cancel drops it', async () => {
    // Two page navigations to LiveChat in the last few seconds: a third is over the app's limit.
    noteAuthorizeNavigation(Date.now() - 6000)
    noteAuthorizeNavigation(Date.now() - 3000)
    renderApp({ route: '/flows' })
    await screen.findByRole('heading', { name: 'Flow lab', level: 1 }, SLOW)
    const user = userEvent.setup()
    await user.click(screen.getByRole('radio', { name: /^Implicit grant/ }))
    await user.click(screen.getByRole('button', { name: 'Run' }))
    // The gate asks the loop breaker, which comes with the lazily loaded sign-in code.
    expect(await screen.findByRole('timer', {}, SLOW)).toHaveTextContent(
      /^Waiting for LiveChat's sign-in limit: 2[345] s$/,
    )
    expect(screen.getByRole('button', { name: 'Run all' })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('timer')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Run' })).toBeEnabled()
    // Nothing was sent: the guard still holds the two navigations only.
    expect(
      JSON.parse(sessionStorage.getItem('livechat-auth:authorize-navigations') ?? '[]'),
    ).toHaveLength(2)
  })

  it('signed in: inside the workspace, its navigation and account menu', async () => {
    renderApp({ route: '/flows', as: 'nina@acme.test' })
    // The page may first draw in the public frame and then move into the workspace once the
    // session is confirmed: look for the heading after the workspace's navigation is there.
    const link = await screen.findByRole('link', { name: 'Flow lab' }, SLOW)
    expect(screen.getByRole('heading', { name: 'Flow lab', level: 1 })).toBeInTheDocument()
    expect(screen.getByRole('navigation', { name: 'Main' })).toContainElement(link)
    expect(link).toHaveAttribute('aria-current', 'page')
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument()
  })

  it('a run that left the page comes back as a diagram with its lanes and messages', async () => {
    const left = redirectCodeRun()
    // Before this page load (jsdom's time origin), as a run that left the page is.
    const startedAt = performance.timeOrigin - 3000
    const pending = {
      ...left,
      status: 'running',
      reloaded: false,
      startedAt,
      steps: left.steps
        .filter((s) =>
          ['started', 'state-generated', 'authorize-url', 'page-left'].includes(s.kind),
        )
        .map((s) => ({ ...s, at: s.at - left.startedAt + startedAt })),
      exchanges: [],
    }
    sessionStorage.setItem(LAB_RUN_KEY, JSON.stringify(pending))
    renderApp({ route: '/flows' })
    const diagram = await screen.findByRole(
      'group',
      { name: /^Sequence diagram of the Redirect/ },
      SLOW,
    )
    const lanes = within(within(diagram).getByRole('list', { name: 'Lanes' })).getAllByRole(
      'listitem',
    )
    expect(lanes.map((lane) => lane.getAttribute('aria-label'))).toEqual([
      'App tab',
      'Same tab, left for LiveChat',
      'Accounts server',
      'Agent API',
    ])
    const arrows = within(diagram).getAllByRole('button')
    expect(arrows.map((arrow) => arrow.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/Run clicked$/),
      expect.stringMatching(/state generated$/),
      expect.stringMatching(/page left for the authorize URL \(critical path\)$/),
      expect.stringMatching(/page loaded again \(full reload\) \(critical path\)$/),
      // No accounts page in the log yet: the return is the one arrow back.
      expect.stringMatching(/Accounts server to App tab: back to the app, the answer in the URL/),
    ])
    expect(screen.getByText(/Redirect \(SDK\) run: running/)).toHaveAttribute('role', 'status')
  })
})
