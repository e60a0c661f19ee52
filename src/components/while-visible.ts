/** How often chat lists refresh while on screen. */
export const CHATS_REFRESH_MS = 15_000

/**
 * A refetchInterval that polls only while the agent can see the page: a hidden tab does not
 * poll (TanStack Query also skips intervals while unfocused; this says it where readers look).
 */
export function whileVisible(ms: number): () => number | false {
  return () => (document.visibilityState === 'visible' ? ms : false)
}
