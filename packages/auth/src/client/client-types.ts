// The client's public types, and the core its lazily loaded session operations share with it.
import type { RedirectCallbackResult } from '../callback/callback-result'
import type { AuthConfig, Flow, ResponseType } from '../config/auth-config'
import type { AuthError } from '../errors/auth-error'
import type { FlowFact } from '../flows/flow-observer'
import type { Credential } from '../protocol/credential'
import type { AuthEvent, AuthState, SignOutReason } from '../session/auth-reducer'
import type { PatInput } from '../session/pat-sign-in'
import type { Session } from '../session/session'

export interface SignInOptions {
  /** Defaults to the configured response type; the implicit flow always uses `token`. */
  responseType?: ResponseType
  /** `auto` (default) closes the popup at once when LiveChat already knows the agent. */
  popupFlow?: 'auto' | 'manual'
  /** `consent` shows LiveChat's consent screen again, e.g. to grant more scopes. */
  prompt?: 'consent'
  /** Scopes to request; defaults to the configured set. */
  scopes?: readonly string[]
  /** App path to open after a redirect sign-in (same-origin paths only). */
  returnTo?: string
  /**
   * Sign in to this organization (LiveChat's `organization_id`): how an agent of several
   * organizations switches. LiveChat's page then asks nothing; the token must be for it, or the
   * sign-in fails with `wrong_organization` (so does asking for another than a pinned one).
   */
  organizationId?: string
}

export interface SignOutOptions {
  /** Also end the LiveChat accounts session (`DELETE /v2/sessions`), signing out of every LiveChat app. */
  everywhere?: boolean
}

export interface AuthClientOptions {
  /** Try LiveChat's silent iframe sign-in at startup when there is no redirect callback. Default true. */
  restoreSilently?: boolean
  /**
   * Called the moment a sign-in has a credential, before LiveChat has confirmed it (/v2/info, or
   * /v2/accounts/me for a PAT), with the path it will land on: fetch that page's first data now,
   * in parallel with the check. The function it returns is called if the check fails: drop
   * everything fetched with that credential.
   */
  onToken?: (credential: Credential, returnTo: string) => (() => void) | void
  /**
   * Called whenever the session ends or changes account or organization: clear cached data here.
   */
  onSessionEnd?: () => void
  /**
   * Keep the flow facts noted before anyone observes, for the first observer: for an observer
   * that loads late, such as a page watching a redirect sign-in come back.
   */
  holdFlowFacts?: boolean
  /**
   * The redirect callback's result, when it was read elsewhere (a test, or a host page): the
   * client then does not read the URL itself.
   */
  redirectCallback?: Promise<RedirectCallbackResult>
}

export interface AuthClient {
  /** The checked configuration. */
  readonly config: AuthConfig
  /** The current state: `status`, `session`, `flow`, `error`, `signOutReason`. */
  getState(): AuthState
  /** Calls `listener` after every change of state; returns the unsubscribe. */
  subscribe(listener: () => void): () => void
  /**
   * Reads the redirect sign-in's answer from the URL and strips it (once per page load; every
   * call returns the same promise). Await it before rendering and no script of the page sees a
   * token in the address bar; `start()` calls it anyway.
   */
  handleRedirectCallback(): Promise<RedirectCallbackResult>
  /**
   * Starts the client once (later calls return the same promise): completes a redirect sign-in,
   * or else tries a silent restore. Resolves with the path a completed redirect sign-in was for,
   * to navigate to; null otherwise.
   */
  start(): Promise<string | null>
  /**
   * Starts a sign-in. Call it straight from a click handler: the popup flow opens its window
   * synchronously so browsers don't block it. A second call while a popup is open focuses it.
   * A failure lands in `error`, never as an exception.
   */
  signIn(flow?: Flow, options?: SignInOptions): void
  /**
   * Signs in with a personal access token (when `config.allowPat`): `input` is an Account ID and
   * a PAT, or the console's Base64 value; `scopes` the ones the token was created with (LiveChat
   * cannot report them). Resolves to whether it worked; a failure is in `error`.
   */
  signInWithToken(input: PatInput, scopes: readonly string[], returnTo?: string): Promise<boolean>
  /** Forgets the session here and in the app's other tabs, then revokes its tokens. */
  signOut(options?: SignOutOptions): Promise<void>
  /**
   * Ends the session in this tab only, without revoking anything or telling other tabs: for
   * when LiveChat itself ended it (the RTM socket's `access_token_revoked`,
   * `agent_logged_out_remotely`). `signOutReason` then says why.
   */
  endSession(reason: SignOutReason, error?: AuthError): void
  /**
   * After a 401 from an API: one shared attempt to get a fresh token without the agent's help
   * (refresh token, or the silent iframe). Resolves to the new session, or null when the agent
   * must sign in again (they are then signed out with reason `expired`).
   */
  reauthenticate(): Promise<Session | null>
  dismissError(): void
  /**
   * Fetches ahead what a sign-in will need, so a click does not wait for it: with no flow, what
   * completes any sign-in (no SDK); with `popup` or `redirect`, the accounts SDK too.
   */
  preload(flow?: Flow): void
  /**
   * Listens to what running sign-ins do step by step (state generated, authorize URL, answer,
   * state verified, code exchanged, token validated). Facts carry raw values: redact them.
   */
  observe(listener: (fact: FlowFact) => void): () => void
  /** Cancels a pending popup, stops renewal and the cross-tab channel, drops every listener. */
  destroy(): void
}

/** What the client's lazily loaded session operations (session-operations.ts) share with it. */
export interface ClientCore {
  readonly config: AuthConfig
  readonly options: AuthClientOptions
  getState(): AuthState
  dispatch(event: AuthEvent): void
  endSession(reason: SignOutReason, error?: AuthError): void
  /**
   * The account and organization a sign-in just confirmed: the client tells the app when either
   * changed.
   */
  confirmAccount(accountId: string, organizationId: string): void
}
