import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { groupScopes, redactToken } from '../../../src/pages/session-page'
import { DEFAULT_SCOPES } from 'livechat-browser-auth'
import { ACME_LABS } from 'livechat-sandbox'
import { renderApp } from '../../support/render-app'
import { mintToken } from '../../support/sandbox-msw'
import { sandbox } from '../../support/sandbox-msw'
import { NINA, OLIVIA, person } from '../../support/workspace-kit'

function signedInToken(): string {
  const record = [...sandbox.state.tokens.accessTokens.values()].at(-1)
  if (!record) throw new Error('no token')
  return record.token
}

describe('/session', () => {
  it('names the organization (name and id) and the account’s role in it', async () => {
    renderApp({ route: '/session', as: 'maya@partner.test', organizationId: ACME_LABS.id })
    const facts = (await screen.findByRole('heading', { name: 'This sign-in' }))
      .parentElement as HTMLElement
    const organization = within(facts).getByText('Organization').nextElementSibling
    expect(await within(organization as HTMLElement).findByText(/Acme Labs/)).toBeInTheDocument()
    expect(organization).toHaveTextContent(ACME_LABS.id)
    const role = within(facts).getByText('Your role there').nextElementSibling
    await waitFor(() => expect(role).toHaveTextContent('normal'))
  })

  it('shows what the token can do, grouped, with meanings; facts; and never the whole token', async () => {
    renderApp({ route: '/session', as: NINA })
    expect(await screen.findByRole('heading', { level: 1, name: 'Session' })).toBeInTheDocument()
    const chats = screen.getByRole('heading', { name: 'Chats' }).parentElement as HTMLElement
    expect(within(chats).getByText('chats--access:rw')).toBeInTheDocument()
    expect(within(chats).getByText(/Read and work on the chats in your groups/)).toBeInTheDocument()
    for (const scope of DEFAULT_SCOPES) expect(screen.getByText(scope)).toBeInTheDocument()
    expect(screen.getByText('dal')).toBeInTheDocument()
    expect(screen.getByText('0123456789abcdef0123456789abcdef')).toBeInTheDocument()
    expect(screen.getByText(/^\d+h \d{2}m \d{2}s$/)).toBeInTheDocument()

    const token = signedInToken()
    expect(document.body.textContent).not.toContain(token)
    expect(document.body.textContent).not.toContain(token.slice(4, -4))
    expect(screen.getByLabelText('Access token, redacted')).toHaveTextContent(redactToken(token))
  })

  it('"Sign out everywhere" ends the LiveChat session for every app (other tokens die too)', async () => {
    const user = userEvent.setup()
    renderApp({ route: '/session', as: NINA })
    const other = mintToken(NINA, ['accounts--my:ro'])
    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere' }))
    expect(await screen.findByRole('button', { name: /popup/i })).toBeInTheDocument()
    await expect.poll(() => sandbox.state.tokens.accessTokens.get(other.token)?.revoked).toBe(true)
  })

  it('"Sign out of this app" revokes only this token', async () => {
    const user = userEvent.setup()
    renderApp({ route: '/session', as: NINA })
    await screen.findByRole('heading', { level: 1, name: 'Session' })
    const mine = signedInToken()
    const other = mintToken(NINA, ['accounts--my:ro'])
    await user.click(screen.getByRole('button', { name: 'Sign out of this app' }))
    expect(await screen.findByRole('button', { name: /popup/i })).toBeInTheDocument()
    await expect.poll(() => sandbox.state.tokens.accessTokens.get(mine)?.revoked).toBe(true)
    expect(sandbox.state.tokens.accessTokens.get(other.token)?.revoked).toBe(false)
  })

  it('redacts to the first and last characters and groups unknown scopes under Other', () => {
    expect(redactToken('dal:abcdefghijklmnopqrstuv')).toBe('dal:…stuv')
    expect(redactToken('short')).toBe('…')
    expect(
      groupScopes(['customers:ro', 'multicast:rw', 'chats.conversation--access:rw']).map(
        (g) => g.title,
      ),
    ).toEqual(['Chats', 'Customers', 'Other'])
  })
})

describe('/session, for an owner', () => {
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
