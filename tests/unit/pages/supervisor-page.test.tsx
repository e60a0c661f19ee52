import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCOPES } from 'livechat-browser-auth'
import { renderApp } from '../../support/render-app'
import { sandbox } from '../../support/sandbox-msw'
import { NINA, OLIVIA } from '../../support/workspace-kit'

describe('/supervisor', () => {
  it('a normal agent sees the scope guard with "Request access" (chats--all:ro)', async () => {
    renderApp({ route: '/supervisor', as: NINA })
    expect(await screen.findByRole('heading', { name: /more access/i })).toBeInTheDocument()
    expect(screen.getByText('chats--all:ro')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Request access' })).toBeEnabled()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('with chats--all:ro Olivia sees every chat of the license, all groups, paged to the end', async () => {
    const user = userEvent.setup()
    renderApp({ route: '/supervisor', as: OLIVIA, scopes: [...DEFAULT_SCOPES, 'chats--all:ro'] })
    const table = await screen.findByRole('table', { name: 'All chats of the license' })
    expect(within(table).getAllByRole('row')).toHaveLength(11)
    let pages = 1
    while (screen.queryByRole('button', { name: 'Load more chats' })) {
      await user.click(screen.getByRole('button', { name: 'Load more chats' }))
      await waitFor(() =>
        expect(screen.queryByRole('button', { name: /Loading more/ })).not.toBeInTheDocument(),
      )
      pages += 1
    }
    expect(pages).toBe(Math.ceil(sandbox.state.world.chats.length / 10))
    expect(screen.getByText('That is every chat of the license.')).toBeInTheDocument()
    expect(within(table).getAllByRole('row')).toHaveLength(sandbox.state.world.chats.length + 1)
    for (const name of ['General', 'Sales', 'Support']) {
      expect((await within(table).findAllByRole('cell', { name })).length).toBeGreaterThan(0)
    }
  })
})
