import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { whileVisible } from '../../../src/components/while-visible'
import { renderApp } from '../../support/render-app'
import { sandbox } from '../../support/sandbox-msw'
import {
  activeChats,
  agentPath,
  customerName,
  NINA,
  person,
  requestsTo,
  SAM,
} from '../../support/workspace-kit'

afterEach(() => {
  vi.restoreAllMocks()
})

/** The chat list (the left pane) once it has loaded. */
async function chatList() {
  return screen.findByRole('navigation', { name: 'Chats' })
}

function chatLinks(list: HTMLElement): HTMLAnchorElement[] {
  return within(list).queryAllByRole('link') as HTMLAnchorElement[]
}

describe('/chats', () => {
  it('shows Nina the open chats of her groups only (chats--access:ro follows groups)', async () => {
    renderApp({ route: '/chats', as: NINA })
    const list = await chatList()
    const groups = person(NINA).groupIds
    const expected = activeChats().filter((chat) =>
      chat.access.group_ids.some((id) => groups.includes(id)),
    )
    expect(expected.length).toBeGreaterThan(0)
    expect(chatLinks(list)).toHaveLength(expected.length)
    for (const chat of activeChats()) {
      const link = chatLinks(list).find((a) => a.getAttribute('href') === `/chats/${chat.id}`)
      expect(Boolean(link), `${chat.id} ${customerName(chat)}`).toBe(expected.includes(chat))
    }
    expect(within(list).queryByText(/Support/)).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Chats' })).toBeInTheDocument()
  })

  it('Sam (Support only) sees a different set: the Support chats', async () => {
    renderApp({ route: '/chats', as: SAM })
    const list = await chatList()
    const links = chatLinks(list)
    expect(links.length).toBeGreaterThan(0)
    for (const link of links) expect(link).toHaveTextContent(/Support ·/)
  })

  it('sorts my chats, the queued ones and the others into sections', async () => {
    renderApp({ route: '/chats', as: NINA })
    const list = await chatList()
    const mine = within(list).getByRole('region', { name: /^My chats/ })
    for (const link of chatLinks(mine)) {
      const chat = activeChats().find((c) => link.getAttribute('href') === `/chats/${c.id}`)
      expect(chat?.users.some((u) => u.id === NINA && u.present)).toBe(true)
    }
  })

  it('StrictMode fetches once before the socket logs in, and a revisit shows the cached list at once', async () => {
    const user = userEvent.setup()
    renderApp({ route: '/chats', as: NINA })
    await chatList()
    await screen.findByText('Live')
    // One fetch, and at most one more after the login (the resync when the first answer came
    // before it: the server replays no push it sent meanwhile).
    const first = requestsTo(agentPath('list_chats')).length
    expect(first).toBeGreaterThanOrEqual(1)
    expect(first).toBeLessThanOrEqual(2)
    expect(requestsTo('/v2/accounts/me')).toHaveLength(1)

    await user.click(screen.getByRole('link', { name: 'Home' }))
    await screen.findByRole('heading', { name: 'Welcome, Nina Agent' })
    await user.click(screen.getByRole('link', { name: 'Chats' }))
    // Cached and kept true by the socket: no loading state, nothing fetched again.
    expect(await chatList()).toBeInTheDocument()
    expect(screen.queryByText(/Loading your chats/)).not.toBeInTheDocument()
    expect(requestsTo(agentPath('list_chats'))).toHaveLength(first)
  })

  it('pages with "Load more" until every open chat is shown', async () => {
    const user = userEvent.setup()
    // More open chats than one page (100) holds, in Nina's groups.
    const template = activeChats().find((chat) => chat.access.group_ids.includes(1))
    if (!template) throw new Error('seed has no open Sales chat')
    for (let i = 0; i < 100; i++)
      sandbox.state.world.chats.push({
        ...structuredClone(template),
        id: `EXTRA${String(i).padStart(5, '0')}`,
      })
    renderApp({ route: '/chats', as: NINA })
    const list = await chatList()
    expect(chatLinks(list)).toHaveLength(100)
    await user.click(screen.getByRole('button', { name: 'Load more chats' }))
    expect(await screen.findByText('That is every open chat.')).toBeInTheDocument()
    const groups = person(NINA).groupIds
    const total = activeChats().filter((chat) =>
      chat.access.group_ids.some((id) => groups.includes(id)),
    ).length
    expect(chatLinks(list)).toHaveLength(total)
    expect(screen.queryByRole('button', { name: /Load more/ })).not.toBeInTheDocument()
  })

  it('says so when there are no open chats', async () => {
    for (const chat of sandbox.state.world.chats)
      for (const thread of chat.threads) thread.active = false
    renderApp({ route: '/chats', as: NINA })
    expect(await screen.findByText(/No open chats right now/)).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: /·/ })).not.toBeInTheDocument()
  })

  it('the supervisor list refreshes only while the page is visible', () => {
    const state = vi.spyOn(document, 'visibilityState', 'get')
    state.mockReturnValue('visible')
    expect(whileVisible(15_000)()).toBe(15_000)
    state.mockReturnValue('hidden')
    expect(whileVisible(15_000)()).toBe(false)
  })
})
