import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { AuthError } from 'livechat-browser-auth'
import { sandboxConfig } from '../../support/app-config'
import { renderApp, tokenCallback } from '../../support/render-app'

describe('sign-in page', () => {
  it('a signed-out visit to a guarded page lands on sign-in with one button per flow', async () => {
    renderApp({ route: '/team' })
    expect(await screen.findByRole('heading', { name: /sign in/i, level: 1 })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /popup/i })).toBeEnabled()
    expect(screen.getByRole('button', { name: /redirect/i })).toBeEnabled()
    expect(screen.getByRole('button', { name: /implicit/i })).toBeEnabled()
  })

  it('a refused redirect result is shown as an alert in plain words, and can be dismissed', async () => {
    renderApp({
      redirectCallback: Promise.resolve({
        kind: 'error',
        error: new AuthError('state_mismatch'),
        returnTo: '/',
      }),
    })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(/.+/)
    expect(alert).not.toHaveTextContent(/state_mismatch/)
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('a validated sign-in shows the agent by name with a Sign out button, on the page asked for', async () => {
    renderApp({ route: '/', as: 'nina@acme.test' })
    expect(await screen.findByRole('heading', { name: 'Welcome, Nina Agent' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument()
  })

  it('a token issued to another client is refused (token injection, catalogue #42)', async () => {
    const { mintToken } = await import('../../support/sandbox-msw')
    const foreign = mintToken(
      'nina@acme.test',
      ['accounts--my:ro'],
      'fedcba9876543210fedcba9876543210',
    )
    renderApp({ redirectCallback: tokenCallback(foreign.token) })
    expect(await screen.findByRole('alert')).toHaveTextContent(/different app|another app/i)
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument()
  })

  it('signing out returns to the sign-in page and says so', async () => {
    renderApp({ route: '/', as: 'nina@acme.test' })
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }))
    // In the page's one status line, once its words have loaded (the workspace preloads them).
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('You signed out.'))
  })
})

describe('an organization hint', () => {
  const LABS = '8e4c2a19-7b3d-4f5e-a1c6-0d9b8f7e6a5c'

  it('Sign-in options take an organization ID, sent as organization_id so LiveChat asks nothing', async () => {
    const urls: string[] = []
    vi.spyOn(window, 'open').mockImplementation((url?: string | URL) => {
      if (url) urls.push(String(url))
      return { closed: false, close() {}, focus() {} } as unknown as Window
    })
    renderApp({ route: '/' })
    await userEvent.click(await screen.findByText('Sign-in options'))
    await userEvent.type(await screen.findByLabelText(/Organization ID/), LABS)
    await userEvent.click(screen.getByRole('button', { name: /popup/i }))
    await waitFor(() => expect(urls).toHaveLength(1))
    expect(new URL(urls[0] ?? '').searchParams.get('organization_id')).toBe(LABS)
    vi.restoreAllMocks()
  })

  it('a pinned build has no such field: it signs in to its own organization', async () => {
    renderApp({ route: '/', config: { ...sandboxConfig, organizationId: LABS } })
    await userEvent.click(await screen.findByText('Sign-in options'))
    expect(await screen.findByText('Popup mode')).toBeInTheDocument()
    expect(screen.queryByLabelText(/Organization ID/)).not.toBeInTheDocument()
  })
})

describe('scope guard', () => {
  it('#20: lists each missing scope with its meaning and offers Request access', async () => {
    renderApp({ route: '/supervisor', as: 'nina@acme.test' })
    expect(await screen.findByRole('heading', { name: /more access/i })).toBeInTheDocument()
    expect(screen.getByText('chats--all:ro')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Request access' })).toBeEnabled()
  })

  it('lets the page through when an implying scope was granted', async () => {
    renderApp({
      route: '/supervisor',
      as: 'adam@acme.test',
      scopes: ['accounts--my:ro', 'chats--all:rw'],
    })
    expect(await screen.findByRole('heading', { name: 'All chats', level: 1 })).toBeInTheDocument()
  })
})
