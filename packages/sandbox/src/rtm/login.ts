// RTM `login` (docs/RTM.md): `token` is the Authorization
// value itself, `"Bearer <access token>"` or `"Basic <base64(account_id:PAT)>"` (docs/PAT.md,
// docs/RTM.md), through the same credential resolver as every HTTP API. A failed login answers
// `authentication` and leaves the socket open until the login deadline (U5).
import { callerScope, type ApiRequest } from '../api/api-request'
import { ApiFailure } from '../api/errors'
import {
  invalid,
  optionalBoolean,
  optionalEnum,
  optionalObject,
  optionalString,
} from '../api/params'
import type { MonitoringLevel, RtmConnection } from './connection'
import { RTM_VERSION, type RequestFrame } from './frames'
import type { HubServices } from './hub-services'
import { chatsSummary, incomingCustomers, license, myProfile } from './login-payload'
import { applyAway } from './away'
import { callerFromToken } from './rtm-caller'

const LEVELS: readonly MonitoringLevel[] = [
  'my',
  'chatting',
  'invited',
  'online',
  'highest_available',
]

/** `pushes: {"3.6": [...]}` → the names this socket wants; null = all (docs/RTM.md). */
function pushFilter(payload: Record<string, unknown>): Set<string> | null {
  const pushes = optionalObject(payload, 'pushes')
  if (pushes === undefined) return null
  const names = pushes[RTM_VERSION]
  if (names === undefined) return new Set()
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string'))
    invalid(`\`pushes.${RTM_VERSION}\` must be an array of push names`, `pushes.${RTM_VERSION}`)
  return names.includes('all') ? null : new Set(names as string[])
}

export function login(hub: HubServices, connection: RtmConnection, frame: RequestFrame): unknown {
  const { payload } = frame
  const caller = callerFromToken(hub, payload.token)
  optionalString(payload, 'timezone')
  optionalBoolean(payload, 'reconnect')
  optionalObject(payload, 'application')
  const away = optionalBoolean(payload, 'away') ?? false
  const level = optionalEnum(payload, 'customer_monitoring_level', LEVELS)
  const filter = pushFilter(payload)

  // U1: organization_id, when the URL carried one, must be the token's organization.
  if (connection.organizationId !== null && connection.organizationId !== caller.organizationId) {
    throw new ApiFailure('authentication', 'The token does not belong to this organization_id')
  }
  // docs/RTM.md misdirection: a token of another data centre than the one the sandbox plays. The
  // response carries the error form, then the socket gets the disconnect form.
  const served = hub.state.options.apiRegion
  if (caller.region !== null && caller.region !== served) {
    connection.disconnect('misdirected_connection', { region: served })
    throw new ApiFailure('misdirected_request', 'Wrong region', { region: served })
  }
  // U8: the per-agent connection cap. A refused login gets only the push (no error response a
  // client might answer by logging in again).
  const others = hub.sessionsOf(caller.person.email, connection)
  if (others.length >= hub.state.options.rtmMaxConnectionsPerAgent) {
    if (hub.state.options.rtmConnectionLimitPolicy === 'refuse') {
      connection.disconnect('too_many_connections')
      return null
    }
    others[0]?.disconnect('connection_evicted')
  }

  // customer_monitoring_level: `my` for the agent's first session, else the session's level.
  const sessionLevel = others.find((c) => c.live)?.monitoringLevel
  connection.monitoringLevel = level ?? sessionLevel ?? 'my'
  connection.pushFilter = filter
  connection.away = away
  connection.authenticated(caller)

  const request: ApiRequest = {
    ...callerScope(hub.state, caller),
    body: payload,
    method: 'login',
    origin: { connectionId: connection.id },
  }
  applyAway(hub, request)
  const customers = incomingCustomers(request, connection.monitoringLevel)
  // Pushed after the login response: the hub holds pushes until the response is out.
  if (customers && (!filter || filter.has('incoming_customers')))
    connection.push('incoming_customers', customers)
  return {
    license: license(request),
    my_profile: myProfile(request),
    chats_summary: chatsSummary(request),
  }
}
