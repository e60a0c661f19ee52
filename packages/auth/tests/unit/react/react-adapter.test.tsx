// The React adapter over the client, rendered under StrictMode against the sandbox: the provider
// is wiring (it starts the client once and navigates once), the hooks follow the client's state,
// and the guards render what the session allows.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode, useEffect, useState, type ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RedirectCallbackResult } from '../../../src/callback/callback-result'
import { AuthProvider } from '../../../src/react/auth-provider'
import { ScopeGuard } from '../../../src/react/scope-guard'
import { SignedIn } from '../../../src/react/signed-in'
import { useApiClient } from '../../../src/react/use-api-client'
import { useAuth } from '../../../src/react/use-auth'
import { useHasScopes } from '../../../src/react/use-has-scopes'
import { destroyTestClients, signedInCallback, testClient } from '../../support/signed-in'

afterEach(destroyTestClients)

/** Nina (or another persona) comes back from a redirect sign-in with these scopes. */
const signedInAs = (email: string, scopes?: readonly string[]) =>
  signedInCallback(email, { scopes })

function renderWith(
  callback: Promise<RedirectCallbackResult>,
  children: ReactNode,
  onRedirectCallback?: (returnTo: string) => void,
) {
  const client = testClient({ redirectCallback: callback })
  render(
    <StrictMode>
      <AuthProvider client={client} onRedirectCallback={onRedirectCallback}>
        {children}
      </AuthProvider>
    </StrictMode>,
  )
  return client
}

function Email() {
  const api = useApiClient()
  const [email, setEmail] = useState<string | null>(null)
  useEffect(() => {
    void api.accounts<{ email: string }>('/v2/accounts/me').then((me) => setEmail(me.email))
  }, [api])
  return <p>{email ?? 'Loading'}</p>
}

function Status() {
  const { status, signOut } = useAuth()
  return (
    <>
      <p role="status">{status}</p>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </>
  )
}

describe('AuthProvider and useAuth', () => {
  it('starts the client once under StrictMode and navigates once to the path the sign-in was for', async () => {
    const onRedirectCallback = vi.fn()
    renderWith(signedInAs('nina@acme.test'), <Status />, onRedirectCallback)
    expect(await screen.findByText('signed-in')).toHaveAttribute('role', 'status')
    expect(onRedirectCallback).toHaveBeenCalledTimes(1)
    expect(onRedirectCallback).toHaveBeenCalledWith('/chats')
  })

  it('re-renders with every change of state: signing out shows signed-out', async () => {
    renderWith(signedInAs('nina@acme.test'), <Status />)
    await screen.findByText('signed-in')
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    expect(await screen.findByText('signed-out')).toBeInTheDocument()
  })

  it('useAuth outside the provider throws, naming it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(() => render(<Status />)).toThrow('useAuth must be used inside <AuthProvider>.')
  })

  it('useApiClient calls LiveChat with the session’s credential: GET /v2/accounts/me', async () => {
    renderWith(
      signedInAs('nina@acme.test'),
      <SignedIn fallback={<p>Signed out</p>}>
        <Email />
      </SignedIn>,
    )
    expect(await screen.findByText('nina@acme.test')).toBeInTheDocument()
  })
})

describe('guards without a router', () => {
  it('SignedIn shows `pending` while a session may arrive, then the children', async () => {
    let resolve!: (result: RedirectCallbackResult) => void
    const later = new Promise<RedirectCallbackResult>((done) => (resolve = done))
    renderWith(
      later,
      <SignedIn pending={<p>Checking</p>} fallback={<p>Signed out</p>}>
        <p>Welcome</p>
      </SignedIn>,
    )
    expect(screen.getByText('Checking')).toBeInTheDocument()
    resolve(await signedInAs('nina@acme.test'))
    expect(await screen.findByText('Welcome')).toBeInTheDocument()
  })

  it('SignedIn shows `fallback` to someone signed out', async () => {
    renderWith(
      Promise.resolve({ kind: 'none' }),
      <SignedIn pending={<p>Checking</p>} fallback={<p>Signed out</p>}>
        <p>Welcome</p>
      </SignedIn>,
    )
    expect(await screen.findByText('Signed out')).toBeInTheDocument()
    expect(screen.queryByText('Welcome')).not.toBeInTheDocument()
  })

  it('ScopeGuard renders its fallback with exactly the missing scopes, implications applied', async () => {
    function HasSupervisor() {
      const has = useHasScopes()
      return <p>{has(['chats--all:ro']) ? 'supervisor' : 'agent'}</p>
    }
    renderWith(
      signedInAs('nina@acme.test', ['chats--access:rw', 'customers:ro']),
      <SignedIn>
        <HasSupervisor />
        <ScopeGuard
          scopes={['chats--access:ro', 'chats.conversation--access:rw', 'chats--all:ro']}
          fallback={({ missing }) => <p>Missing: {missing.join(', ')}</p>}
        >
          <p>Supervisor view</p>
        </ScopeGuard>
      </SignedIn>,
    )
    // chats--access:rw covers chats--access:ro and the conversation's rw; not chats--all:ro.
    expect(await screen.findByText('Missing: chats--all:ro')).toBeInTheDocument()
    expect(screen.getByText('agent')).toBeInTheDocument()
    expect(screen.queryByText('Supervisor view')).not.toBeInTheDocument()
  })
})
