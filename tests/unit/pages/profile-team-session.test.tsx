import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../support/render-app'
import { sandbox } from '../../support/sandbox-msw'
import { NINA, OLIVIA, person } from '../../support/workspace-kit'

describe('/ home', () => {
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

  it('without agents--my:rw the control is disabled and says which permission is missing', async () => {
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

describe('/team', () => {
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

describe('/session', () => {
  it('shows the token facts with the token redacted, and the granted scopes with meanings', async () => {
    renderApp({ route: '/session', as: OLIVIA })
    expect(await screen.findByRole('heading', { level: 1, name: 'Session' })).toBeInTheDocument()
    const redacted = screen.getByLabelText('Access token, redacted')
    const live = [...sandbox.state.tokens.accessTokens.values()].find(
      (t) => t.accountId === person(OLIVIA).accountId,
    )!
    expect(redacted.textContent).not.toContain(live.token)
    expect(redacted.textContent?.startsWith(live.token.slice(0, 2))).toBe(true)
    expect(document.body.textContent).not.toContain(live.token)
    expect(screen.getByText(person(OLIVIA).accountId)).toBeInTheDocument()
    expect(screen.getAllByText(/chats--access:rw/).length).toBeGreaterThan(0)
  })

  it('"Sign out everywhere" ends the LiveChat session and revokes every token of the account', async () => {
    renderApp({ route: '/session', as: OLIVIA })
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out everywhere' }))
    expect(await screen.findByRole('button', { name: /popup/i })).toBeInTheDocument()
    await waitFor(() => {
      const mine = [...sandbox.state.tokens.accessTokens.values()].filter(
        (t) => t.accountId === person(OLIVIA).accountId,
      )
      expect(mine.length).toBeGreaterThan(0)
      expect(mine.every((t) => t.revoked)).toBe(true)
    })
    expect(
      sandbox.state.requestLog.some((r) => r.method === 'DELETE' && r.path === '/v2/sessions'),
    ).toBe(true)
  })
})

describe('/customers/:id', () => {
  it('shows the customer reached from a chat', async () => {
    const customer = sandbox.state.world.customers.find((c) => c.name && c.email)!
    renderApp({ route: `/customers/${customer.id}`, as: NINA })
    expect(
      await screen.findByRole('heading', { level: 1, name: customer.name }),
    ).toBeInTheDocument()
    expect(screen.getByText(customer.email!)).toBeInTheDocument()
  })

  it('an unknown customer gets a clear not-found message', async () => {
    renderApp({ route: '/customers/00000000-0000-4000-8000-000000000000', as: NINA })
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not find|not found/i)
  })
})
