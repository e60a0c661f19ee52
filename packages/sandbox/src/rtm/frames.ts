// RTM framing (docs/RTM.md): requests
// `{request_id?, action, payload?, version?}`, responses
// `{request_id, action, type:"response", success, payload}` (request_id echoed only when one was
// sent), errors as `payload:{error:{type, message, data?}}`, pushes
// `{version, request_id?, action, type:"push", payload}`.
import { errorBody } from '../api/errors'

export const RTM_VERSION = '3.6'

/** The client chooses it: a uuid (JS SDK) or a numeric string (Python SDK); echoed as sent. */
export type RequestId = string | number

export interface RequestFrame {
  requestId?: RequestId
  action: string
  payload: Record<string, unknown>
  version?: unknown
}

export type ParsedFrame =
  | { kind: 'request'; frame: RequestFrame }
  /** Not JSON, or not an object: U21 ignores it (nothing to answer to). */
  | { kind: 'malformed' }
  /** A JSON object that is not a valid request: answered with `validation`. */
  | { kind: 'invalid'; requestId?: RequestId; action: string; message: string }

export function parseFrame(text: string): ParsedFrame {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { kind: 'malformed' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { kind: 'malformed' }
  const raw = value as Record<string, unknown>
  const requestId =
    typeof raw.request_id === 'string' || typeof raw.request_id === 'number'
      ? raw.request_id
      : undefined
  const action = typeof raw.action === 'string' ? raw.action : ''
  if (action === '') return { kind: 'invalid', requestId, action, message: '`action` is required' }
  const payload = raw.payload ?? {}
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { kind: 'invalid', requestId, action, message: '`payload` must be an object' }
  }
  return {
    kind: 'request',
    frame: { requestId, action, payload: payload as Record<string, unknown>, version: raw.version },
  }
}

function withRequestId(requestId: RequestId | undefined): { request_id?: RequestId } {
  return requestId === undefined ? {} : { request_id: requestId }
}

export function responseFrame(
  requestId: RequestId | undefined,
  action: string,
  payload: unknown,
): string {
  return JSON.stringify({
    ...withRequestId(requestId),
    action,
    type: 'response',
    success: true,
    payload,
  })
}

export function errorFrame(
  requestId: RequestId | undefined,
  action: string,
  type: string,
  message: string,
  data?: Record<string, unknown>,
): string {
  return JSON.stringify({
    ...withRequestId(requestId),
    action,
    type: 'response',
    success: false,
    payload: errorBody(type, message, data),
  })
}

export function pushFrame(action: string, payload: unknown, requestId?: RequestId): string {
  return JSON.stringify({
    version: RTM_VERSION,
    ...withRequestId(requestId),
    action,
    type: 'push',
    payload,
  })
}
