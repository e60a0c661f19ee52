// The only importer of LiveChat's @livechat/agent-app-sdk (MIT). It connects the widget to the
// Agent App around it and narrows what the app uses to a small surface: events in (as unknown
// data, read by host-events.ts), putMessage and the fullscreen badge out. Nothing the app sends
// through it carries a token: only message text and a count.
import { createDetailsWidget, createFullscreenWidget } from '@livechat/agent-app-sdk'

export type Placement = 'details' | 'fullscreen'

/** A widget connected to its Agent App. */
export interface AgentAppWidget {
  placement: Placement
  /** Host events by name (without `livechat:`): the data is untrusted. Returns the stop. */
  on(event: 'customer_profile', listener: (data: unknown) => void): () => void
  /** The last `customer_profile` the host sent (the SDK keeps it), untrusted; null if none. */
  lastCustomerProfile(): unknown
  /** Details only: puts text in the Agent App's message box. */
  putMessage(text: string): Promise<void>
  /** Fullscreen only: the number on the app's icon; 0 clears it. */
  setNotificationBadge(count: number): Promise<void>
}

export async function connectWidget(placement: Placement): Promise<AgentAppWidget> {
  if (placement === 'details') {
    const widget = await createDetailsWidget()
    return {
      placement,
      on: (event, listener) => {
        widget.on(event, listener)
        return () => widget.off(event, listener)
      },
      lastCustomerProfile: () => widget.getCustomerProfile(),
      putMessage: (text) => widget.putMessage(text),
      setNotificationBadge: () => Promise.resolve(),
    }
  }
  const widget = await createFullscreenWidget()
  return {
    placement,
    on: () => () => undefined,
    lastCustomerProfile: () => null,
    putMessage: () => Promise.resolve(),
    // The SDK types it void, but it returns the send's promise.
    setNotificationBadge: async (count) => {
      await widget.setNotificationBadge(count > 0 ? count : null)
    },
  }
}
