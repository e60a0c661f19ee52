// The sandbox's RTM server, transport-agnostic: it holds every connection, runs their requests
// (pending limit, sandbox latency, request timeout), fans the event bus out as pushes (docs/RTM.md),
// ends sockets whose credential died (U16/U17) and answers the control API. The `ws` server
// and the MSW adapter only move text in and out (RtmSocket).
import { credentialStatus } from '../credentials/resolve-credential'
import type { DomainPush } from '../events/sandbox-events'
import type { SandboxState } from '../state'
import { admitUpgrade, type Admission } from './admission'
import { RtmConnection, type ConnectionHost } from './connection'
import type { ConnectionFilter, HubServices } from './hub-services'
import type { DisconnectReason } from './disconnect-reasons'
import { dispatch } from './dispatch'
import { errorFrame, parseFrame, type RequestFrame } from './frames'
import { receives } from './recipients'
import type { RtmSocket } from './rtm-socket'
import { rfc3339Micro } from '../seed/ids'

/** Which sockets a control request means: by agent email, by credential, or all. */

export class RtmHub implements ConnectionHost, HubServices {
  private readonly connections = new Map<string, RtmConnection>()
  /** While a request runs: frames held back so its response goes first (U11). */
  private held: Map<RtmConnection, string[]> | null = null
  private readonly unsubscribe: () => void

  constructor(readonly state: SandboxState) {
    const onPush = (push: DomainPush) => this.fanOut(push)
    const onReset = () => this.closeAll()
    const onCredentials = () => this.recheckCredentials()
    state.events.on('push', onPush)
    state.events.on('reset', onReset)
    state.events.on('credentials', onCredentials)
    this.unsubscribe = () => {
      state.events.off('push', onPush)
      state.events.off('reset', onReset)
      state.events.off('credentials', onCredentials)
    }
  }

  admit(url: URL): Admission {
    return admitUpgrade(url, this.state.options)
  }

  /** A socket whose upgrade was admitted. */
  accept(socket: RtmSocket, organizationId: string | null): RtmConnection {
    const connection = new RtmConnection(this, socket, organizationId)
    this.connections.set(connection.id, connection)
    return connection
  }

  list(): RtmConnection[] {
    return [...this.connections.values()]
  }

  /** Logged-in connections of one agent, oldest first. */
  sessionsOf(email: string, except?: RtmConnection): RtmConnection[] {
    return this.list()
      .filter(
        (c) => c !== except && c.state === 'authenticated' && c.caller?.person.email === email,
      )
      .sort((a, b) => a.since - b.since)
  }

  transmit(connection: RtmConnection, text: string): void {
    if (this.held) {
      const queue = this.held.get(connection) ?? []
      queue.push(text)
      this.held.set(connection, queue)
      return
    }
    connection.send(text)
  }

  flush(connection: RtmConnection): void {
    const queue = this.held?.get(connection)
    if (!queue) return
    this.held?.delete(connection)
    for (const text of queue) connection.send(text)
  }

  onClosed(connection: RtmConnection): void {
    this.connections.delete(connection.id)
  }

  onText(connection: RtmConnection, text: string | null): void {
    const strict = this.state.options.rtmStrictFrames
    // U21: malformed JSON and binary frames are ignored, or close the socket when strict.
    if (text === null) {
      if (strict) connection.close(1003, 'binary frames are not supported')
      return
    }
    const parsed = parseFrame(text)
    if (parsed.kind === 'malformed') {
      if (strict) connection.close(1007, 'not a JSON object')
      return
    }
    if (parsed.kind === 'invalid') {
      connection.send(errorFrame(parsed.requestId, parsed.action, 'validation', parsed.message))
      return
    }
    this.enqueue(connection, parsed.frame)
  }

  /** U9: at most `rtmPendingRequestsLimit` unanswered requests; the sandbox latency applies. */
  private enqueue(connection: RtmConnection, frame: RequestFrame): void {
    const { options, latencyMs } = this.state
    if (connection.pending >= options.rtmPendingRequestsLimit) {
      connection.send(
        errorFrame(
          frame.requestId,
          frame.action,
          'pending_requests_limit_reached',
          'Requests limit reached',
        ),
      )
      return
    }
    if (latencyMs <= 0) {
      this.run(connection, frame)
      return
    }
    connection.pending += 1
    if (latencyMs >= options.rtmRequestTimeoutMs) {
      connection.schedule(options.rtmRequestTimeoutMs, () => {
        connection.pending -= 1
        connection.send(
          errorFrame(frame.requestId, frame.action, 'request_timeout', 'Request timed out'),
        )
      })
      return
    }
    connection.schedule(latencyMs, () => {
      connection.pending -= 1
      this.run(connection, frame)
    })
  }

  /** Runs one request: its response, then what it pushed (or the other way round, U11). */
  private run(connection: RtmConnection, frame: RequestFrame): void {
    if (!connection.live) return
    const outer = this.held
    const held = new Map<RtmConnection, string[]>()
    this.held = held
    let response: string | null
    try {
      response = dispatch(this, connection, frame)
    } finally {
      this.held = outer
    }
    const flushHeld = () => {
      for (const [target, queue] of held) for (const text of queue) this.transmit(target, text)
    }
    if (this.state.options.pushBeforeResponse) flushHeld()
    if (response !== null) connection.send(response)
    if (!this.state.options.pushBeforeResponse) flushHeld()
  }

  /** One bus event to every logged-in connection that should see it (docs/RTM.md), filtered by login.pushes. */
  private fanOut(push: DomainPush): void {
    for (const connection of this.connections.values()) {
      if (connection.state !== 'authenticated' || !connection.caller) continue
      if (connection.pushFilter && !connection.pushFilter.has(push.action)) continue
      if (!receives(this.state, connection.caller, push)) continue
      const mine = push.requester?.connectionId === connection.id
      connection.push(
        push.action,
        push.payload(connection.caller.person),
        mine ? push.requester?.requestId : undefined,
      )
    }
  }

  /** U16/U17: sockets whose token or PAT was revoked or expired end with the matching reason. */
  recheckCredentials(): void {
    for (const connection of this.list()) {
      if (connection.state !== 'authenticated' || !connection.caller) continue
      const status = credentialStatus(this.state, connection.caller)
      if (status === 'revoked') connection.disconnect('access_token_revoked')
      else if (status === 'expired') connection.disconnect('access_token_expired')
      else connection.armExpiry()
    }
  }

  select(filter: ConnectionFilter): RtmConnection[] {
    return this.list().filter((c) => {
      if (!c.live) return false
      if (filter.loggedInOnly && c.state !== 'authenticated') return false
      if (filter.email !== undefined && c.caller?.person.email !== filter.email) return false
      if (filter.organizationId !== undefined && c.caller?.organizationId !== filter.organizationId)
        return false
      if (filter.credentialId !== undefined && c.caller?.credentialId !== filter.credentialId)
        return false
      return true
    })
  }

  disconnect(
    filter: ConnectionFilter,
    reason: DisconnectReason,
    data?: Record<string, unknown>,
  ): number {
    const targets = this.select(filter)
    for (const connection of targets) connection.disconnect(reason, data)
    return targets.length
  }

  drop(filter: ConnectionFilter): number {
    const targets = this.select(filter)
    for (const connection of targets) connection.drop()
    return targets.length
  }

  /**
   * POST /sandbox/reset: every socket gets `agent_disconnected {reason:
   * "agent_disconnected_by_server"}` (the world it knew is gone, and so are its tokens; the
   * documented advice is not to reconnect) and is closed at once.
   */
  closeAll(): void {
    for (const connection of this.list()) {
      connection.push('agent_disconnected', { reason: 'agent_disconnected_by_server' })
      connection.close(this.state.options.rtmDisconnectCloseCode, 'agent_disconnected_by_server')
    }
  }

  /** Stops listening to the bus and closes every socket (the server is going away). */
  dispose(): void {
    this.unsubscribe()
    for (const connection of this.list()) connection.close(1001, 'server shutting down')
  }

  /** GET /sandbox/rtm/connections. */
  describe() {
    return this.list().map((c) => ({
      id: c.id,
      account_id: c.caller?.accountId ?? null,
      email: c.caller?.person.email ?? null,
      // The organization the socket is logged in to, or the one its URL named before login.
      organization_id: c.caller?.organizationId ?? c.organizationId,
      logged_in: c.state === 'authenticated',
      since: rfc3339Micro(c.since),
      pushes_sent: c.pushesSent,
      credential: c.caller?.kind ?? null,
    }))
  }
}
