import { createContext } from 'react'
import type { AppConfig, Flow, ResponseType } from '../config/env'
import type { AuthError } from './errors/auth-error'
import type { PatInput } from './flows/pat-sign-in'
import type { AuthState, SignOutReason } from './session/auth-reducer'
import type { Session } from './session/session'

export interface SignInOptions {
  /** Defaults to the configured response type; the implicit flow always uses `token`. */
  responseType?: ResponseType
  /** `auto` (default) closes the popup at once when LiveChat already knows the agent. */
  popupFlow?: 'auto' | 'manual'
  /** `consent` shows LiveChat's consent screen again, e.g. to grant more scopes. */
  prompt?: 'consent'
  /** Scopes to request; defaults to the configured set. */
  scopes?: readonly string[]
  /** App path to open after sign-in (same-origin paths only). */
  returnTo?: string
}

export interface SignOutOptions {
  /** Also end the LiveChat accounts session (`DELETE /v2/sessions`), signing out of every LiveChat app. */
  everywhere?: boolean
}

export interface AuthContextValue extends AuthState {
  config: AppConfig
  /**
   * Starts a sign-in. Call it straight from a click handler: the popup flow opens its window
   * synchronously so browsers don't block it. A second call while a popup is open focuses it.
   */
  signIn(flow?: Flow, options?: SignInOptions): void
  /**
   * Signs in with a personal access token (when `config.allowPat`): `input` is an Account ID and
   * a PAT, or the console's Base64 value; `scopes` the ones the token was created with (LiveChat
   * cannot report them). Resolves to whether it worked; a failure is in `error`.
   */
  signInWithToken(input: PatInput, scopes: readonly string[], returnTo?: string): Promise<boolean>
  signOut(options?: SignOutOptions): Promise<void>
  /**
   * Ends the session in this tab only, without revoking anything or telling other tabs: for
   * when LiveChat itself ended it (the RTM socket's `access_token_revoked`,
   * `agent_logged_out_remotely`). The sign-in page then shows `reason`.
   */
  endSession(reason: SignOutReason, error?: AuthError): void
  /**
   * After a 401 from an API: one shared attempt to get a fresh token without the agent's help
   * (refresh token, or the silent iframe). Resolves to the new session, or null when the agent
   * must sign in again (they are then signed out with reason `expired`).
   */
  reauthenticate(): Promise<Session | null>
  dismissError(): void
}

export const AuthContext = createContext<AuthContextValue | null>(null)
AuthContext.displayName = 'AuthContext'
