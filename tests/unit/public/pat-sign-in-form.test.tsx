// The sign-in page's personal access token option, through the real providers and routes, with
// PATs minted by the sandbox (POST /sandbox/pats).
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { ACME_LABS } from 'livechat-sandbox'
import { describe, expect, it } from 'vitest'
import { sandboxConfig } from '../../support/app-config'
import { renderApp } from '../../support/render-app'
import { SANDBOX_ORIGIN } from '../../support/sandbox-msw'

async function mint(scopes: string[], account = 'nina@acme.test', organizationId?: string) {
  const response = await fetch(`${SANDBOX_ORIGIN}/sandbox/pats`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ account, name: 'dev', scopes, organization_id: organizationId }),
  })
  return (await response.json()) as { account_id: string; token: string; base64: string }
}

async function openForm() {
  const toggle = await screen.findByRole('button', { name: 'Use a personal access token' })
  expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await userEvent.click(toggle)
  expect(toggle).toHaveAttribute('aria-expanded', 'true')
  return screen.findByRole('button', { name: 'Sign in with token' })
}

describe('sign-in with a personal access token', () => {
  it('warns before submitting, then signs in with the Account ID and PAT and shows the agent', async () => {
    const pat = await mint(['accounts--my:ro', 'agents--my:ro', 'agents--my:rw'])
    renderApp({ route: '/' })
    const submit = await openForm()
    const form = submit.closest('form') as HTMLElement
    expect(form).toHaveAccessibleDescription(/personal use and testing only/i)
    expect(within(form).getByText(/memory only and is forgotten on reload/i)).toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('Account ID'), pat.account_id)
    await userEvent.type(screen.getByLabelText('Personal access token'), pat.token)
    await userEvent.click(submit)
    expect(await screen.findByRole('heading', { name: 'Welcome, Nina Agent' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument()
  })

  it('says which organization the token acts for, and offers no switch', async () => {
    const pat = await mint(
      ['accounts--my:ro', 'agents--my:ro', 'chats--access:ro'],
      'maya@partner.test',
      ACME_LABS.id,
    )
    renderApp({ route: '/session' })
    await openForm()
    await userEvent.type(screen.getByLabelText('Personal access token'), pat.base64)
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with token' }))
    const banner = await screen.findByRole('banner')
    expect(await within(banner).findByText(/Token acts for/)).toBeInTheDocument()
    expect(banner).toHaveTextContent('Acme Labs')
    expect(within(banner).queryByRole('button', { name: 'Switch organization' })).toBeNull()
    const facts = screen.getByText('Acts for organization').nextElementSibling as HTMLElement
    expect(facts).toHaveTextContent(`Acme Labs ${ACME_LABS.id}`)
  })

  it('the token field is masked, and the console’s Base64 value alone is enough', async () => {
    const pat = await mint(['accounts--my:ro', 'agents--my:ro'])
    renderApp({ route: '/session' })
    await openForm()
    const field = screen.getByLabelText('Personal access token')
    expect(field).toHaveAttribute('type', 'password')
    await userEvent.type(field, pat.base64)
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with token' }))
    expect(await screen.findByRole('heading', { name: 'Session', level: 1 })).toBeInTheDocument()
    expect(screen.getByText('Personal access token')).toBeInTheDocument()
    // Nothing of the secret on the page, and where to revoke it.
    expect(document.body.textContent).not.toContain(pat.token)
    expect(document.body.textContent).not.toContain(pat.base64)
    expect(screen.getByRole('link', { name: /Developer Console/ })).toHaveAttribute(
      'href',
      expect.stringContaining('personal-access-tokens'),
    )
    expect(screen.queryByRole('button', { name: 'Sign out everywhere' })).not.toBeInTheDocument()
  })

  it.each([
    [
      'a wrong token',
      (p: { account_id: string; token: string }) => [p.account_id, `${p.token}x`],
      /rejected the token/i,
    ],
    [
      'a Bearer-style paste',
      (p: { account_id: string }) => [p.account_id, 'Bearer dal:abc'],
      /not a personal access token/i,
    ],
    [
      'a bare PAT without its Account ID',
      (p: { token: string }) => ['', p.token],
      /does not look complete/i,
    ],
  ])(
    '%s: an alert that says what to fix, no session, the input kept',
    async (_case, fill, message) => {
      const pat = await mint(['accounts--my:ro'])
      renderApp({ route: '/' })
      await openForm()
      const [account, token] = fill(pat)
      if (account) await userEvent.type(screen.getByLabelText('Account ID'), account)
      await userEvent.type(screen.getByLabelText('Personal access token'), token as string)
      await userEvent.click(screen.getByRole('button', { name: 'Sign in with token' }))
      expect(await screen.findByRole('alert')).toHaveTextContent(message)
      expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument()
      expect(screen.getByLabelText('Personal access token')).toHaveValue(token)
    },
  )

  it('a build without VITE_LIVECHAT_ALLOW_PAT offers no token sign-in', async () => {
    renderApp({ route: '/', config: { ...sandboxConfig, allowPat: false } })
    expect(await screen.findByRole('button', { name: /popup/i })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Use a personal access token' })).toBeNull()
  })
})
