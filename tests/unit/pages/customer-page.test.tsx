import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCOPES } from 'livechat-browser-auth'
import { renderApp } from '../../support/render-app'
import { sandbox } from '../../support/sandbox-msw'
import { NINA } from '../../support/workspace-kit'

describe('/customers/:customerId', () => {
  it('shows the customer (get_customer): contact, activity and their chats as links', async () => {
    const customer = sandbox.state.world.customers.find(
      (c) => c.name && c.email && c.chat_ids.length > 0,
    )
    if (!customer) throw new Error('no named customer')
    renderApp({ route: `/customers/${customer.id}`, as: NINA })
    expect(
      await screen.findByRole('heading', { level: 1, name: customer.name }),
    ).toBeInTheDocument()
    expect(screen.getByText(customer.email ?? '')).toBeInTheDocument()
    const chats = screen.getByRole('heading', { name: 'Chats' }).parentElement as HTMLElement
    for (const id of customer.chat_ids) {
      expect(within(chats).getByRole('link', { name: `Chat ${id}` })).toHaveAttribute(
        'href',
        `/chats/${id}`,
      )
    }
  })

  it('an unknown customer is a clear "not found", with Retry', async () => {
    renderApp({ route: '/customers/00000000-0000-4000-8000-000000000000', as: NINA })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(/could not find/i)
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
  })

  it('without customers:ro the route shows the scope guard instead', async () => {
    const customer = sandbox.state.world.customers[0]
    renderApp({
      route: `/customers/${customer?.id}`,
      as: NINA,
      scopes: DEFAULT_SCOPES.filter((s) => s !== 'customers:ro'),
    })
    expect(await screen.findByRole('heading', { name: /more access/i })).toBeInTheDocument()
    expect(screen.getByText('customers:ro')).toBeInTheDocument()
  })
})

describe('/customers/:id, reached from a chat', () => {
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
