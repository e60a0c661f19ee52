import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { dayToInstant } from '../../../src/pages/archives-page'
import { renderApp } from '../../support/render-app'
import { sandbox } from '../../support/sandbox-msw'
import { NINA, person } from '../../support/workspace-kit'

/** Threads Nina may see: her groups' chats (docs/livechat/agent-api.md#scopes, group 0 an ordinary group here). */
function ninasThreads() {
  const groups = person(NINA).groupIds
  return sandbox.state.world.chats
    .filter(
      (chat) =>
        chat.access.group_ids.some((id) => groups.includes(id)) ||
        chat.users.some((u) => u.id === NINA),
    )
    .flatMap((chat) => chat.threads.map((thread) => ({ chat, thread })))
    .filter(
      ({ thread }) =>
        thread.access.group_ids.some((id) => groups.includes(id)) || thread.user_ids.includes(NINA),
    )
}

describe('/archives', () => {
  it('pages with "Load more" to the end of the archives (list_archives, page_id rules)', async () => {
    const user = userEvent.setup()
    renderApp({ route: '/archives', as: NINA })
    const table = await screen.findByRole('table', { name: 'Archived conversations' })
    expect(within(table).getAllByRole('row')).toHaveLength(11)
    const total = ninasThreads().length
    expect(total).toBeGreaterThan(20)
    while (screen.queryByRole('button', { name: /Load more conversations/ })) {
      await user.click(screen.getByRole('button', { name: /Load more conversations/ }))
      await waitFor(() =>
        expect(screen.queryByRole('button', { name: /Loading more/ })).not.toBeInTheDocument(),
      )
    }
    expect(screen.getByText('You have reached the end of the archives.')).toBeInTheDocument()
    expect(within(table).getAllByRole('row')).toHaveLength(total + 1)
    expect(
      screen.getByText(`Showing ${total} of about ${total} conversations.`),
    ).toBeInTheDocument()
  })

  it('filters by message text, agent and group; the filters live in the address', async () => {
    const user = userEvent.setup()
    renderApp({ route: '/archives', as: NINA })
    await screen.findByRole('table', { name: 'Archived conversations' })
    await user.type(screen.getByRole('searchbox', { name: 'Search messages' }), 'INV-2024-0917')
    await user.click(screen.getByRole('button', { name: 'Apply filters' }))
    const expected = ninasThreads().filter(({ thread }) =>
      thread.events.some((e) => 'text' in e && !e.deleted && e.text.includes('INV-2024-0917')),
    )
    expect(expected.length).toBeGreaterThan(0)
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Archived conversations' })).getAllByRole('row'),
      ).toHaveLength(expected.length + 1),
    )

    await user.click(screen.getByRole('button', { name: 'Clear' }))
    await screen.findByRole('option', { name: 'Ben Backup' })
    await user.selectOptions(screen.getByRole('combobox', { name: 'Agent' }), 'Ben Backup')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group' }), 'Sales')
    await user.click(screen.getByRole('button', { name: 'Apply filters' }))
    const bens = ninasThreads().filter(
      ({ chat, thread }) =>
        thread.user_ids.includes('ben@acme.test') && chat.access.group_ids.includes(1),
    )
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Archived conversations' })).getAllByRole('row'),
      ).toHaveLength(bens.length + 1),
    )
    expect(screen.getByRole('combobox', { name: 'Agent' })).toHaveValue('ben@acme.test')
  })

  it('says so when nothing matches', async () => {
    const user = userEvent.setup()
    renderApp({ route: '/archives', as: NINA })
    await user.type(
      await screen.findByRole('searchbox', { name: 'Search messages' }),
      'zebra crossing',
    )
    await user.click(screen.getByRole('button', { name: 'Apply filters' }))
    expect(await screen.findByText('No conversations match these filters.')).toBeInTheDocument()
  })

  it('turns a picked day into the start or end of that day, as RFC 3339', () => {
    const start = dayToInstant('2026-11-28', 'start')
    const end = dayToInstant('2026-11-28', 'end')
    expect(start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    expect(Date.parse(end ?? '') - Date.parse(start ?? '')).toBe(86_400_000 - 1)
    expect(dayToInstant('28/11/2026', 'start')).toBeUndefined()
  })
})
