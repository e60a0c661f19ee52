import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCOPES } from 'livechat-browser-auth'
import { renderApp } from '../../support/render-app'
import { sandbox } from '../../support/sandbox-msw'
import { addFault, agentPath, NINA, requestsTo } from '../../support/workspace-kit'

describe('/ (home)', () => {
  it('shows my profile from accounts `me` and Configuration `get_agent`', async () => {
    renderApp({ route: '/', as: NINA })
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome, Nina Agent' }),
    ).toBeInTheDocument()
    const profile = screen.getByRole('heading', { name: 'My profile' }).parentElement as HTMLElement
    expect(within(profile).getByText('nina@acme.test')).toBeInTheDocument()
    expect(await within(profile).findByText('Sales Agent')).toBeInTheDocument()
    expect(within(profile).getByText('normal')).toBeInTheDocument()
    expect(await within(profile).findByText('General, Sales')).toBeInTheDocument()
  })

  it('changes my routing status with set_routing_status (agents--my:rw)', async () => {
    const user = userEvent.setup()
    renderApp({ route: '/', as: NINA })
    const accepting = await screen.findByRole('radio', { name: 'Accepting chats' })
    expect(accepting).toBeChecked()
    await user.click(screen.getByRole('radio', { name: 'Not accepting chats' }))
    await waitFor(() =>
      expect(sandbox.state.world.routingStatuses.get(NINA)).toBe('not_accepting_chats'),
    )
    await waitFor(() =>
      expect(screen.getByText(/You are/)).toHaveTextContent('You are not accepting chats.'),
    )
    expect(screen.getByRole('radio', { name: 'Not accepting chats' })).toBeChecked()
    expect(requestsTo(agentPath('set_routing_status'))).toHaveLength(1)
  })

  it('a failed change snaps back and says why', async () => {
    const user = userEvent.setup()
    addFault({ path: agentPath('set_routing_status'), status: 500 })
    renderApp({ route: '/', as: NINA })
    await user.click(await screen.findByRole('radio', { name: 'Not accepting chats' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/not changed/)
    expect(screen.getByRole('radio', { name: 'Accepting chats' })).toBeChecked()
    expect(sandbox.state.world.routingStatuses.get(NINA)).toBe('accepting_chats')
  })

  it('without agents--my:rw the control is disabled and says which permission is missing', async () => {
    const scopes = DEFAULT_SCOPES.filter((s) => s !== 'agents--my:rw').concat('agents--my:ro')
    renderApp({ route: '/', as: NINA, scopes })
    expect(await screen.findByRole('radio', { name: 'Accepting chats' })).toBeDisabled()
    expect(screen.getByText(/agents--my:rw/)).toBeInTheDocument()
  })
})

describe('/ home, changing my status', () => {
  it('shows my profile and lets me change my routing status (set_routing_status)', async () => {
    renderApp({ route: '/', as: NINA })
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome, Nina Agent' }),
    ).toBeInTheDocument()
    const control = await screen.findByRole('group', { name: 'Change my routing status' })
    const radios = within(control).getAllByRole('radio')
    const unchecked = radios.find((radio) => !(radio as HTMLInputElement).checked)
    expect(unchecked).toBeDefined()
    await userEvent.click(unchecked!)
    await waitFor(() => {
      const entry = sandbox.state.requestLog.find((r) => r.path.endsWith('/set_routing_status'))
      expect(entry?.status).toBe(200)
    })
    await waitFor(() => expect(unchecked).toBeChecked())
  })

  it('with the read scopes only, the control is disabled and names agents--my:rw', async () => {
    renderApp({
      route: '/',
      as: NINA,
      scopes: ['accounts--my:ro', 'agents--my:ro', 'agents--all:ro'],
    })
    const control = await screen.findByRole('group', { name: 'Change my routing status' })
    expect(control).toBeDisabled()
    expect(screen.getByText('agents--my:rw')).toBeInTheDocument()
  })
})
