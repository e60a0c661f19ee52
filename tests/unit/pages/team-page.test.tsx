import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../support/render-app'
import { sandbox } from '../../support/sandbox-msw'
import { NINA } from '../../support/workspace-kit'

describe('/team', () => {
  it('lists agents with role and routing status, and groups with theirs', async () => {
    sandbox.state.world.routingStatuses.set('sam@acme.test', 'not_accepting_chats')
    renderApp({ route: '/team', as: NINA })
    const agents = await screen.findByRole('table', { name: 'Agents' })
    const sam = within(agents)
      .getByRole('rowheader', { name: 'Sam Support' })
      .closest('tr') as HTMLElement
    expect(within(sam).getByRole('cell', { name: 'sam@acme.test' })).toBeInTheDocument()
    expect(
      await within(sam).findByRole('cell', { name: 'Not accepting chats' }),
    ).toBeInTheDocument()
    expect(within(agents).getAllByRole('row')).toHaveLength(sandbox.state.world.agents.length + 1)
    expect(
      within(agents)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Name', 'Email', 'Role', 'Groups', 'Routing status'])

    const groups = await screen.findByRole('table', { name: 'Groups' })
    for (const group of sandbox.state.world.groups) {
      expect(within(groups).getByRole('rowheader', { name: group.name })).toBeInTheDocument()
    }
  })
})

describe('/team, by name and without its scopes', () => {
  it('lists agents with their routing status, and the groups', async () => {
    renderApp({ route: '/team', as: NINA })
    expect(await screen.findByRole('rowheader', { name: 'Sam Support' })).toBeInTheDocument()
    expect(screen.getByRole('rowheader', { name: 'Olivia Owner' })).toBeInTheDocument()
    expect(await screen.findByRole('rowheader', { name: 'Support' })).toBeInTheDocument()
  })

  it('a missing scope is explained, not retried into a sign-out', async () => {
    renderApp({ route: '/team', as: NINA, scopes: ['accounts--my:ro'] })
    expect(await screen.findByRole('heading', { name: /more access/i })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument()
  })
})
