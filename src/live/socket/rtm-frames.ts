// The RTM wire format (docs/livechat/rtm.md#frames): every frame is one JSON object in a UTF-8 text
// frame. Requests carry our `request_id`; responses echo it; pushes carry it only on the
// requester's own copy. Errors come back as `payload: {error: {type, message, data?}}`.
import { ApiError, kindForType } from 'livechat-browser-auth'

export interface RtmRequestFrame {
  request_id: string
  action: string
  payload: object
}

export interface RtmResponseFrame {
  type: 'response'
  action: string
  request_id?: string
  success: boolean
  payload: unknown
}

export interface RtmPushFrame {
  type: 'push'
  action: string
  /** Only on the copy sent to the connection whose request caused the push (docs/livechat/rtm.md#frames). */
  request_id?: string
  payload: unknown
}

export type RtmIncomingFrame = RtmResponseFrame | RtmPushFrame

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * One incoming frame, or null for anything that is not an RTM frame (binary data, bad JSON, an
 * unknown `type`): ignored rather than fatal, as the official SDK does
 * (packages/sandbox/docs/UNKNOWNS.md, U21).
 */
export function parseFrame(data: unknown): RtmIncomingFrame | null {
  let frame: unknown
  try {
    frame = typeof data === 'string' ? JSON.parse(data) : null
  } catch {
    return null
  }
  if (!isObject(frame) || typeof frame.action !== 'string') return null
  const { type, action, payload } = frame
  const request_id = typeof frame.request_id === 'string' ? frame.request_id : undefined
  if (type === 'push') return { type, action, request_id, payload }
  if (type === 'response')
    return { type, action, request_id, payload, success: frame.success === true }
  return null
}

/**
 * An RTM error response as the app's ApiError, so the words and retry rules of the Web API
 * (api/api-error.ts, api/retry-policy.ts) apply to the socket too. The message is LiveChat's
 * (capped), never the raw frame: it could quote a token (SECURITY.md #54).
 */
export function rtmError(payload: unknown): ApiError {
  const error = isObject(payload) && isObject(payload.error) ? payload.error : {}
  const type = typeof error.type === 'string' ? error.type : null
  const message = typeof error.message === 'string' ? error.message.slice(0, 300) : 'RTM error'
  const data = isObject(error.data) ? error.data : null
  const kind =
    type === 'pending_requests_limit_reached' ? 'too_many_requests' : kindForType(type, 0)
  return new ApiError(kind, message, { type, data })
}
