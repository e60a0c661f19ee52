// One HTTP exchange with LiveChat: fetch with a deadline of its own, the callers' abort signals
// passed through, and every way it can fail without a response turned into a typed ApiError.
import { ApiError } from './api-error'
import { readResponse } from './read-response'

/**
 * One HTTP exchange with its own deadline. The callers' signals (a cancelled query, the end of
 * the client's signal) still abort it, and then the AbortError passes through untouched.
 */
export async function exchange<T>(
  url: string,
  init: RequestInit,
  signals: AbortSignal[],
  timeoutMs: number,
): Promise<T> {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const forward = () => controller.abort()
  for (const signal of signals) {
    if (signal.aborted) forward()
    else signal.addEventListener('abort', forward, { once: true })
  }
  const aborted = () => signals.some((signal) => signal.aborted)
  try {
    let response: Response
    let text: string
    try {
      response = await fetch(url, { ...init, signal: controller.signal })
      text = await response.text()
    } catch (error) {
      if (aborted()) throw error
      if (timedOut) throw new ApiError('timeout', 'Request timed out')
      // fetch cannot tell a dropped connection from a CORS refusal; both are "network".
      throw new ApiError('network', 'Network error')
    }
    return readResponse<T>(response, text)
  } finally {
    clearTimeout(timer)
    for (const signal of signals) signal.removeEventListener('abort', forward)
  }
}
