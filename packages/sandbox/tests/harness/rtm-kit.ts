// RTM conformance harness: a real sandbox server (HTTP + the `ws` RTM endpoint, started with
// startSandbox()) on an ephemeral loopback port, and a real WebSocket client (`ws`) that records every frame, so
// tests speak the wire protocol exactly as an app does. Never a fixed port.
import WebSocket from 'ws'
import type { Sandbox } from '../../src/app'
import { startSandbox } from '../../src/start-sandbox'
import { AGENT_SCOPES } from '../../src/seed/identity'
import type { SandboxOptions } from '../../src/options/sandbox-options'
import { mintToken } from './api-kit'

export const RTM_PATH = '/v3.6/agent/rtm/ws'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Frame = Record<string, any>

export interface Closed {
  code: number
  reason: string
}

export class RtmClient {
  readonly frames: Frame[] = []
  readonly closed: Promise<Closed>
  private waiters: { test: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = []
  private sequence = 0

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame
      this.frames.push(frame)
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(frame)) return true
        w.resolve(frame)
        return false
      })
    })
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    )
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  send(frame: Frame | string): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame))
  }

  /** The next (or an already received) frame matching `test`. */
  waitFor(test: (f: Frame) => boolean, timeoutMs = 3000, label = 'frame'): Promise<Frame> {
    const seen = this.frames.find(test)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${label}`)), timeoutMs)
      this.waiters.push({
        test,
        resolve: (f) => {
          clearTimeout(timer)
          resolve(f)
        },
      })
    })
  }

  /** Sends a request and waits for its response (matched by request_id). */
  request(action: string, payload?: unknown, extra: Frame = {}): Promise<Frame> {
    const requestId = `r${++this.sequence}`
    this.send({
      request_id: requestId,
      action,
      ...(payload === undefined ? {} : { payload }),
      ...extra,
    })
    return this.waitFor(
      (f) => f.type === 'response' && f.request_id === requestId,
      3000,
      `response to ${action}`,
    )
  }

  /** Resolves once everything the server sent before now has arrived (a ping round trip). */
  async sync(): Promise<void> {
    await this.request('ping')
  }

  pushes(action?: string): Frame[] {
    return this.frames.filter(
      (f) => f.type === 'push' && (action === undefined || f.action === action),
    )
  }

  push(action: string, test: (f: Frame) => boolean = () => true, timeoutMs = 3000): Promise<Frame> {
    return this.waitFor(
      (f) => f.type === 'push' && f.action === action && test(f),
      timeoutMs,
      action,
    )
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING)
      this.ws.close()
  }
}

export class RtmServer {
  private clients: RtmClient[] = []

  private constructor(
    readonly sandbox: Sandbox,
    readonly origin: string,
    private readonly stop: () => Promise<void>,
  ) {}

  /** A sandbox of its own through the package's startSandbox(), on a free loopback port. */
  static async start(options: Partial<SandboxOptions> = {}): Promise<RtmServer> {
    const running = await startSandbox({ options })
    return new RtmServer(running.sandbox, `http://127.0.0.1:${running.port}`, running.stop)
  }

  get wsOrigin(): string {
    return this.origin.replace(/^http/, 'ws')
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.close()
    await this.stop()
  }

  /** A live OAuth token minted straight into the state, as a sign-in would; `region` re-prefixes it. */
  token(email: string, scopes: readonly string[] = AGENT_SCOPES, region?: string): string {
    const { state } = this.sandbox
    const record = mintToken(state, email, scopes)
    if (region) {
      state.tokens.accessTokens.delete(record.token)
      record.token = `${region}:${record.token.slice(record.token.indexOf(':') + 1)}`
      state.tokens.accessTokens.set(record.token, record)
    }
    return record.token
  }

  /** Opens a socket (query string appended to the RTM path) and waits for it to be open. */
  async connect(query = '', path = RTM_PATH): Promise<RtmClient> {
    const ws = new WebSocket(`${this.wsOrigin}${path}${query}`)
    const client = new RtmClient(ws)
    this.clients.push(client)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    return client
  }

  /** Connects and logs in with `Bearer <token>` (or any `token` value given). */
  async login(
    emailOrToken: { email: string; scopes?: readonly string[] } | { token: string },
    payload: Frame = {},
  ): Promise<{ client: RtmClient; response: Frame }> {
    const token =
      'token' in emailOrToken
        ? emailOrToken.token
        : `Bearer ${this.token(emailOrToken.email, emailOrToken.scopes)}`
    const client = await this.connect()
    const response = await client.request('login', { token, ...payload })
    if (!response.success) throw new Error(`login failed: ${JSON.stringify(response.payload)}`)
    return { client, response }
  }

  /** POST a JSON body to the server (control API or Web API). */
  async post(
    path: string,
    body: unknown = {},
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Frame }> {
    const response = await fetch(`${this.origin}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, body: text ? (JSON.parse(text) as Frame) : {} }
  }

  /** An agent Web API call with a Bearer token. */
  web(token: string, method: string, body: unknown = {}) {
    return this.post(`/v3.6/agent/action/${method}`, body, { Authorization: `Bearer ${token}` })
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
