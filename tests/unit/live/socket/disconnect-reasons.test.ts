// The table in docs/livechat/rtm.md#disconnect-reasons, row by row: which reasons reconnect, renew
// first, end the session, reconnect to another region, or stop until the agent asks.
import { describe, expect, it } from 'vitest'
import { actionFor, loginFailureAction } from '../../../../src/live/socket/disconnect-reasons'
import { rtmUrlFor } from '../../../../src/live/socket/rtm-url'

describe('actionFor (agent_disconnected reasons)', () => {
  it.each([
    ['agent_disconnected_by_server', { kind: 'stop', reason: 'agent_disconnected_by_server' }],
    ['agent_logged_out_remotely', { kind: 'end-session', reason: 'remote-logout' }],
    ['access_token_revoked', { kind: 'end-session', reason: 'revoked' }],
    ['connection_evicted', { kind: 'stop', reason: 'connection_evicted' }],
    ['access_token_expired', { kind: 'renew' }],
    ['connection_timeout', { kind: 'reconnect' }],
    ['internal_error', { kind: 'reconnect' }],
    ['license_expired', { kind: 'stop', reason: 'license_expired' }],
    ['license_not_found', { kind: 'stop', reason: 'license_not_found' }],
    ['unsupported_version', { kind: 'stop', reason: 'unsupported_version' }],
    ['too_many_connections', { kind: 'stop', reason: 'too_many_connections' }],
    ['too_many_unauthorized_connections', { kind: 'reconnect' }],
    ['role_permissions_changed', { kind: 'reconnect' }],
    ['a_reason_from_the_future', { kind: 'reconnect' }],
    ['', { kind: 'reconnect' }],
    ['__proto__', { kind: 'reconnect' }],
  ])('%s → %o', (reason, action) => {
    expect(actionFor(reason)).toEqual(action)
  })

  it('misdirected_connection (and the sample’s misdirected_request) names the region from data', () => {
    expect(actionFor('misdirected_connection', { region: 'fra' })).toEqual({
      kind: 'region',
      region: 'fra',
    })
    expect(actionFor('misdirected_request', { region: 'fra-a' })).toEqual({
      kind: 'region',
      region: 'fra-a',
    })
    expect(actionFor('misdirected_connection')).toEqual({ kind: 'region', region: null })
    expect(actionFor('misdirected_connection', { region: 'evil.com/x' })).toEqual({
      kind: 'region',
      region: null,
    })
  })
})

describe('loginFailureAction (a refused login)', () => {
  it.each([
    ['authentication', { kind: 'renew' }],
    ['license_expired', { kind: 'stop', reason: 'license_expired' }],
    ['requester_suspended', { kind: 'stop', reason: 'login_refused' }],
    ['requester_awaiting_approval', { kind: 'stop', reason: 'login_refused' }],
    ['seats_limit_exceeded', { kind: 'stop', reason: 'login_refused' }],
    ['wrong_product_version', { kind: 'stop', reason: 'login_refused' }],
    ['internal', { kind: 'reconnect' }],
    ['service_unavailable', { kind: 'reconnect' }],
    ['too_many_requests', { kind: 'reconnect' }],
    [null, { kind: 'reconnect' }],
  ])('%s → %o', (type, action) => {
    expect(loginFailureAction(type)).toEqual(action)
  })
})

describe('rtmUrlFor', () => {
  it('adds organization_id and nothing secret; a region is named in the query, the host stays', () => {
    expect(rtmUrlFor('wss://api.livechatinc.com/v3.6/agent/rtm/ws', 'org 1')).toBe(
      'wss://api.livechatinc.com/v3.6/agent/rtm/ws?organization_id=org+1',
    )
    expect(rtmUrlFor('wss://api.livechatinc.com/v3.6/agent/rtm/ws', 'o', 'fra')).toBe(
      'wss://api.livechatinc.com/v3.6/agent/rtm/ws?organization_id=o&region=fra',
    )
    expect(rtmUrlFor('ws://localhost:4010/v3.6/agent/rtm/ws', 'o', 'fra')).toBe(
      'ws://localhost:4010/v3.6/agent/rtm/ws?organization_id=o&region=fra',
    )
  })
})
