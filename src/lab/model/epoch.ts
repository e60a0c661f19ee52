/** Epoch ms (performance.timeOrigin + performance.now()): comparable across page loads, as the auth client's flow facts are. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now()
}
