// The page's one connection to the Agent App. The SDK answers the host's handshake once per page
// load, so the widget connects once (StrictMode's double effects, remounts and every component
// share it), as early as the widget's code arrives: the host retries its handshake only for a
// few seconds after the frame loads.
import { connectWidget, type AgentAppWidget, type Placement } from './agent-app-sdk'

export type AgentAppState =
  /** Not inside the Agent App: opened in a tab, or framed without the Agent App's `plugin_id`. */
  | { status: 'standalone' }
  | { status: 'connecting' }
  | { status: 'connected'; widget: AgentAppWidget }
  /** Framed, but no Agent App answered the SDK's handshake. */
  | { status: 'unavailable' }

/** Widget mode only where it is asked for: in a frame, with the `plugin_id` the host appends. */
export function isInAgentApp(win: Window = window): boolean {
  return win.parent !== win && new URLSearchParams(win.location.search).has('plugin_id')
}

let state: AgentAppState = { status: 'standalone' }
const listeners = new Set<() => void>()

function set(next: AgentAppState): void {
  state = next
  for (const listener of listeners) listener()
}

/** Starts the connection (once per page) when the page is inside the Agent App. */
export function startAgentApp(placement: Placement, win: Window = window): void {
  if (state.status !== 'standalone' || !isInAgentApp(win)) return
  set({ status: 'connecting' })
  connectWidget(placement).then(
    (widget) => set({ status: 'connected', widget }),
    () => {
      console.warn('The Agent App did not answer the widget’s handshake.')
      set({ status: 'unavailable' })
    },
  )
}

export const agentAppStore = {
  get: (): AgentAppState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}
