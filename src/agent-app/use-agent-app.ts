// The Agent App connection and what it says, for React components.
import { useEffect, useState, useSyncExternalStore } from 'react'
import { agentAppStore, type AgentAppState } from './agent-app-connection'
import { readCustomerProfile, type CustomerHint } from './host-events'
import { latestThrottle } from './latest-throttle'

/** At most one customer change per this many ms, however fast the host sends them. */
export const PROFILE_INTERVAL_MS = 250

export function useAgentApp(): AgentAppState {
  return useSyncExternalStore(agentAppStore.subscribe, agentAppStore.get)
}

function hintFrom(data: unknown): CustomerHint | null {
  const hint = readCustomerProfile(data)
  // Logged without the payload: it is the host's, and could hold anything.
  if (!hint && data != null)
    console.warn('Ignored a malformed customer_profile from the Agent App.')
  return hint
}

/**
 * The chat's customer as the Agent App last named them (ids only, to be checked through the
 * API), or null before it has. A malformed event leaves the last good hint in place.
 */
export function useCustomerHint(): CustomerHint | null {
  const agentApp = useAgentApp()
  const widget = agentApp.status === 'connected' ? agentApp.widget : null
  const [hint, setHint] = useState<CustomerHint | null>(null)
  useEffect(() => {
    if (!widget) return
    const throttle = latestThrottle<CustomerHint>(
      (next) =>
        setHint((current) =>
          current?.customerId === next.customerId && current.chatId === next.chatId
            ? current
            : next,
        ),
      PROFILE_INTERVAL_MS,
    )
    const take = (data: unknown) => {
      const next = hintFrom(data)
      if (next) throttle.push(next)
    }
    // A profile sent before this component listened (the SDK keeps the last one).
    take(widget.lastCustomerProfile())
    const stop = widget.on('customer_profile', take)
    return () => {
      stop()
      throttle.cancel()
    }
  }, [widget])
  return hint
}
