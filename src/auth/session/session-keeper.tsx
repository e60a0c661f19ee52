// What runs only while someone is signed in: renewal a minute before the token expires, sign-out
// at expiry when renewal is impossible, and the cross-tab channel that ends this tab's session
// when the agent signs out in another. A component of its own so that its code comes with the
// first session (a lazy chunk), not with the sign-in page.
import { useEffect, useRef, type RefObject } from 'react'
import { openAuthChannel, type AuthChannel } from './auth-channel'
import { expiryPlan } from './expiry'
import type { Session } from './session'

export interface SessionKeeperProps {
  session: Session
  /** Gets a fresh session silently; null when LiveChat cannot give one now. */
  renew(): Promise<Session | null>
  /** Renewal failed but the token still lives: keep using it (leaves the `renewing` status). */
  keep(session: Session): void
  /** The token expired and could not be renewed. */
  onExpired(): void
  /** The agent signed out in another tab of this app. */
  onSignedOutElsewhere(): void
  /** Where the provider finds the channel to announce its own sign-outs. */
  channelRef: RefObject<AuthChannel | null>
}

export function SessionKeeper({
  session,
  renew,
  keep,
  onExpired,
  onSignedOutElsewhere,
  channelRef,
}: SessionKeeperProps) {
  // The handlers change identity with the provider's renders; the timers and the channel must not.
  const handlers = useRef({ renew, keep, onExpired, onSignedOutElsewhere })
  useEffect(() => {
    handlers.current = { renew, keep, onExpired, onSignedOutElsewhere }
  })

  // Other tabs: one channel for as long as anyone is signed in here.
  useEffect(() => {
    const channel = openAuthChannel(() => handlers.current.onSignedOutElsewhere())
    channelRef.current = channel
    return () => {
      channel.close()
      if (channelRef.current === channel) channelRef.current = null
    }
  }, [channelRef])

  // Expiry: renew a minute ahead; when renewal is impossible, sign out at expiry with a notice.
  // A personal access token has no expiry.
  const expiresAt = session.expiresAt
  useEffect(() => {
    if (expiresAt === null) return
    let renewTimer: ReturnType<typeof setTimeout> | undefined
    let expireTimer: ReturnType<typeof setTimeout> | undefined
    let cancelled = false
    const check = () => {
      const plan = expiryPlan(expiresAt, Date.now())
      clearTimeout(renewTimer)
      clearTimeout(expireTimer)
      if (plan.expired) {
        handlers.current.onExpired()
        return
      }
      expireTimer = setTimeout(check, plan.msUntilExpiry)
      renewTimer = setTimeout(() => {
        void handlers.current.renew().then((renewed) => {
          if (!renewed && !cancelled) handlers.current.keep(session)
        })
      }, plan.msUntilRenew)
    }
    check()
    // Timers stop while a laptop sleeps or a tab is in the background: check again on return.
    const onWake = () => {
      if (document.visibilityState === 'visible') check()
    }
    document.addEventListener('visibilitychange', onWake)
    window.addEventListener('focus', onWake)
    window.addEventListener('pageshow', onWake)
    return () => {
      cancelled = true
      clearTimeout(renewTimer)
      clearTimeout(expireTimer)
      document.removeEventListener('visibilitychange', onWake)
      window.removeEventListener('focus', onWake)
      window.removeEventListener('pageshow', onWake)
    }
  }, [expiresAt, session])

  return null
}
