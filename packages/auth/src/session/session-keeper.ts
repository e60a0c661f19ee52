// What runs only while someone is signed in: renewal a minute before the token expires, the one
// shared re-authentication after a 401, sign-out at expiry when renewal is impossible, and the
// cross-tab channel that ends this tab's session when the agent signs out in another. A module of its own so that
// its code loads with the first session (a lazy chunk), not with the sign-in page.
import { AuthError } from '../errors/auth-error'
import { openAuthChannel } from './auth-channel'
import type { AuthEvent, AuthState, SignOutReason } from './auth-reducer'
import { expiryPlan } from './expiry'
import type { OAuthSession, Session } from './session'

/** What the keeper needs of the client that owns the session. */
export interface KeeperContext {
  getState(): AuthState
  dispatch(event: AuthEvent): void
  endSession(reason: SignOutReason, error?: AuthError): void
  /** A fresh session for the same agent without their help (throws when there is none). */
  renewSession(session: OAuthSession): Promise<OAuthSession>
  /** Gives a token back to LiveChat; best effort. */
  revoke(token: string): Promise<boolean>
}

export interface SessionKeeper {
  /** Times renewal and expiry for this session (replacing the previous one's timers). */
  watch(session: Session): void
  /**
   * After a 401 from an API: one shared attempt to get a fresh token without the agent's help.
   * Resolves to the new session, or null when the agent must sign in again (they are then
   * signed out).
   */
  reauthenticate(): Promise<Session | null>
  /** Tells the other tabs that the agent signed out here. */
  announceSignOut(): void
  /** Stops the timers and closes the channel. */
  stop(): void
}

/** A 401 within this long after an automatic re-auth means re-auth does not help: stop. */
const REAUTH_COOLDOWN_MS = 30_000

export function startSessionKeeper(context: KeeperContext): SessionKeeper {
  const { getState, dispatch, endSession } = context

  const renew = async (): Promise<Session | null> => {
    const session = getState().session
    // Only an OAuth token can be renewed; a personal access token lives until it is revoked.
    if (session?.kind !== 'oauth') return null
    dispatch({ type: 'RENEW_STARTED' })
    try {
      const renewed = await context.renewSession(session)
      dispatch({ type: 'RENEWED', session: renewed })
      return renewed
    } catch {
      return null
    }
  }

  let reauth: Promise<Session | null> | null = null
  let lastReauthAt = 0
  const reauthenticate = (): Promise<Session | null> => {
    if (reauth) return reauth
    if (getState().session?.kind === 'pat') {
      // A personal access token LiveChat refuses was deleted or is wrong: nothing can renew it.
      endSession('revoked', new AuthError('pat_rejected'))
      return Promise.resolve(null)
    }
    const now = Date.now()
    if (now - lastReauthAt < REAUTH_COOLDOWN_MS) {
      // The token we just got was refused too: re-authenticating again would only loop.
      endSession(
        'revoked',
        new AuthError('token_rejected', 'LiveChat keeps refusing fresh tokens.'),
      )
      return Promise.resolve(null)
    }
    lastReauthAt = now
    reauth = renew()
      .then((renewed) => {
        if (!renewed) endSession('expired')
        return renewed
      })
      .finally(() => {
        reauth = null
      })
    return reauth
  }

  // Other tabs: one channel for as long as anyone is signed in here.
  const channel = openAuthChannel(() => {
    const session = getState().session
    if (session?.kind === 'oauth') void context.revoke(session.accessToken)
    if (getState().status !== 'signed-out') endSession('other-tab')
  })
  let unwatch = () => {}

  // Expiry: renew a minute ahead; when renewal is impossible, sign out at expiry with a notice.
  // A personal access token has no expiry.
  const watch = (session: Session) => {
    unwatch()
    const expiresAt = session.expiresAt
    if (expiresAt === null) {
      unwatch = () => {}
      return
    }
    let renewTimer: ReturnType<typeof setTimeout> | undefined
    let expireTimer: ReturnType<typeof setTimeout> | undefined
    let cancelled = false
    const check = () => {
      if (cancelled) return
      const plan = expiryPlan(expiresAt, Date.now())
      clearTimeout(renewTimer)
      clearTimeout(expireTimer)
      if (plan.expired) {
        endSession('expired')
        return
      }
      expireTimer = setTimeout(check, plan.msUntilExpiry)
      renewTimer = setTimeout(() => {
        void renew().then((renewed) => {
          // Renewal failed but the token still lives: keep using it (leaves `renewing`).
          if (!renewed && !cancelled && getState().session === session)
            dispatch({ type: 'RENEWED', session })
        })
      }, plan.msUntilRenew)
    }
    // Timers stop while a laptop sleeps or a tab is in the background: check again on return.
    const onWake = () => {
      if (document.visibilityState === 'visible') check()
    }
    document.addEventListener('visibilitychange', onWake)
    window.addEventListener('focus', onWake)
    window.addEventListener('pageshow', onWake)
    // Set before the first check, which may end the session (and so stop this keeper) at once.
    unwatch = () => {
      cancelled = true
      clearTimeout(renewTimer)
      clearTimeout(expireTimer)
      document.removeEventListener('visibilitychange', onWake)
      window.removeEventListener('focus', onWake)
      window.removeEventListener('pageshow', onWake)
    }
    check()
  }

  return {
    watch,
    reauthenticate,
    announceSignOut: () => channel.announceSignOut(),
    stop() {
      unwatch()
      channel.close()
    },
  }
}
