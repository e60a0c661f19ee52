// A fault rule: the next matching requests get this answer instead of the real one
// (POST /sandbox/faults; the middleware in faults.ts applies it).

export type FaultBody = 'json' | 'malformed' | 'empty' | 'html'

export interface FaultRule {
  id: string
  /** Matched against the request path: exact, or a prefix when it ends with `*`. */
  path: string
  method?: string
  remaining: number
  status: number
  body: FaultBody
  /** Overrides the JSON error body; defaults to the API's own error shape for the status. */
  json?: unknown
  retryAfter?: string
  /** Agent API error type for the default JSON body, e.g. `chat_inactive`; default by status. */
  errorType?: string
  /** Extra delay before answering this request, in ms. */
  delayMs?: number
}
