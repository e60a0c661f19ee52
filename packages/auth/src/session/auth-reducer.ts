// Every change to the sign-in state is a named event; the status says exactly where we are.
// Pure, so each transition is unit-tested without React.
import type { AuthError } from '../errors/auth-error'
import type { Session, SignInMethod } from './session'

export type AuthStatus =
  /** At startup: reading a redirect result, or trying a silent sign-in. */
  | 'restoring'
  | 'signed-out'
  /** A popup is open, or the page is about to leave for the accounts server. */
  | 'signing-in'
  /** A token or code arrived; exchanging it and checking it with /v2/info. */
  | 'validating'
  | 'signed-in'
  /** Signed in, getting a fresh token before the old one expires (or after a 401). */
  | 'renewing'

/** Why the agent is signed out, so the sign-in page can say so. */
export type SignOutReason =
  | 'user'
  | 'other-tab'
  | 'expired'
  | 'revoked'
  /** LiveChat logged this agent out from elsewhere (RTM `agent_logged_out_remotely`). */
  | 'remote-logout'

export interface AuthState {
  status: AuthStatus
  session: Session | null
  /** The flow (or PAT sign-in) being run while status is signing-in or validating. */
  flow: SignInMethod | null
  error: AuthError | null
  signOutReason: SignOutReason | null
}

export type AuthEvent =
  | { type: 'RESTORE_FINISHED' }
  | { type: 'SIGN_IN_STARTED'; flow: SignInMethod }
  | { type: 'AUTHORIZED'; flow: SignInMethod }
  | { type: 'SIGNED_IN'; session: Session }
  | { type: 'SIGN_IN_FAILED'; error: AuthError }
  | { type: 'RENEW_STARTED' }
  | { type: 'RENEWED'; session: Session }
  | { type: 'SIGNED_OUT'; reason: SignOutReason; error?: AuthError }
  | { type: 'ERROR_DISMISSED' }

export const initialAuthState: AuthState = {
  status: 'restoring',
  session: null,
  flow: null,
  error: null,
  signOutReason: null,
}

export function authReducer(state: AuthState, event: AuthEvent): AuthState {
  switch (event.type) {
    case 'RESTORE_FINISHED':
      // Only meaningful while restoring: a sign-in that already finished wins.
      return state.status === 'restoring' ? { ...state, status: 'signed-out' } : state
    case 'SIGN_IN_STARTED':
      return { ...state, status: 'signing-in', flow: event.flow, error: null, signOutReason: null }
    case 'AUTHORIZED':
      return { ...state, status: 'validating', flow: event.flow, error: null }
    case 'SIGNED_IN':
      return {
        status: 'signed-in',
        session: event.session,
        flow: null,
        error: null,
        signOutReason: null,
      }
    case 'SIGN_IN_FAILED':
      // A failed extra sign-in (e.g. "Request access" for more scopes) leaves a working session
      // alone: the agent keeps their token and sees why the new one was refused.
      return state.session
        ? { ...state, status: 'signed-in', flow: null, error: event.error }
        : {
            status: 'signed-out',
            session: null,
            flow: null,
            error: event.error,
            signOutReason: null,
          }
    case 'RENEW_STARTED':
      return state.session ? { ...state, status: 'renewing' } : state
    case 'RENEWED':
      return state.session ? { ...state, status: 'signed-in', session: event.session } : state
    case 'SIGNED_OUT':
      return {
        status: 'signed-out',
        session: null,
        flow: null,
        error: event.error ?? null,
        signOutReason: event.reason,
      }
    case 'ERROR_DISMISSED':
      return state.error ? { ...state, error: null } : state
  }
}
