// The header's organization and Switch organization (issue 22), through the real providers under
// StrictMode with the sandbox answering HTTP and RTM in-process: Maya Partner is in Acme Support
// and Acme Labs. A switch re-authorizes by popup (jsdom opens none: a stand-in window answers as
// the accounts page would) and nothing of the old organization is on screen with the new one.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { ACME_LABS, ORGANIZATION } from 'livechat-sandbox'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SETTINGS_KEY } from '../../../src/live/attention/attention-settings'
import { sandboxConfig } from '../../support/app-config'
import { renderApp } from '../../support/render-app'
import { tokenAnswer } from '../../support/accounts-answer'
import { sandbox } from '../../support/sandbox-msw'
import { FakeNotification } from '../live/attention/fake-notification'

const MAYA = 'maya@partner.test'
const banner = () => screen.getByRole('banner')
const live = () => screen.findByText('Live', {}, { timeout: 4000 })

interface StandIn {
  closed: boolean
  close(): void
  focus(): void
}

let popup: StandIn
let authorizeUrls: string[]

beforeEach(() => {
  authorizeUrls = []
  popup = { closed: false, close: () => (popup.closed = true), focus: () => undefined }
  // The flow opens a blank window in the click; the SDK then navigates the window of that name.
  vi.spyOn(window, 'open').mockImplementation((url?: string | URL) => {
    if (url) authorizeUrls.push(String(url))
    return popup as unknown as Window
  })
})
afterEach(() => vi.restoreAllMocks())

/** The accounts page answers the switch's popup with a token of `organizationId`. */
async function answerPopup(organizationId: string) {
  await waitFor(() => expect(authorizeUrls).toHaveLength(1))
  const url = authorizeUrls[0] ?? ''
  expect(new URL(url).searchParams.get('organization_id')).toBe(organizationId)
  const answer = tokenAnswer(url, popup, {
    email: MAYA,
    organizationId,
    scopes: sandboxConfig.scopes,
  })
  act(() => window.dispatchEvent(answer))
}

/** Records every state of the page, from now until `stop()`, in which `bad` holds. */
function watchFrames(bad: () => boolean): { seen: string[]; stop(): void } {
  const seen: string[] = []
  const observer = new MutationObserver(() => {
    if (bad()) seen.push(document.body.textContent ?? '')
  })
  observer.observe(document.body, { subtree: true, childList: true, characterData: true })
  return { seen, stop: () => observer.disconnect() }
}

/** The organization the header names (not its switch menu), or '' while it names none. */
const named = () => document.querySelector('.organization-menu__name')?.textContent ?? ''

describe('Switch organization', () => {
  it('X5 X6: Maya in Acme Labs switches to Acme Support by popup: its chats, never a frame of Lab Tester', async () => {
    renderApp({ route: '/chats', as: MAYA, organizationId: ACME_LABS.id })
    const list = await screen.findByRole('navigation', { name: 'Chats' })
    expect(await within(list).findByText('Lab Tester')).toBeInTheDocument()
    await waitFor(() => expect(banner()).toHaveTextContent('Acme Labs'))
    await live()

    const toggle = within(banner()).getByRole('button', { name: 'Switch organization' })
    await userEvent.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    const others = within(banner()).getByRole('list', { name: 'Your other organizations' })
    expect(
      within(others)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Acme Support'])
    // From the moment the header names Acme Support, no state of the page shows Lab Tester.
    const mixed = watchFrames(
      () =>
        named().includes('Acme Support') &&
        (document.body.textContent ?? '').includes('Lab Tester'),
    )
    await userEvent.click(within(others).getByRole('button', { name: 'Acme Support' }))
    // Until LiveChat answers, the agent keeps working where she is.
    expect(await screen.findByText('Switching to Acme Support…')).toBeInTheDocument()
    expect(screen.getByText('Lab Tester')).toBeInTheDocument()

    await answerPopup(ORGANIZATION.id)
    await waitFor(() => expect(banner()).toHaveTextContent('Acme Support'))
    const supportList = await screen.findByRole('navigation', { name: 'Chats' })
    expect(await within(supportList).findByText('Lukas Schmidt')).toBeInTheDocument()
    expect(screen.queryByText('Lab Tester')).not.toBeInTheDocument()
    mixed.stop()
    expect(mixed.seen).toEqual([])
    // One socket for her, logged in to Acme Support (the old one logged out).
    await live()
    await waitFor(() =>
      expect(
        sandbox.rtm
          .describe()
          .filter((c) => c.email === MAYA)
          .map((c) => c.organization_id),
      ).toEqual([ORGANIZATION.id]),
    )
  })

  it('a chat of the old organization lands on the chat list of the new one', async () => {
    const testerChat = sandbox.state
      .worldOf(ACME_LABS.id)
      .chats.find((c) => c.threads.at(-1)?.active && c.users.some((u) => u.id === MAYA))
    renderApp({ route: `/chats/${testerChat?.id}`, as: MAYA, organizationId: ACME_LABS.id })
    expect(await screen.findByRole('log', { name: 'Conversation' })).toBeInTheDocument()
    await userEvent.click(
      await within(banner()).findByRole('button', { name: 'Switch organization' }),
    )
    await userEvent.click(screen.getByRole('button', { name: 'Acme Support' }))
    await answerPopup(ORGANIZATION.id)
    await waitFor(() => expect(banner()).toHaveTextContent('Acme Support'))
    const list = await screen.findByRole('navigation', { name: 'Chats' })
    expect(await within(list).findByText('Lukas Schmidt')).toBeInTheDocument()
    expect(screen.queryByRole('log', { name: 'Conversation' })).not.toBeInTheDocument()
  })

  it('a closed popup leaves the session, the organization and its chats as they were', async () => {
    renderApp({ route: '/chats', as: MAYA, organizationId: ACME_LABS.id })
    await screen.findByText('Lab Tester')
    await userEvent.click(
      await within(banner()).findByRole('button', { name: 'Switch organization' }),
    )
    await userEvent.click(screen.getByRole('button', { name: 'Acme Support' }))
    await waitFor(() => expect(authorizeUrls).toHaveLength(1))
    popup.closed = true
    expect(await screen.findByRole('alert')).toBeInTheDocument()
    expect(banner()).toHaveTextContent('Acme Labs')
    expect(screen.getByText('Lab Tester')).toBeInTheDocument()
    expect(screen.queryByText('Switching to Acme Support…')).not.toBeInTheDocument()
  })

  it('X5: attention: the new organization’s chats already waiting do not ring, nor does the old one', async () => {
    FakeNotification.install('granted')
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ sound: false, desktop: true }))
    renderApp({ route: '/chats', as: MAYA, organizationId: ACME_LABS.id })
    await screen.findByText('Lab Tester')
    await live()
    await userEvent.click(within(banner()).getByRole('button', { name: 'Switch organization' }))
    await userEvent.click(screen.getByRole('button', { name: 'Acme Support' }))
    await answerPopup(ORGANIZATION.id)
    await waitFor(() => expect(banner()).toHaveTextContent('Acme Support'))
    await live()
    // Acme Support's General has a chat queued since before: nothing rings for it.
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)))
    expect(FakeNotification.shown).toEqual([])
    vi.unstubAllGlobals()
  })
})

describe('who sees the header’s organization', () => {
  it('an account of one organization: no name, no switcher', async () => {
    renderApp({ route: '/session', as: 'nina@acme.test' })
    await screen.findByRole('heading', { name: 'Session', level: 1 })
    await waitFor(() => expect(screen.getByText('Acme Support')).toBeInTheDocument())
    expect(banner()).not.toHaveTextContent('Acme Support')
    expect(screen.queryByRole('button', { name: 'Switch organization' })).not.toBeInTheDocument()
  })

  it('a pinned build names the organization and offers no switcher', async () => {
    renderApp({
      route: '/chats',
      as: MAYA,
      organizationId: ACME_LABS.id,
      config: { ...sandboxConfig, organizationId: ACME_LABS.id },
    })
    await screen.findByText('Lab Tester')
    await waitFor(() => expect(banner()).toHaveTextContent('Acme Labs'))
    expect(screen.queryByRole('button', { name: 'Switch organization' })).not.toBeInTheDocument()
  })
})
