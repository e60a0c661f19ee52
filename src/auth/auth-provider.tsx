import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  type ReactNode,
} from 'react'
import { useNavigate } from 'react-router-dom'
import type { AppConfig, Flow } from '../config/env'
import type { AuthChannel } from './session/auth-channel'
import { loadSessionSteps, loadSignInSteps } from './flows/load-sign-in-steps'
import {
  AuthContext,
  type AuthContextValue,
  type SignInOptions,
  type SignOutOptions,
} from './auth-context'
import { AuthError, asAuthError } from './errors/auth-error'
import {
  authReducer,
  initialAuthState,
  type AuthState,
  type SignOutReason,
} from './session/auth-reducer'
import { startPopupSignIn, type PopupSignIn } from './flows/popup-flow'
import type { RedirectOutcome } from './answers/redirect-result'
import { safeReturnTo } from './guards/return-to'
import type { PatInput } from './flows/pat-sign-in'
import type { Session, SignInMethod } from './session/session'
import type { AuthorizeResult } from './answers/authorize-result'
import type { Credential } from './credential'

interface AuthProviderProps {
  config: AppConfig
  /** The redirect result, consumed in main.tsx before the first render (StrictMode-safe). */
  redirectOutcome: Promise<RedirectOutcome>
  /** Try the silent iframe flow at startup when there is no redirect result. Default true. */
  restoreSilently?: boolean
  /** Called whenever the session ends or changes account: clear cached data here. */
  onSessionEnd?: () => void
  /**
   * Called the moment a sign-in has a credential, before LiveChat has confirmed it (/v2/info, or
   * /v2/accounts/me for a PAT), with the page it will land on: fetch that page's first data now,
   * in parallel with the check. The function it returns is called if the check fails: drop
   * everything fetched with that credential.
   */
  onToken?: (credential: Credential, returnTo: string) => (() => void) | void
  children: ReactNode
}

/** Tells the app about a credential before it is validated (see `onToken`). */
type TokenListener = (credential: Credential) => void

// Renewal, expiry and the cross-tab channel matter only while signed in: their code comes with
// the first session.
const SessionKeeper = lazy(() =>
  import('./session/session-keeper').then((module) => ({ default: module.SessionKeeper })),
)

// The code that talks to LiveChat during a sign-in loads when one runs, not with the sign-in
// page (its budget is the framework plus a few KB); the popup's window still opens in the click.
const steps = loadSessionSteps
const complete = async (
  config: AppConfig,
  result: AuthorizeResult,
  flow: Flow,
  onToken: TokenListener,
) => (await steps()).completeSignIn(config, result, flow, { onToken })
/** Best effort, never throws: a token that cannot be revoked expires on its own. */
const revoke = (config: AppConfig, token: string): Promise<boolean> =>
  steps().then(
    (module) => module.revokeToken(config, token),
    () => false,
  )
/**
 * Gives an OAuth session's tokens back to LiveChat. A personal access token is not ours to
 * revoke: only its owner can, in the Developer Console (the session page says where).
 */
const retire = async (config: AppConfig, session: Session): Promise<void> => {
  if (session.kind !== 'oauth') return
  await revoke(config, session.accessToken)
  if (session.refreshToken) await revoke(config, session.refreshToken)
}
const signInWithPat = async (
  config: AppConfig,
  input: PatInput,
  scopes: readonly string[],
  onToken: TokenListener,
): Promise<Session> =>
  (await import('./flows/pat-sign-in')).signInWithPat(config, input, scopes, { onToken })

/** A 401 within this long after an automatic re-auth means re-auth does not help: stop. */
const REAUTH_COOLDOWN_MS = 30_000

export function AuthProvider({
  config,
  redirectOutcome,
  restoreSilently = true,
  onSessionEnd,
  onToken,
  children,
}: AuthProviderProps) {
  const [state, dispatch] = useReducer(authReducer, initialAuthState)
  const navigate = useNavigate()

  // Mirrors for callbacks and async work that must see the latest values without re-subscribing.
  const stateRef = useRef<AuthState>(state)
  const onSessionEndRef = useRef(onSessionEnd)
  const onTokenRef = useRef(onToken)
  useLayoutEffect(() => {
    stateRef.current = state
    onSessionEndRef.current = onSessionEnd
    onTokenRef.current = onToken
  })

  const popupRef = useRef<PopupSignIn | null>(null)
  const reauthRef = useRef<Promise<Session | null> | null>(null)
  const lastReauthAtRef = useRef(0)
  const channelRef = useRef<AuthChannel | null>(null)
  const lastAccountRef = useRef<string | null>(null)

  const finishSignIn = useCallback(
    async (
      run: (onToken: TokenListener) => Promise<Session>,
      flow: SignInMethod,
      returnTo: string,
    ): Promise<Session | null> => {
      dispatch({ type: 'AUTHORIZED', flow })
      let discard: (() => void) | undefined
      const heard: TokenListener = (credential) => {
        discard = onTokenRef.current?.(credential, returnTo) ?? undefined
      }
      try {
        const session = await run(heard)
        if (lastAccountRef.current !== null && lastAccountRef.current !== session.accountId) {
          onSessionEndRef.current?.()
        }
        lastAccountRef.current = session.accountId
        // A second sign-in (e.g. granting more scopes) replaces the token: retire the old one,
        // since LiveChat caps live tokens per client and account at 25.
        const previous = stateRef.current.session
        if (previous?.kind === 'oauth' && previous.credential.value !== session.credential.value)
          void revoke(config, previous.accessToken)
        dispatch({ type: 'SIGNED_IN', session })
        return session
      } catch (error) {
        // What was fetched with a credential LiveChat did not confirm is never shown.
        discard?.()
        dispatch({ type: 'SIGN_IN_FAILED', error: asAuthError(error) })
        return null
      }
    },
    [config],
  )

  const endSession = useCallback((reason: SignOutReason, error?: AuthError) => {
    popupRef.current?.cancel()
    popupRef.current = null
    dispatch({ type: 'SIGNED_OUT', reason, error })
    onSessionEndRef.current?.()
  }, [])

  // Startup, exactly once even under StrictMode: the redirect result, else a silent restore.
  const startedRef = useRef(false)
  useEffect(() => {
    if (startedRef.current) return
    startedRef.current = true
    void (async () => {
      const outcome = await redirectOutcome
      if (outcome.kind === 'authorized') {
        const session = await finishSignIn(
          (heard) => complete(config, outcome.result, outcome.flow, heard),
          outcome.flow,
          safeReturnTo(outcome.returnTo),
        )
        if (session) navigate(safeReturnTo(outcome.returnTo), { replace: true })
        return
      }
      if (outcome.kind === 'error') {
        dispatch({ type: 'SIGN_IN_FAILED', error: outcome.error })
        return
      }
      if (restoreSilently) {
        try {
          const { trySilentSignIn } = await steps()
          const result = await trySilentSignIn(config, { responseType: config.responseType })
          // The agent may have started a sign-in of their own meanwhile: theirs wins.
          if (result && stateRef.current.status === 'restoring') {
            await finishSignIn(
              (heard) => complete(config, result, config.flow, heard),
              config.flow,
              safeReturnTo(`${window.location.pathname}${window.location.search}`),
            )
            return
          }
        } catch (error) {
          // A failed silent restore is not worth showing (the sign-in page is the answer), except
          // LiveChat refusing after several reloads in a row: a click would be refused too for a
          // while, so the page says why and how long, instead of failing on the click.
          if (
            error instanceof AuthError &&
            error.kind === 'too_many_redirects' &&
            stateRef.current.status === 'restoring'
          ) {
            dispatch({ type: 'SIGN_IN_FAILED', error })
            return
          }
        }
      }
      dispatch({ type: 'RESTORE_FINISHED' })
    })()
  }, [config, redirectOutcome, restoreSilently, finishSignIn, navigate])

  // Cancel a pending popup when the provider goes away, so no listener or timer outlives it.
  useEffect(() => () => popupRef.current?.cancel(), [])

  const renew = useCallback(async (): Promise<Session | null> => {
    const session = stateRef.current.session
    // Only an OAuth token can be renewed; a personal access token lives until it is revoked.
    if (session?.kind !== 'oauth') return null
    dispatch({ type: 'RENEW_STARTED' })
    try {
      const renewed = await (await steps()).renewSession(config, session)
      dispatch({ type: 'RENEWED', session: renewed })
      return renewed
    } catch {
      return null
    }
  }, [config])

  const keep = useCallback((session: Session) => {
    if (stateRef.current.session === session) dispatch({ type: 'RENEWED', session })
  }, [])
  const onExpired = useCallback(() => endSession('expired'), [endSession])
  const onSignedOutElsewhere = useCallback(() => {
    const session = stateRef.current.session
    if (session?.kind === 'oauth') void revoke(config, session.accessToken)
    if (stateRef.current.status !== 'signed-out') endSession('other-tab')
  }, [config, endSession])

  const signIn = useCallback(
    (flow: Flow = config.flow, options: SignInOptions = {}) => {
      const scopes = options.scopes ?? config.scopes
      const returnTo = safeReturnTo(options.returnTo)
      const responseType =
        flow === 'implicit' ? 'token' : (options.responseType ?? config.responseType)
      try {
        if (flow === 'popup') {
          if (popupRef.current) {
            popupRef.current.focus()
            return
          }
          // Synchronous on purpose: the window must open inside the click's user activation.
          const popup = startPopupSignIn(config, {
            responseType,
            popupFlow: options.popupFlow ?? 'auto',
            prompt: options.prompt,
            scopes,
          })
          popupRef.current = popup
          dispatch({ type: 'SIGN_IN_STARTED', flow })
          popup.result.then(
            (result) => {
              if (popupRef.current !== popup) return
              popupRef.current = null
              void finishSignIn(
                (heard) => complete(config, result, 'popup', heard),
                'popup',
                returnTo,
              )
            },
            (error: unknown) => {
              if (popupRef.current !== popup) return
              popupRef.current = null
              dispatch({ type: 'SIGN_IN_FAILED', error: asAuthError(error) })
            },
          )
          return
        }
        dispatch({ type: 'SIGN_IN_STARTED', flow })
        const leave = async () => {
          if (flow === 'redirect') {
            const { startRedirectSignIn } = await loadSignInSteps()
            startRedirectSignIn(config, { responseType, returnTo, prompt: options.prompt, scopes })
          } else {
            const { startImplicitSignIn } = await steps()
            startImplicitSignIn(config, { returnTo, prompt: options.prompt, scopes })
          }
        }
        leave().catch((error: unknown) =>
          dispatch({ type: 'SIGN_IN_FAILED', error: asAuthError(error) }),
        )
      } catch (error) {
        dispatch({ type: 'SIGN_IN_FAILED', error: asAuthError(error) })
      }
    },
    [config, finishSignIn],
  )

  const signOut = useCallback(
    async ({ everywhere = false }: SignOutOptions = {}) => {
      const current = stateRef.current.session
      endSession('user')
      channelRef.current?.announceSignOut()
      if (current?.kind !== 'oauth') return
      // Revoke after the UI has let go of the token: a slow network never keeps the agent waiting.
      if (everywhere) {
        await steps()
          .then((module) => module.endAllSessions(config, current.accessToken))
          .catch(() => undefined)
      }
      await retire(config, current)
    },
    [config, endSession],
  )

  const reauthenticate = useCallback((): Promise<Session | null> => {
    if (reauthRef.current) return reauthRef.current
    if (stateRef.current.session?.kind === 'pat') {
      // A personal access token LiveChat refuses was deleted or is wrong: nothing can renew it.
      endSession('revoked', new AuthError('pat_rejected'))
      return Promise.resolve(null)
    }
    const now = Date.now()
    if (now - lastReauthAtRef.current < REAUTH_COOLDOWN_MS) {
      // The token we just got was refused too: re-authenticating again would only loop.
      endSession(
        'revoked',
        new AuthError('token_rejected', 'LiveChat keeps refusing fresh tokens.'),
      )
      return Promise.resolve(null)
    }
    lastReauthAtRef.current = now
    const attempt = renew()
      .then((renewed) => {
        if (!renewed) endSession('expired')
        return renewed
      })
      .finally(() => {
        reauthRef.current = null
      })
    reauthRef.current = attempt
    return attempt
  }, [renew, endSession])

  const signInWithToken = useCallback(
    async (input: PatInput, scopes: readonly string[], returnTo?: string): Promise<boolean> => {
      if (!config.allowPat) return false
      popupRef.current?.cancel()
      popupRef.current = null
      dispatch({ type: 'SIGN_IN_STARTED', flow: 'pat' })
      const session = await finishSignIn(
        (heard) => signInWithPat(config, input, scopes, heard),
        'pat',
        safeReturnTo(returnTo),
      )
      return session !== null
    },
    [config, finishSignIn],
  )

  const dismissError = useCallback(() => dispatch({ type: 'ERROR_DISMISSED' }), [])

  const value = useMemo<AuthContextValue>(
    () => ({
      ...state,
      config,
      signIn,
      signInWithToken,
      signOut,
      endSession,
      reauthenticate,
      dismissError,
    }),
    [state, config, signIn, signInWithToken, signOut, endSession, reauthenticate, dismissError],
  )

  return (
    <AuthContext value={value}>
      {children}
      {state.session && (
        <Suspense fallback={null}>
          <SessionKeeper
            session={state.session}
            renew={renew}
            keep={keep}
            onExpired={onExpired}
            onSignedOutElsewhere={onSignedOutElsewhere}
            channelRef={channelRef}
          />
        </Suspense>
      )}
    </AuthContext>
  )
}
