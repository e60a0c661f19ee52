// The live connection's life (docs/livechat/rtm.md) with a fake socket, fake timers
// and a chosen random: login (token only in the frame), the heartbeat, backoff with full jitter,
// every disconnect reason, update_session on renewal, logout on sign-out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Credential } from 'livechat-browser-auth'
import type { Clock } from '../../../../src/live/socket/clock'
import {
  PING_INTERVAL_MS,
  PING_TIMEOUT_MS,
  createRtmClient,
  STABLE_AFTER_MS,
  type LiveStatus,
} from '../../../../src/live/socket/rtm-client'
import { fakeSockets } from './fake-socket'

const RTM = 'ws://rtm.test/v3.6/agent/rtm/ws'
const ORG = '7a1e4c52-3b8d-4f6a-9c2e-5d0b8f1a2c3e'
const LOGIN = {
  license: { id: '104130623', organization_id: ORG },
  my_profile: { id: 'nina@acme.test', routing_status: 'accepting_chats' },
  chats_summary: [],
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

const flush = () => vi.advanceTimersByTimeAsync(0)

function setup({ credential = { scheme: 'Bearer', value: 'dal:token-1' } as Credential } = {}) {
  const sockets = fakeSockets()
  let random = 0.5
  const clock: Clock = {
    now: () => Date.now(),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle),
    random: () => random,
  }
  const state = { credential }
  const statuses: LiveStatus[] = []
  const logins: { first: boolean }[] = []
  const pushes: string[] = []
  const renew = vi.fn<() => Promise<Credential | null>>()
  const endSession = vi.fn()
  const rtm = createRtmClient({
    url: RTM,
    organizationId: ORG,
    credential: () => state.credential,
    WebSocket: sockets.WebSocket,
    clock,
    renew,
    endSession,
    onLogin: (_login, info) => logins.push(info),
    onPush: (push) => pushes.push(push.action),
    onStatus: (status) => statuses.push(status),
  })
  const goLive = async () => {
    if (rtm.status.state !== 'live' && sockets.all.length === 0) rtm.start()
    sockets.latest.open()
    await flush()
    sockets.latest.answer('login', LOGIN)
    await flush()
    expect(rtm.status).toEqual({ state: 'live' })
  }
  /** Opens the newest socket and says which token its login frame carries. */
  const nextLoginToken = () => {
    sockets.latest.open()
    return sockets.latest.last('login').payload.token
  }
  return {
    rtm,
    nextLoginToken,
    sockets,
    state,
    statuses,
    logins,
    pushes,
    renew,
    endSession,
    goLive,
    setRandom: (value: number) => {
      random = value
    },
  }
}

describe('RtmClient login', () => {
  it('connects with organization_id in the URL, never the token, and logs in with it as the first frame', async () => {
    const t = setup()
    t.rtm.start()
    expect(t.rtm.status).toEqual({ state: 'connecting' })
    const socket = t.sockets.latest
    expect(socket.url).toBe(`${RTM}?organization_id=${ORG}`)
    expect(socket.url).not.toContain('token')
    socket.open()
    expect(socket.frames()[0]).toMatchObject({
      action: 'login',
      payload: { token: 'Bearer dal:token-1' },
    })
    expect(socket.frames()[0]?.payload).not.toHaveProperty('reconnect')
    await t.goLive()
    expect(t.logins).toEqual([{ first: true }])
  })

  it('logs in a personal access token session with `Basic …`, unchanged', async () => {
    const t = setup({ credential: { scheme: 'Basic', value: 'YWNjOnBhdA==' } })
    t.rtm.start()
    expect(t.nextLoginToken()).toBe('Basic YWNjOnBhdA==')
  })

  it('logs in again with reconnect: true after a drop, and hands pushes on while live', async () => {
    const t = setup()
    await t.goLive()
    t.sockets.latest.push('incoming_event', { chat_id: 'C' })
    expect(t.pushes).toEqual(['incoming_event'])
    t.sockets.latest.drop()
    expect(t.rtm.status).toMatchObject({ state: 'reconnecting', attempt: 1 })
    await vi.advanceTimersByTimeAsync(30_000)
    expect(t.sockets.all).toHaveLength(2)
    await t.goLive()
    expect(t.sockets.latest.last('login').payload).toMatchObject({ reconnect: true })
    expect(t.logins).toEqual([{ first: true }, { first: false }])
  })
})

describe('RtmClient heartbeat', () => {
  it(`pings every ${PING_INTERVAL_MS / 1000} s after login (under LiveChat’s 15 s)`, async () => {
    const t = setup()
    await t.goLive()
    const socket = t.sockets.latest
    await vi.advanceTimersByTimeAsync(PING_INTERVAL_MS - 1)
    expect(socket.actions()).toEqual(['login'])
    await vi.advanceTimersByTimeAsync(1)
    expect(socket.actions()).toEqual(['login', 'ping'])
    socket.answer('ping')
    await vi.advanceTimersByTimeAsync(PING_INTERVAL_MS)
    expect(socket.actions()).toEqual(['login', 'ping', 'ping'])
    expect(PING_INTERVAL_MS).toBeLessThanOrEqual(15_000)
  })

  it('treats a ping unanswered in time as a dead socket: closes it and reconnects', async () => {
    const t = setup()
    await t.goLive()
    const socket = t.sockets.latest
    await vi.advanceTimersByTimeAsync(PING_INTERVAL_MS + PING_TIMEOUT_MS)
    expect(socket.closedWith).toEqual({ code: 4000, reason: 'ping timeout' })
    expect(t.rtm.status).toMatchObject({ state: 'reconnecting', attempt: 1 })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(t.sockets.all).toHaveLength(2)
  })
})

describe('RtmClient backoff', () => {
  /** The waits before each of `count` attempts after repeated failures, with this random. */
  async function waits(random: number, count: number): Promise<number[]> {
    const t = setup()
    t.setRandom(random)
    t.rtm.start()
    const delays: number[] = []
    for (let i = 0; i < count; i++) {
      const before = Date.now()
      t.sockets.latest.drop()
      const status = t.rtm.status
      if (status.state !== 'reconnecting' || status.retryAt === null) throw new Error('not waiting')
      expect(status.attempt).toBe(i + 1)
      delays.push(status.retryAt - before)
      await vi.advanceTimersByTimeAsync(status.retryAt - before)
      expect(t.sockets.all).toHaveLength(i + 2)
    }
    return delays
  }

  it('waits a random time up to 1 s · 2ⁿ (full jitter), capped at 30 s', async () => {
    const ceilings = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]
    const top = await waits(0.999999, ceilings.length)
    top.forEach((delay, i) => {
      expect(delay).toBeLessThanOrEqual(ceilings[i] as number)
      expect(delay).toBeGreaterThanOrEqual((ceilings[i] as number) - 1)
    })
    expect(await waits(0, 8)).toEqual(Array(8).fill(0))
    const middle = await waits(0.5, 8)
    middle.forEach((delay, i) => expect(delay).toBe((ceilings[i] as number) / 2))
  })

  it('starts from the bottom again after a stable login', async () => {
    const t = setup()
    t.setRandom(0.999999)
    t.rtm.start()
    for (let i = 0; i < 5; i++) {
      t.sockets.latest.drop()
      await vi.advanceTimersByTimeAsync(30_000)
    }
    await t.goLive()
    await vi.advanceTimersByTimeAsync(STABLE_AFTER_MS)
    t.sockets.latest.answer('ping')
    const before = Date.now()
    t.sockets.latest.drop()
    const status = t.rtm.status
    expect(status).toMatchObject({ state: 'reconnecting', attempt: 1 })
    if (status.state !== 'reconnecting' || status.retryAt === null) throw new Error('not waiting')
    expect(status.retryAt - before).toBeLessThanOrEqual(1_000)
  })

  it('a login dropped before it was stable keeps the backoff growing', async () => {
    const t = setup()
    t.setRandom(0.999999)
    await t.goLive()
    t.sockets.latest.drop()
    await vi.advanceTimersByTimeAsync(1_000)
    await t.goLive()
    const before = Date.now()
    t.sockets.latest.drop()
    const status = t.rtm.status
    if (status.state !== 'reconnecting' || status.retryAt === null) throw new Error('not waiting')
    expect(status.attempt).toBe(2)
    expect(status.retryAt - before).toBeGreaterThan(1_000)
  })
})

describe('RtmClient disconnect reasons', () => {
  const reconnecting = [
    'connection_timeout',
    'internal_error',
    'too_many_unauthorized_connections',
    'role_permissions_changed',
    'some_future_reason',
  ]
  for (const reason of reconnecting) {
    it(`${reason}: reconnects with backoff`, async () => {
      const t = setup()
      await t.goLive()
      t.sockets.latest.push('agent_disconnected', { reason })
      expect(t.sockets.latest.closedWith).not.toBeNull()
      expect(t.rtm.status).toMatchObject({ state: 'reconnecting', attempt: 1 })
      await vi.advanceTimersByTimeAsync(1_000)
      expect(t.sockets.all).toHaveLength(2)
      expect(t.endSession).not.toHaveBeenCalled()
      expect(t.pushes).toEqual([])
    })
  }

  const stopping = [
    'connection_evicted',
    'too_many_connections',
    'agent_disconnected_by_server',
    'license_expired',
    'license_not_found',
    'unsupported_version',
  ]
  for (const reason of stopping) {
    it(`${reason}: stops and says why; only the agent reconnects (“Reconnect here”)`, async () => {
      const t = setup()
      await t.goLive()
      t.sockets.latest.push('agent_disconnected', { reason })
      expect(t.rtm.status).toEqual({ state: 'offline', reason })
      await vi.advanceTimersByTimeAsync(120_000)
      expect(t.sockets.all).toHaveLength(1)
      t.rtm.reconnectNow()
      expect(t.sockets.all).toHaveLength(2)
      await t.goLive()
    })
  }

  it('access_token_revoked: ends the session in this tab as revoked, no reconnect', async () => {
    const t = setup()
    await t.goLive()
    t.sockets.latest.push('agent_disconnected', { reason: 'access_token_revoked' })
    expect(t.endSession).toHaveBeenCalledWith('revoked')
    expect(t.rtm.status).toEqual({ state: 'closed' })
    await vi.advanceTimersByTimeAsync(120_000)
    expect(t.sockets.all).toHaveLength(1)
  })

  it('access_token_revoked for a token this tab has already replaced: logs in with the current one', async () => {
    const t = setup()
    await t.goLive()
    // A second sign-in (more scopes) retired the old token before update_session reached LiveChat.
    t.state.credential = { scheme: 'Bearer', value: 'dal:token-2' }
    t.sockets.latest.push('agent_disconnected', { reason: 'access_token_revoked' })
    expect(t.endSession).not.toHaveBeenCalled()
    expect(t.sockets.all).toHaveLength(2)
    expect(t.nextLoginToken()).toBe('Bearer dal:token-2')
  })

  it('access_token_revoked while the new token’s update_session is still unanswered: logs in with the new one', async () => {
    const t = setup()
    await t.goLive()
    // The step-up: the new token goes out at once; LiveChat revokes the old one before answering.
    t.state.credential = { scheme: 'Bearer', value: 'dal:token-2' }
    t.rtm.updateCredential(t.state.credential)
    expect(t.sockets.latest.actions()).toEqual(['login', 'update_session'])
    t.sockets.latest.push('agent_disconnected', { reason: 'access_token_revoked' })
    expect(t.endSession).not.toHaveBeenCalled()
    expect(t.sockets.all).toHaveLength(2)
    expect(t.nextLoginToken()).toBe('Bearer dal:token-2')
  })

  it('agent_logged_out_remotely: ends the session in this tab as remote-logout, no reconnect', async () => {
    const t = setup()
    await t.goLive()
    t.sockets.latest.push('agent_disconnected', { reason: 'agent_logged_out_remotely' })
    expect(t.endSession).toHaveBeenCalledWith('remote-logout')
    await vi.advanceTimersByTimeAsync(120_000)
    expect(t.sockets.all).toHaveLength(1)
  })

  it('access_token_expired: renews first, then logs in with the new token', async () => {
    const t = setup()
    await t.goLive()
    t.renew.mockImplementation(async () => {
      t.state.credential = { scheme: 'Bearer', value: 'dal:token-2' }
      return t.state.credential
    })
    t.sockets.latest.push('agent_disconnected', { reason: 'access_token_expired' })
    expect(t.renew).toHaveBeenCalledTimes(1)
    await flush()
    expect(t.sockets.all).toHaveLength(2)
    t.sockets.latest.open()
    expect(t.sockets.latest.last('login').payload).toEqual({
      token: 'Bearer dal:token-2',
      reconnect: true,
    })
  })

  it('access_token_expired with no renewal possible: stops quietly (the auth layer signs the agent out)', async () => {
    const t = setup()
    await t.goLive()
    t.renew.mockResolvedValue(null)
    t.sockets.latest.push('agent_disconnected', { reason: 'access_token_expired' })
    await flush()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(t.sockets.all).toHaveLength(1)
  })

  it('an `authentication` error at login renews, then logs in again', async () => {
    const t = setup()
    t.renew.mockImplementation(async () => {
      t.state.credential = { scheme: 'Bearer', value: 'dal:token-2' }
      return t.state.credential
    })
    t.rtm.start()
    t.sockets.latest.open()
    t.sockets.latest.fail('login', 'authentication')
    await flush()
    expect(t.renew).toHaveBeenCalledTimes(1)
    expect(t.nextLoginToken()).toBe('Bearer dal:token-2')
  })

  it('a login refused for good (requester_suspended) stops with the reason', async () => {
    const t = setup()
    t.rtm.start()
    t.sockets.latest.open()
    t.sockets.latest.fail('login', 'requester_suspended')
    await flush()
    expect(t.rtm.status).toEqual({ state: 'offline', reason: 'login_refused' })
  })

  it('a login failing on LiveChat’s side (service_unavailable) is retried with backoff', async () => {
    const t = setup()
    t.rtm.start()
    t.sockets.latest.open()
    t.sockets.latest.fail('login', 'service_unavailable')
    await flush()
    expect(t.rtm.status).toMatchObject({ state: 'reconnecting', attempt: 1 })
  })

  it('misdirected_connection: reconnects once to the region in data.region, then gives up', async () => {
    const t = setup()
    await t.goLive()
    t.sockets.latest.push('agent_disconnected', {
      reason: 'misdirected_connection',
      data: { region: 'fra' },
    })
    expect(t.sockets.all).toHaveLength(2)
    expect(t.sockets.latest.url).toBe(`${RTM}?organization_id=${ORG}&region=fra`)
    t.sockets.latest.open()
    await flush()
    t.sockets.latest.fail('login', 'misdirected_request', { region: 'dal' })
    await flush()
    expect(t.rtm.status).toEqual({ state: 'offline', reason: 'misdirected_connection' })
    expect(t.sockets.all).toHaveLength(2)
  })
})

describe('RtmClient and the token’s life', () => {
  it('sends update_session with a renewed token on the live socket, once per token', async () => {
    const t = setup()
    await t.goLive()
    const renewed: Credential = { scheme: 'Bearer', value: 'dal:token-2' }
    t.state.credential = renewed
    t.rtm.updateCredential(renewed)
    t.rtm.updateCredential(renewed)
    const socket = t.sockets.latest
    expect(socket.actions()).toEqual(['login', 'update_session'])
    expect(socket.last('update_session').payload).toEqual({ token: 'Bearer dal:token-2' })
    socket.answer('update_session')
    await flush()
    expect(t.sockets.all).toHaveLength(1)
    expect(t.rtm.status).toEqual({ state: 'live' })
    // The same token again (e.g. a re-render) sends nothing.
    t.rtm.updateCredential({ scheme: 'Bearer', value: 'dal:token-2' })
    expect(socket.actions()).toEqual(['login', 'update_session'])
  })

  it('when LiveChat refuses update_session, logs in afresh with the new token', async () => {
    const t = setup()
    await t.goLive()
    t.state.credential = { scheme: 'Bearer', value: 'dal:token-2' }
    t.rtm.updateCredential(t.state.credential)
    t.sockets.latest.fail('update_session', 'authentication')
    await flush()
    expect(t.sockets.all).toHaveLength(2)
    expect(t.nextLoginToken()).toBe('Bearer dal:token-2')
  })

  it('a token renewed while the login was on its way goes to the socket right after it', async () => {
    const t = setup()
    t.rtm.start()
    t.sockets.latest.open()
    t.state.credential = { scheme: 'Bearer', value: 'dal:token-2' }
    t.rtm.updateCredential(t.state.credential) // not live yet: nothing sent
    expect(t.sockets.latest.actions()).toEqual(['login'])
    t.sockets.latest.answer('login', LOGIN)
    await flush()
    expect(t.sockets.latest.last('update_session').payload).toEqual({ token: 'Bearer dal:token-2' })
  })

  it('sign-out: sends logout, then closes; nothing reconnects and no timer is left', async () => {
    const t = setup()
    await t.goLive()
    const socket = t.sockets.latest
    t.rtm.stop({ logout: true })
    expect(socket.actions()).toEqual(['login', 'logout'])
    expect(socket.closedWith).toEqual({ code: 1000, reason: 'logout' })
    expect(t.rtm.status).toEqual({ state: 'closed' })
    await flush()
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(t.sockets.all).toHaveLength(1)
  })

  it('browser offline: closes and waits without attempts; online again: reconnects at once', async () => {
    const t = setup()
    await t.goLive()
    t.rtm.pauseOffline()
    expect(t.rtm.status).toEqual({ state: 'offline', reason: 'browser_offline' })
    await vi.advanceTimersByTimeAsync(120_000)
    expect(t.sockets.all).toHaveLength(1)
    t.rtm.resumeOnline()
    expect(t.sockets.all).toHaveLength(2)
  })

  it('back online while waiting to reconnect: tries at once instead of waiting out the backoff', async () => {
    const t = setup()
    t.setRandom(0.999999)
    await t.goLive()
    t.sockets.latest.drop()
    expect(t.rtm.status).toMatchObject({ state: 'reconnecting' })
    t.rtm.resumeOnline()
    expect(t.sockets.all).toHaveLength(2)
    // Live or stopped for a reason: nothing to do.
    await t.goLive()
    t.rtm.resumeOnline()
    expect(t.sockets.all).toHaveLength(2)
  })

  it('request() works only while live', async () => {
    const t = setup()
    t.rtm.start()
    await expect(t.rtm.request('mark_events_as_seen', {})).rejects.toMatchObject({
      kind: 'network',
    })
    await t.goLive()
    const seen = t.rtm.request('mark_events_as_seen', { chat_id: 'C', seen_up_to: 'x' })
    t.sockets.latest.answer('mark_events_as_seen', {})
    await expect(seen).resolves.toEqual({})
  })
})
