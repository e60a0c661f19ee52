/**
 * Runs `work` when the browser is idle (or after a short delay where it cannot tell), for
 * loading code the page will likely need soon. Returns a cancel function (an effect cleanup).
 */
export function whenIdle(work: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(work, { timeout: 2000 })
    return () => window.cancelIdleCallback(id)
  }
  const timer = setTimeout(work, 200)
  return () => clearTimeout(timer)
}
