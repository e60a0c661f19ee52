// Routes one RTM request (docs/RTM.md): `ping` and `login` first, the session
// actions that exist only over RTM (logout, update_session, set_away_status), and every agent
// method through the same MethodHandler the Web API calls, with the same scope checks and rate
// limiter. ApiFailure becomes the RTM error payload `{error:{type, message, data?}}`.
import { callerScope, type ApiRequest } from '../api/api-request'
import { ApiFailure } from '../api/errors'
import { findMethod } from '../api/methods'
import { enforceRateLimit } from '../api/rate-limit'
import type { RtmConnection } from './connection'
import { errorFrame, responseFrame, RTM_VERSION, type RequestFrame } from './frames'
import type { HubServices } from './hub-services'
import { login } from './login'
import { logout, setAwayStatus, updateSession } from './session-actions'

/** What an RTM-only action returns: its payload, or null when there is nothing to answer. */
export type RtmAction = (
  hub: HubServices,
  connection: RtmConnection,
  request: ApiRequest,
) => unknown

const SESSION_ACTIONS: Record<string, RtmAction> = {
  logout,
  update_session: updateSession,
  set_away_status: setAwayStatus,
}

/** U20: absent or "3.6"; "3.7" is not emulated (validation); older is unsupported_version. */
function checkVersion(version: unknown): void {
  if (version === undefined || version === RTM_VERSION) return
  const number = typeof version === 'string' ? Number(version) : Number.NaN
  if (Number.isFinite(number) && number < Number(RTM_VERSION)) {
    throw new ApiFailure(
      'unsupported_version',
      'A version lower than the connection’s is prohibited',
    )
  }
  throw new ApiFailure('validation', `Version ${String(version)} is not emulated by the sandbox`)
}

/** The response frame for `frame`, or null when the request gets no answer (an ignored ping). */
export function dispatch(
  hub: HubServices,
  connection: RtmConnection,
  frame: RequestFrame,
): string | null {
  const { requestId, action } = frame
  try {
    checkVersion(frame.version)
    if (action === 'ping') return ping(hub, connection, frame)
    if (connection.state !== 'authenticated' || !connection.caller) {
      // U4: before login only `login` (and `ping`) are served.
      if (action !== 'login') throw new ApiFailure('authentication', 'Log in first')
      const payload = login(hub, connection, frame)
      return payload === null ? null : responseFrame(requestId, action, payload)
    }
    if (action === 'login')
      throw new ApiFailure('validation', 'This connection is already logged in')
    const caller = connection.caller
    const request: ApiRequest = {
      ...callerScope(hub.state, caller),
      body: frame.payload,
      method: action,
      origin: { connectionId: connection.id, requestId },
    }
    const session = Object.hasOwn(SESSION_ACTIONS, action) ? SESSION_ACTIONS[action] : undefined
    if (session) return responseFrame(requestId, action, session(hub, connection, request) ?? {})
    const handler = findMethod('agent', action)
    // U12: unknown and legacy actions (change_push_notifications, create_customer …).
    if (!handler) throw new ApiFailure('validation', 'Unsupported action')
    // The Web API's limiter and key: a token's calls count the same on both transports.
    enforceRateLimit(hub.state, request.world, caller.credentialId, `agent/${action}`)
    return responseFrame(requestId, action, handler(request))
  } catch (error) {
    const failure = error instanceof ApiFailure ? error : new ApiFailure('internal')
    if (!(error instanceof ApiFailure)) console.error('sandbox RTM:', error)
    return errorFrame(requestId, action, failure.type, failure.message, failure.data)
  }
}

/** U3: a ping always succeeds with `{}` by default, before login too (the JS SDK needs it, docs/RTM.md). */
function ping(hub: HubServices, connection: RtmConnection, frame: RequestFrame): string | null {
  if (connection.state !== 'authenticated') {
    const mode = hub.state.options.rtmPreLoginPing
    if (mode === 'ignore') return null
    if (mode === 'error') throw new ApiFailure('authentication', 'Log in first')
  }
  return responseFrame(frame.requestId, 'ping', {})
}
