// In-process helpers for the agent API conformance tests: a fresh sandbox, tokens minted
// straight into its state, and a caller that POSTs JSON the way the app's client does.
import { createSandbox, type Sandbox } from '../../src/app'
import { ADMIN_SCOPE, AGENT_SCOPES } from '../../src/seed/identity'
import { CLIENT_ID } from '../../src/seed/clients'
import type { MintedPat } from '../../src/control-client/sandbox-control'
import type { ChatRecord } from '../../src/seed/world-records'
import type { AccessTokenRecord } from '../../src/tokens/records'
import type { SandboxOptions } from '../../src/options/sandbox-options'
import type { SandboxConfig } from '../../src/state'

export const OLIVIA = 'olivia@acme.test'
export const ADAM = 'adam@acme.test'
export const NINA = 'nina@acme.test'
export const SAM = 'sam@acme.test'
export const BEN = 'ben@acme.test'

/** The app's default request, and the supervisor view's (plus `chats--all:ro`). */
export const AGENT_SET: string[] = [...AGENT_SCOPES]
export const SUPERVISOR_SET: string[] = [...AGENT_SCOPES, ADMIN_SCOPE]

export interface ApiResult {
  status: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
  text: string
  headers: Headers
}

export interface CallOptions {
  api?: 'agent' | 'configuration'
  version?: string
  headers?: Record<string, string>
  /** Send this string as the body instead of JSON-encoding `body`. */
  raw?: string
  httpMethod?: string
}

export class ApiKit {
  readonly app: Sandbox['app']
  readonly state: Sandbox['state']

  constructor(options: Partial<SandboxOptions> = {}, config: SandboxConfig = {}) {
    const sandbox = createSandbox(options, config)
    this.app = sandbox.app
    this.state = sandbox.state
  }

  /** A live token for a person, minted as a sign-in would (default: the app's agent scopes). */
  token(email: string, scopes: readonly string[] = AGENT_SET): string {
    return mintToken(this.state, email, scopes).token
  }

  /** A PAT minted through the control API, as a developer would in the console. */
  async pat(
    email: string,
    scopes: readonly string[] = AGENT_SET,
    name = 'test',
  ): Promise<MintedPat> {
    const response = await this.app.request('/sandbox/pats', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ account: email, name, scopes }),
    })
    if (response.status !== 201) throw new Error(`POST /sandbox/pats: ${await response.text()}`)
    return (await response.json()) as MintedPat
  }

  /** An agent or configuration call with an explicit Authorization value (Basic, odd forms…). */
  callWith(
    authorization: string,
    method: string,
    body: unknown = {},
    options: CallOptions = {},
  ): Promise<ApiResult> {
    return this.call(null, method, body, {
      ...options,
      headers: { ...options.headers, Authorization: authorization },
    })
  }

  async call(
    token: string | null,
    method: string,
    body: unknown = {},
    options: CallOptions = {},
  ): Promise<ApiResult> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      ...options.headers,
    }
    if (token !== null) headers.Authorization = `Bearer ${token}`
    const response = await this.app.request(
      `/v${options.version ?? '3.6'}/${options.api ?? 'agent'}/action/${method}`,
      {
        method: options.httpMethod ?? 'POST',
        headers,
        body: options.httpMethod === 'GET' ? undefined : (options.raw ?? JSON.stringify(body)),
      },
    )
    const text = await response.text()
    let parsed: unknown = undefined
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined
    }
    return { status: response.status, body: parsed, text, headers: response.headers }
  }

  config(
    token: string | null,
    method: string,
    body: unknown = {},
    options: CallOptions = {},
  ): Promise<ApiResult> {
    return this.call(token, method, body, { ...options, api: 'configuration' })
  }

  /** Seed chats matching a predicate, in seed order. */
  chats(predicate: (chat: ChatRecord) => boolean): ChatRecord[] {
    return this.state.world.chats.filter(predicate)
  }

  chat(predicate: (chat: ChatRecord) => boolean): ChatRecord {
    const chat = this.state.world.chats.find(predicate)
    if (!chat) throw new Error('no such seed chat')
    return chat
  }
}

/** A live implicit-grant token of the app's client, straight into the state (no sign-in pages). */
export function mintToken(
  state: Sandbox['state'],
  email: string,
  scopes: readonly string[] = AGENT_SET,
  organizationId: string = state.directory.primary.id,
): AccessTokenRecord {
  const person = state.directory.personByEmail(email)
  if (!person) throw new Error(`no person ${email}`)
  return state.tokens.issueAccessToken({
    accountId: person.accountId,
    clientId: CLIENT_ID,
    organizationId,
    scopes: [...scopes],
    grant: 'implicit',
    sessionId: null,
    withRefreshToken: false,
  })
}

export const isActive = (chat: ChatRecord): boolean =>
  chat.threads[chat.threads.length - 1]?.active === true
export const inGroup = (group: number) => (chat: ChatRecord) =>
  chat.access.group_ids.includes(group)
export const hasPresentAgent = (email: string) => (chat: ChatRecord) =>
  chat.users.some((u) => u.id === email && u.present && u.visibility !== 'agents')
