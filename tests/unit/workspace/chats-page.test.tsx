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
} from './workspace-kit'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('/chats', () => {
  it('shows Nina the open chats of her groups only (chats--access:ro, agent-api §2)', async () => {
    renderApp({ route: '/chats', as: NINA })
    const table = await screen.findByRole('table', { name: 'Open chats' })
    const rows = within(table).getAllByRole('row').slice(1)
    const groups = person(NINA).groupIds
    const expected = activeChats().filter((chat) =>
      chat.access.group_ids.some((id) => groups.includes(id)),
    )
    expect(expected.length).toBeGreaterThan(0)
    expect(rows).toHaveLength(expected.length)
    for (const chat of activeChats()) {
      const link = within(table)
        .queryAllByRole('link')
        .find((a) => a.getAttribute('href') === `/chats/${chat.id}`)
      expect(Boolean(link), `${chat.id} ${customerName(chat)}`).toBe(expected.includes(chat))
    }
    expect(within(table).queryByRole('cell', { name: 'Support' })).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'My chats' })).toBeInTheDocument()
  })

  it('Sam (Support only) sees a different set: the Support chats', async () => {
    renderApp({ route: '/chats', as: SAM })
    const table = await screen.findByRole('table', { name: 'Open chats' })
    await within(table).findAllByRole('cell', { name: 'Support' })
    const groups = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[1]?.textContent)
    expect(new Set(groups)).toEqual(new Set(['Support']))
  })

  it('StrictMode does not double-fetch on first visit, and a revisit shows the cached list at once', async () => {
    const user = userEvent.setup()
    renderApp({ route: '/chats', as: NINA })
    await screen.findByRole('table', { name: 'Open chats' })
    expect(requestsTo(agentPath('list_chats'))).toHaveLength(1)
    expect(requestsTo('/v2/accounts/me')).toHaveLength(1)

    await user.click(screen.getByRole('link', { name: 'Home' }))
    await screen.findByRole('heading', { name: 'Welcome, Nina Agent' })
    await user.click(screen.getByRole('link', { name: 'Chats' }))
    // Cached: the table is there without a loading state, and nothing was fetched again.
    expect(await screen.findByRole('table', { name: 'Open chats' })).toBeInTheDocument()
    expect(screen.queryByText(/Loading your chats/)).not.toBeInTheDocument()
    expect(requestsTo(agentPath('list_chats'))).toHaveLength(1)
  })

  it('pages with "Load more" until every open chat is shown', async () => {
    const user = userEvent.setup()
    // More open chats than one page (10) holds, in Nina's groups.
    const template = activeChats().find((chat) => chat.access.group_ids.includes(1))
    if (!template) throw new Error('seed has no open Sales chat')
    for (let i = 0; i < 12; i++)
      sandbox.state.world.chats.push({
        ...structuredClone(template),
        id: `EXTRA${String(i).padStart(5, '0')}`,
      })
    renderApp({ route: '/chats', as: NINA })
    const table = await screen.findByRole('table', { name: 'Open chats' })
    expect(within(table).getAllByRole('row')).toHaveLength(11)
    await user.click(screen.getByRole('button', { name: 'Load more chats' }))
    expect(await screen.findByText('That is every open chat.')).toBeInTheDocument()
    const groups = person(NINA).groupIds
    const total = activeChats().filter((chat) =>
      chat.access.group_ids.some((id) => groups.includes(id)),
    ).length
    expect(within(table).getAllByRole('row')).toHaveLength(total + 1)
    expect(screen.queryByRole('button', { name: /Load more/ })).not.toBeInTheDocument()
  })

  it('says so when there are no open chats', async () => {
    for (const chat of sandbox.state.world.chats)
      for (const thread of chat.threads) thread.active = false
    renderApp({ route: '/chats', as: NINA })
    expect(await screen.findByText(/No open chats right now/)).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('refreshes only while the page is visible', () => {
    const state = vi.spyOn(document, 'visibilityState', 'get')
    state.mockReturnValue('visible')
    expect(whileVisible(15_000)()).toBe(15_000)
    state.mockReturnValue('hidden')
    expect(whileVisible(15_000)()).toBe(false)
  })
})
