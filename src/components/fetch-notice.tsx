import { ApiError } from 'livechat-browser-auth'

interface FetchState {
  fetchStatus: 'fetching' | 'paused' | 'idle'
  failureCount: number
  failureReason: unknown
}

/**
 * What is going on while a request is being retried: offline (waiting for the connection),
 * rate-limited (waiting as LiveChat asked), or LiveChat failing (retrying with backoff).
 */
export function FetchNotice({ query }: { query: FetchState }) {
  if (query.fetchStatus === 'paused') {
    return (
      <p role="status" className="notice">
        You are offline. This will load again when your connection is back.
      </p>
    )
  }
  if (query.fetchStatus !== 'fetching' || query.failureCount === 0) return null
  const reason = query.failureReason
  if (reason instanceof ApiError && reason.kind === 'too_many_requests') {
    const seconds = reason.retryAfterMs === null ? null : Math.ceil(reason.retryAfterMs / 1000)
    return (
      <p role="status" className="notice">
        LiveChat is rate-limiting requests. Retrying{' '}
        {seconds === null ? 'shortly' : `in ${seconds} s`}…
      </p>
    )
  }
  return (
    <p role="status" className="notice">
      LiveChat did not answer (attempt {query.failureCount}). Retrying…
    </p>
  )
}
