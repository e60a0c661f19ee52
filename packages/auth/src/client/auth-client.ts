// The framework-free client: it runs the sign-in flows, owns the memory-only session (renewal,
// expiry, the cross-tab channel) and tells subscribers when its state changes. Every change is a
// named event through one reducer (session/auth-reducer.ts), so `status` always says where it is.
// Only what a click needs at once stays here (opening the popup inside the click); what runs once
// LiveChat answers (session-operations.ts), the SDK flows and the session keeper load on demand, so
// the client is small enough for a sign-in page.
import { handleRedirectCallback } from '../callback/redirect-callback'
import { createAuthConfig, type AuthConfigInput, type Flow } from '../config/auth-config'
import { asAuthError, type AuthError } from '../errors/auth-error'
import { setFlowTap, type FlowFact, type FlowTap } from '../flows/flow-observer'
import { loadSdkFlows, preloadSdkFlows } from '../flows/load-sdk-flows'
import { startPopupSignIn, type PopupSignIn } from '../flows/popup-flow'
import { safeReturnTo } from '../protocol/return-to'
import {
  authReducer,
  initialAuthState,
  type AuthEvent,
  type AuthState,
  type SignOutReason,
} from '../session/auth-reducer'
import type { Session } from '../session/session'
import type { SessionKeeper } from '../session/session-keeper'
import type {
  AuthClient,
  AuthClientOptions,
  ClientCore,
  SignInOptions,
  SignOutOptions,
} from './client-types'
import { loadSessionOperations, preloadSessionOperations } from './load-session-operations'

export type { AuthClient, AuthClientOptions, SignInOptions, SignOutOptions } from './client-types'

export function createAuthClient(
  input: AuthConfigInput,
  options: AuthClientOptions = {},
): AuthClient {
  const config = createAuthConfig(input)
  let state: AuthState = initialAuthState
  let destroyed = false
  const listeners = new Set<() => void>()

  let popup: PopupSignIn | null = null
  let lastAccount: string | null = null
  let started: Promise<string | null> | null = null

  const operations = loadSessionOperations
  const fail = (error: unknown) => dispatch({ type: 'SIGN_IN_FAILED', error: asAuthError(error) })

  // ---- the session keeper: renewal, expiry and other tabs, while someone is signed in ----
  let keeper: SessionKeeper | null = null
  let keeperLoading: Promise<SessionKeeper | null> | null = null
  let watched: Session | null = null
  /** The keeper, loaded with the first session (its code is not the sign-in page's). */
  const loadKeeper = (): Promise<SessionKeeper | null> =>
    keeper
      ? Promise.resolve(keeper)
      : (keeperLoading ??= import('../session/session-keeper').then(
          ({ startSessionKeeper }) => {
            keeperLoading = null
            if (!keeper && state.session && !destroyed) {
              keeper = startSessionKeeper({
                getState: () => state,
                dispatch,
                endSession,
                renewSession: async (session) => (await operations()).renewSession(config, session),
                revoke: async (token) => (await operations()).revoke(core, token),
              })
              syncKeeper()
            }
            return keeper
          },
          () => {
            // Offline, or a deploy replaced the chunk: the next change of state tries again.
            keeperLoading = null
            return null
          },
        ))
  const syncKeeper = () => {
    const session = state.session
    if (!session) {
      keeper?.stop()
      keeper = null
      watched = null
    } else if (!keeper) void loadKeeper()
    else if (watched !== session) {
      watched = session
      keeper.watch(session)
    }
  }

  const dispatch = (event: AuthEvent) => {
    if (destroyed) return
    const next = authReducer(state, event)
    if (next === state) return
    state = next
    syncKeeper()
    for (const listener of [...listeners]) listener()
  }

  const endSession = (reason: SignOutReason, error?: AuthError) => {
    popup?.cancel()
    popup = null
    dispatch({ type: 'SIGNED_OUT', reason, error })
    options.onSessionEnd?.()
  }

  const core: ClientCore = {
    config,
    options,
    getState: () => state,
    dispatch,
    endSession,
    confirmAccount(accountId, organizationId) {
      const account = `${organizationId} ${accountId}`
      if (lastAccount !== null && lastAccount !== account) options.onSessionEnd?.()
      lastAccount = account
    },
  }

  const callback = () => options.redirectCallback ?? handleRedirectCallback(config)

  // Startup, exactly once: the redirect callback, else a silent restore.
  const run = async (): Promise<string | null> => {
    const outcome = await callback()
    if (outcome.kind === 'error') fail(outcome.error)
    else if (outcome.kind === 'authorized') {
      const returnTo = safeReturnTo(outcome.returnTo)
      const session = await operations().then(
        (loaded) =>
          loaded.complete(core, outcome.result, outcome.flow, returnTo, outcome.organizationId),
        fail,
      )
      return session ? returnTo : null
    } else if (options.restoreSilently ?? true) {
      // Without its code the restore is skipped: the sign-in page is the answer anyway.
      await operations().then(
        (loaded) => loaded.restore(core),
        () => dispatch({ type: 'RESTORE_FINISHED' }),
      )
    } else dispatch({ type: 'RESTORE_FINISHED' })
    return null
  }

  const signIn = (flow: Flow = config.flow, signInOptions: SignInOptions = {}) => {
    const scopes = signInOptions.scopes ?? config.scopes
    const { organizationId } = signInOptions
    const returnTo = safeReturnTo(signInOptions.returnTo)
    const responseType =
      flow === 'implicit' ? 'token' : (signInOptions.responseType ?? config.responseType)
    try {
      if (flow === 'popup') {
        if (popup) {
          popup.focus()
          return
        }
        // Synchronous on purpose: the window must open inside the click's user activation.
        const opened = startPopupSignIn(config, {
          responseType,
          popupFlow: signInOptions.popupFlow ?? 'auto',
          prompt: signInOptions.prompt,
          scopes,
          organizationId,
        })
        popup = opened
        dispatch({ type: 'SIGN_IN_STARTED', flow })
        opened.result.then(
          (result) => {
            if (popup !== opened) return
            popup = null
            void operations().then(
              (loaded) => loaded.complete(core, result, 'popup', returnTo, organizationId),
              fail,
            )
          },
          (error: unknown) => {
            if (popup !== opened) return
            popup = null
            fail(error)
          },
        )
        return
      }
      dispatch({ type: 'SIGN_IN_STARTED', flow })
      const leave = async () => {
        const options = { returnTo, prompt: signInOptions.prompt, scopes, organizationId }
        if (flow === 'redirect')
          (await loadSdkFlows()).startRedirectSignIn(config, { ...options, responseType })
        else (await operations()).startImplicitSignIn(config, options)
      }
      leave().catch(fail)
    } catch (error) {
      fail(error)
    }
  }

  const signOut = async ({ everywhere = false }: SignOutOptions = {}) => {
    const current = state.session
    // Before the session ends here: ending it closes the channel.
    keeper?.announceSignOut()
    endSession('user')
    // Revoke after the app has let go of the token: a slow network never keeps the agent waiting.
    if (current)
      await operations()
        .then((loaded) => loaded.retire(core, current, everywhere))
        .catch(() => undefined)
  }

  // After a 401: the keeper's one shared attempt (it loads with the first session anyway).
  const reauthenticate = (): Promise<Session | null> =>
    loadKeeper().then((loaded) => {
      if (loaded) return loaded.reauthenticate()
      endSession('expired')
      return null
    })

  const signInWithToken: AuthClient['signInWithToken'] = async (patInput, scopes, returnTo) => {
    if (!config.allowPat) return false
    popup?.cancel()
    popup = null
    dispatch({ type: 'SIGN_IN_STARTED', flow: 'pat' })
    return operations().then(
      (loaded) => loaded.signInWithPat(core, patInput, scopes, safeReturnTo(returnTo)),
      (error: unknown) => {
        fail(error)
        return false
      },
    )
  }

  // ---- observers of running sign-ins ----
  const observers = new Set<(fact: FlowFact) => void>()
  let held: FlowFact[] | null = options.holdFlowFacts ? [] : null
  const tap: FlowTap = (step, detail, at) => {
    if (observers.size === 0 && !held) return
    let values: Record<string, string> = {}
    try {
      values = detail ? detail() : {}
    } catch {
      // An observer never breaks a sign-in.
    }
    const fact = { step, at, detail: values }
    if (observers.size === 0) held?.push(fact)
    for (const observer of observers) observer(fact)
  }
  if (held) setFlowTap(tap)

  return {
    config,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    handleRedirectCallback: callback,
    start: () => (started ??= run()),
    signIn,
    signInWithToken,
    signOut,
    endSession,
    reauthenticate,
    dismissError: () => dispatch({ type: 'ERROR_DISMISSED' }),
    preload(flow) {
      preloadSessionOperations()
      if (flow === 'popup' || flow === 'redirect') preloadSdkFlows()
    },
    observe(listener) {
      observers.add(listener)
      setFlowTap(tap)
      const facts = held ?? []
      held = null
      for (const fact of facts) listener(fact)
      return () => {
        observers.delete(listener)
      }
    },
    destroy() {
      popup?.cancel()
      popup = null
      keeper?.stop()
      keeper = null
      destroyed = true
      listeners.clear()
      observers.clear()
      held = null
    },
  }
}
