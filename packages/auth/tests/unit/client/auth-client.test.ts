// The framework-free client against the sandbox (MSW hands its requests to the sandbox app):
// its state through named events, a redirect callback completed and checked with /v2/info,
// subscribers, the observer of running sign-ins, and what destroying it leaves behind.
import { waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAuthClient } from '../../../src/client/auth-client'
import { AuthConfigError } from '../../../src/config/config-problems'
import { setFlowTap, type FlowFact } from '../../../src/flows/flow-observer'
import { ACME_LABS, ORGANIZATION } from 'livechat-sandbox'
import { deniedAnswer, tokenAnswer } from '../../../../../tests/support/accounts-answer'
import { mintToken } from '../../../../../tests/support/sandbox-msw'
import { fakePopup, trackMessageListeners, type FakePopup } from '../../support/fake-popup'
import { sandboxConfig } from '../../support/sandbox-config'
import { destroyTestClients, signedInCallback, testClient } from '../../support/signed-in'

const NINA = 'nina@acme.test'

const client = testClient

afterEach(() => {
  destroyTestClients()
  setFlowTap(null)
  vi.restoreAllMocks()
})

/** A redirect callback that brought back a fresh sandbox token for Nina. */
const authorized = (returnTo = '/chats') => signedInCallback(NINA, { returnTo })

describe('configuration', () => {
  it('refuses a bad configuration at once, naming every setting to fix', () => {
    let thrown: unknown
    try {
      createAuthClient({ clientId: 'abc', accountsUrl: 'https://accounts.livechat.com/v2' })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(AuthConfigError)
    const message = (thrown as Error).message
    expect(message).toContain('clientId "abc" is not-client-id')
    expect(message).toContain(
      'accountsUrl "https://accounts.livechat.com/v2" is not-origin (e.g. https://accounts.livechat.com)',
    )
    expect((thrown as AuthConfigError).problems.map((p) => p.field)).toEqual([
      'clientId',
      'accountsUrl',
    ])
  })
})

describe('start: the redirect callback, checked with LiveChat', () => {
  it('goes restoring → validating → signed-in with /v2/info’s scopes, and resolves the path to open', async () => {
    const auth = client({ redirectCallback: authorized('/chats?tab=2') })
    expect(auth.getState().status).toBe('restoring')
    const seen: string[] = []
    auth.subscribe(() => seen.push(auth.getState().status))
    expect(await auth.start()).toBe('/chats?tab=2')
    expect(seen).toEqual(['validating', 'signed-in'])
    const { session } = auth.getState()
    expect(session?.kind).toBe('oauth')
    expect(session?.scopes).toEqual(sandboxConfig.scopes)
    expect(session?.credential.scheme).toBe('Bearer')
    // Once per client, whoever asks again.
    expect(auth.start()).toBe(auth.start())
  })

  it('hands the credential to onToken before LiveChat confirms it, and drops it when LiveChat refuses', async () => {
    const foreign = mintToken(NINA, sandboxConfig.scopes, 'ffffffffffffffffffffffffffffffff')
    const dropped = vi.fn()
    const onToken = vi.fn(() => dropped)
    const auth = client({
      onToken,
      redirectCallback: Promise.resolve({
        kind: 'authorized',
        flow: 'popup',
        returnTo: '/',
        result: {
          kind: 'token',
          accessToken: foreign.token,
          expiresIn: 60,
          scopes: null,
          state: 's',
        },
      }),
    })
    expect(await auth.start()).toBeNull()
    expect(onToken).toHaveBeenCalledWith({ scheme: 'Bearer', value: foreign.token }, '/')
    expect(dropped).toHaveBeenCalledTimes(1)
    expect(auth.getState()).toMatchObject({ status: 'signed-out', session: null })
    expect(auth.getState().error?.kind).toBe('wrong_client')
  })

  it('an error in the callback lands in `error`, never as an exception', async () => {
    const auth = client({
      redirectCallback: Promise.resolve({
        kind: 'error',
        error: new (await import('../../../src/errors/auth-error')).AuthError('state_mismatch'),
      }),
    })
    expect(await auth.start()).toBeNull()
    expect(auth.getState().error?.kind).toBe('state_mismatch')
    auth.dismissError()
    expect(auth.getState().error).toBeNull()
  })

  it('nothing to read and no silent restore: signed out, and subscribers hear it once', async () => {
    const auth = client({ redirectCallback: Promise.resolve({ kind: 'none' }) })
    const listener = vi.fn()
    const unsubscribe = auth.subscribe(listener)
    await auth.start()
    expect(auth.getState().status).toBe('signed-out')
    expect(listener).toHaveBeenCalledTimes(1)
    unsubscribe()
    auth.dismissError()
    expect(listener).toHaveBeenCalledTimes(1)
  })
})

describe('signing out', () => {
  it('forgets the session, says why, and gives the token back to LiveChat', async () => {
    const auth = client({ redirectCallback: authorized() })
    await auth.start()
    const token = auth.getState().session?.credential.value as string
    await auth.signOut()
    expect(auth.getState()).toMatchObject({
      status: 'signed-out',
      session: null,
      signOutReason: 'user',
    })
    const info = await fetch(`${sandboxConfig.accountsUrl}/v2/info`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(info.status).toBe(401)
  })
})

describe('observing running sign-ins', () => {
  it('computes nothing while nobody observes', async () => {
    const auth = client()
    const { noteFlow } = await import('../../../src/flows/flow-observer')
    const detail = vi.fn(() => ({ state: 's' }))
    noteFlow('state-generated', detail)
    expect(detail).not.toHaveBeenCalled()
    const seen: FlowFact[] = []
    const stop = auth.observe((fact) => seen.push(fact))
    noteFlow('state-generated', detail)
    stop()
    noteFlow('state-verified')
    expect(seen.map((fact) => fact.step)).toEqual(['state-generated'])
    expect(seen[0]?.detail).toEqual({ state: 's' })
  })

  it('with holdFlowFacts, keeps what happened before anyone observed for the first observer', async () => {
    const auth = client({ holdFlowFacts: true })
    const { noteFlow } = await import('../../../src/flows/flow-observer')
    noteFlow('answer', () => ({ state: 's' }))
    noteFlow('state-verified')
    const seen: FlowFact[] = []
    auth.observe((fact) => seen.push(fact))
    expect(seen.map((fact) => fact.step)).toEqual(['answer', 'state-verified'])
  })
})

describe('destroying the client mid-popup', () => {
  let opened: FakePopup[]
  let messageListeners: Set<unknown>

  beforeEach(() => {
    opened = []
    // Each sign-in opens a fresh blank window; the SDK then navigates the window of that name.
    vi.spyOn(window, 'open').mockImplementation((url?: string | URL) => {
      if (url === '' || opened.length === 0) opened.push(fakePopup())
      return opened[opened.length - 1] as unknown as Window
    })
    messageListeners = trackMessageListeners()
  })

  it('#66: destroying the client during a pending popup closes it and leaves no listener; a new client starts clean', async () => {
    const first = client()
    first.signIn('popup')
    expect(first.getState().status).toBe('signing-in')
    await waitFor(() => expect(messageListeners.size).toBe(1))
    const abandoned = opened[0] as FakePopup
    first.destroy()
    expect(abandoned.close).toHaveBeenCalled()
    expect(messageListeners.size).toBe(0)

    const second = client()
    second.signIn('popup')
    await waitFor(() => expect(messageListeners.size).toBe(1))
    expect(opened).toHaveLength(2)
    // A late answer to the abandoned flow signs nobody in.
    const late = new MessageEvent('message', {
      origin: sandboxConfig.accountsUrl,
      data: { state: 'stale-state', data: { access_token: 'dal:stale', expires_in: 28800 } },
    })
    Object.defineProperty(late, 'source', { value: abandoned })
    window.dispatchEvent(late)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(first.getState().session).toBeNull()
    expect(second.getState()).toMatchObject({ status: 'signing-in', session: null })
    expect(messageListeners.size).toBe(1)
  })
})

describe('switching organizations (signIn with organizationId)', () => {
  const MAYA = 'maya@partner.test'
  let opened: FakePopup[]
  let urls: string[]

  beforeEach(() => {
    opened = []
    urls = []
    vi.spyOn(window, 'open').mockImplementation((url?: string | URL) => {
      if (url === '' || opened.length === 0) opened.push(fakePopup())
      else urls.push(String(url))
      return opened[opened.length - 1] as unknown as Window
    })
  })

  /** Maya signed in to Acme Support, as a redirect sign-in leaves her. */
  async function mayaInSupport(onSessionEnd = vi.fn()) {
    const auth = client({ redirectCallback: signedInCallback(MAYA), onSessionEnd })
    await auth.start()
    expect(auth.getState().session?.organizationId).toBe(ORGANIZATION.id)
    return auth
  }

  /** The accounts page answers the popup's authorize request with a token of `organizationId`. */
  async function answer(organizationId: string) {
    await waitFor(() => expect(urls).toHaveLength(1))
    const url = urls[0] ?? ''
    window.dispatchEvent(
      tokenAnswer(url, opened[0], { email: MAYA, organizationId, scopes: sandboxConfig.scopes }),
    )
    return new URL(url)
  }

  it('asks LiveChat for the organization, and the new session is there; the app hears of it', async () => {
    const onSessionEnd = vi.fn()
    const auth = await mayaInSupport(onSessionEnd)
    const before = auth.getState().session
    auth.signIn('popup', { organizationId: ACME_LABS.id })
    // The agent keeps working while the popup is open.
    expect(auth.getState()).toMatchObject({ status: 'signing-in', session: before })
    const url = await answer(ACME_LABS.id)
    expect(url.searchParams.get('organization_id')).toBe(ACME_LABS.id)
    await waitFor(() => expect(auth.getState().status).toBe('signed-in'))
    expect(auth.getState().session?.organizationId).toBe(ACME_LABS.id)
    expect(auth.getState().session?.accountId).toBe(before?.accountId)
    expect(onSessionEnd).toHaveBeenCalledTimes(1)
  })

  it('X4: a token of another organization than the one asked for: wrong_organization, the session kept', async () => {
    const auth = await mayaInSupport()
    const before = auth.getState().session
    auth.signIn('popup', { organizationId: ACME_LABS.id })
    await answer(ORGANIZATION.id)
    await waitFor(() => expect(auth.getState().error?.kind).toBe('wrong_organization'))
    expect(auth.getState()).toMatchObject({ status: 'signed-in', session: before })
  })

  it('a cancelled switch leaves the session as it was', async () => {
    const auth = await mayaInSupport()
    const before = auth.getState().session
    auth.signIn('popup', { organizationId: ACME_LABS.id })
    await waitFor(() => expect(urls).toHaveLength(1))
    ;(opened[0] as FakePopup).closed = true
    await waitFor(() => expect(auth.getState().error?.kind).toBe('popup_closed'))
    expect(auth.getState()).toMatchObject({ status: 'signed-in', session: before })
  })

  it('a switch denied on the consent page leaves the session as it was', async () => {
    const onSessionEnd = vi.fn()
    const auth = await mayaInSupport(onSessionEnd)
    const before = auth.getState().session
    auth.signIn('popup', { organizationId: ACME_LABS.id })
    await waitFor(() => expect(urls).toHaveLength(1))
    window.dispatchEvent(deniedAnswer(urls[0] ?? '', opened[0]))
    await waitFor(() => expect(auth.getState().error?.kind).toBe('access_denied'))
    expect(auth.getState()).toMatchObject({ status: 'signed-in', session: before })
    expect(onSessionEnd).not.toHaveBeenCalled()
  })

  it('a pinned client never asks for another organization', async () => {
    const pinned = createAuthClient(
      { ...sandboxConfig, organizationId: ORGANIZATION.id },
      { restoreSilently: false, redirectCallback: signedInCallback(MAYA) },
    )
    await pinned.start()
    pinned.signIn('popup', { organizationId: ACME_LABS.id })
    await waitFor(() => expect(pinned.getState().error?.kind).toBe('wrong_organization'))
    expect(urls).toEqual([])
    expect(pinned.getState().session?.organizationId).toBe(ORGANIZATION.id)
    pinned.destroy()
  })

  it('a redirect switch comes back held to the organization it asked for', async () => {
    const token = mintToken(MAYA, sandboxConfig.scopes, sandboxConfig.clientId, ORGANIZATION.id)
    const auth = client({
      redirectCallback: Promise.resolve({
        kind: 'authorized',
        flow: 'redirect',
        returnTo: '/chats',
        organizationId: ACME_LABS.id,
        result: {
          kind: 'token',
          accessToken: token.token,
          expiresIn: 28800,
          scopes: null,
          state: 's',
        },
      }),
    })
    expect(await auth.start()).toBeNull()
    expect(auth.getState()).toMatchObject({ status: 'signed-out', session: null })
    expect(auth.getState().error?.kind).toBe('wrong_organization')
  })
})
