import { describe, expect, it } from 'vitest'
import { AuthError } from '../../../src/errors/auth-error'
import { authReducer, initialAuthState, type AuthState } from '../../../src/session/auth-reducer'
import type { Session } from '../../../src/session/session'

const session: Session = {
  kind: 'oauth',
  credential: { scheme: 'Bearer', value: 'dal:abc' },
  accessToken: 'dal:abc',
  refreshToken: null,
  expiresAt: 1_000_000,
  obtainedAt: 0,
  scopes: ['chats--access:rw'],
  accountId: 'acc',
  organizationId: 'org',
  clientId: 'cid',
  region: 'dal',
  flow: 'popup',
  responseType: 'token',
}
const signedIn: AuthState = {
  status: 'signed-in',
  session,
  flow: null,
  error: null,
  signOutReason: null,
}

describe('authReducer', () => {
  it('starts restoring, and a finished restore without a session means signed out', () => {
    expect(initialAuthState.status).toBe('restoring')
    expect(authReducer(initialAuthState, { type: 'RESTORE_FINISHED' }).status).toBe('signed-out')
  })

  it('ignores a late restore result once a sign-in has begun', () => {
    const signingIn = authReducer(initialAuthState, { type: 'SIGN_IN_STARTED', flow: 'popup' })
    expect(authReducer(signingIn, { type: 'RESTORE_FINISHED' })).toBe(signingIn)
  })

  it('goes signing-in → validating → signed-in, clearing an earlier error and notice', () => {
    let state = authReducer(
      {
        ...initialAuthState,
        status: 'signed-out',
        error: new AuthError('popup_closed'),
        signOutReason: 'expired',
      },
      { type: 'SIGN_IN_STARTED', flow: 'redirect' },
    )
    expect(state).toMatchObject({
      status: 'signing-in',
      flow: 'redirect',
      error: null,
      signOutReason: null,
    })
    state = authReducer(state, { type: 'AUTHORIZED', flow: 'redirect' })
    expect(state.status).toBe('validating')
    state = authReducer(state, { type: 'SIGNED_IN', session })
    expect(state).toEqual(signedIn)
  })

  it('a failed sign-in while signed out stays signed out, with the error', () => {
    const signingIn = authReducer(
      { ...initialAuthState, status: 'signed-out' },
      { type: 'SIGN_IN_STARTED', flow: 'popup' },
    )
    const state = authReducer(signingIn, {
      type: 'SIGN_IN_FAILED',
      error: new AuthError('wrong_client'),
    })
    expect(state).toMatchObject({ status: 'signed-out', session: null, flow: null })
    expect(state.error?.kind).toBe('wrong_client')
  })

  it('a failed extra sign-in (request access) keeps the working session and shows why', () => {
    const asking = authReducer(signedIn, { type: 'SIGN_IN_STARTED', flow: 'popup' })
    expect(asking.session).toBe(session)
    const state = authReducer(asking, {
      type: 'SIGN_IN_FAILED',
      error: new AuthError('invalid_scope'),
    })
    expect(state).toMatchObject({ status: 'signed-in', session, flow: null })
    expect(state.error?.kind).toBe('invalid_scope')
  })

  it('a sign-out can carry the reason it was forced', () => {
    const state = authReducer(signedIn, {
      type: 'SIGNED_OUT',
      reason: 'revoked',
      error: new AuthError('token_rejected'),
    })
    expect(state).toMatchObject({ status: 'signed-out', session: null, signOutReason: 'revoked' })
    expect(state.error?.kind).toBe('token_rejected')
  })

  it('renewal keeps the agent signed in and swaps the session', () => {
    const renewing = authReducer(signedIn, { type: 'RENEW_STARTED' })
    expect(renewing.status).toBe('renewing')
    const next = { ...session, accessToken: 'dal:new' }
    expect(authReducer(renewing, { type: 'RENEWED', session: next })).toMatchObject({
      status: 'signed-in',
      session: next,
    })
  })

  it('renewal events without a session change nothing', () => {
    const out: AuthState = { ...initialAuthState, status: 'signed-out' }
    expect(authReducer(out, { type: 'RENEW_STARTED' })).toBe(out)
    expect(authReducer(out, { type: 'RENEWED', session })).toBe(out)
  })

  it.each(['user', 'other-tab', 'expired', 'revoked'] as const)(
    'sign-out (%s) drops the token and says why',
    (reason) => {
      expect(authReducer(signedIn, { type: 'SIGNED_OUT', reason })).toEqual({
        status: 'signed-out',
        session: null,
        flow: null,
        error: null,
        signOutReason: reason,
      })
    },
  )

  it('dismissing an error keeps everything else', () => {
    const failed: AuthState = {
      ...initialAuthState,
      status: 'signed-out',
      error: new AuthError('timeout'),
    }
    expect(authReducer(failed, { type: 'ERROR_DISMISSED' })).toEqual({ ...failed, error: null })
    expect(authReducer(signedIn, { type: 'ERROR_DISMISSED' })).toBe(signedIn)
  })
})
