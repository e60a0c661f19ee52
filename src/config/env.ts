// Configuration is read once from the build-time env (VITE_ prefix), validated and frozen.
// A missing or malformed value is not a crash: it becomes a list of problems that the setup
// screen shows with what to set.

export type Flow = 'popup' | 'redirect' | 'implicit'
export type ResponseType = 'token' | 'code'

export const FLOWS: readonly Flow[] = ['popup', 'redirect', 'implicit']
export const RESPONSE_TYPES: readonly ResponseType[] = ['token', 'code']

/** The agent scope set (architecture.md): what the app asks for unless LIVECHAT_SCOPES says otherwise. */
export const DEFAULT_SCOPES: readonly string[] = [
  'accounts--my:ro',
  'sessions--my:rw',
  'agents--my:rw',
  'agents--all:ro',
  'groups--all:ro',
  'chats--access:rw',
  'chats.conversation--access:rw',
  'customers:ro',
  'tags--groups:ro',
]

export interface AppConfig {
  readonly clientId: string
  /** Origin of the accounts server, exactly as the SDK compares it with `event.origin`. */
  readonly accountsUrl: string
  /** Origin of the agent APIs. */
  readonly apiUrl: string
  readonly scopes: readonly string[]
  /** When set, a token of any other organization (license) is refused. */
  readonly organizationId: string | null
  readonly flow: Flow
  readonly responseType: ResponseType
  /** Where the accounts server sends the agent back: this app's origin root. */
  readonly redirectUri: string
  /**
   * The Agent Chat RTM endpoint, without its query (`organization_id` is added per session):
   * `ws(s)://<API host>/v3.6/agent/rtm/ws` unless VITE_LIVECHAT_RTM_URL says otherwise.
   */
  readonly rtmUrl: string
  /**
   * Whether the sign-in page offers a personal access token (development and personal use).
   * On by default in development and sandbox builds, off in production builds unless
   * VITE_LIVECHAT_ALLOW_PAT=true (a private app for one's own use).
   */
  readonly allowPat: boolean
}

/**
 * What is wrong with one setting, as a code: the words (config-problem-text.ts) load with the
 * setup page, so a working app never downloads them.
 */
export type ConfigIssue =
  | 'missing'
  | 'not-client-id'
  | 'not-url'
  | 'not-http'
  | 'not-origin'
  | 'not-one-of'
  | 'not-rtm-url'
  | 'not-boolean'
  | 'not-scopes'
  | 'no-scopes'

export interface ConfigProblem {
  /** The env variable to set, e.g. `VITE_LIVECHAT_CLIENT_ID`. */
  variable: string
  issue: ConfigIssue
  /** What was set (never a secret: none of these settings is one). */
  value?: string
  /** A value that would work, or the allowed ones. */
  example?: string
}

export type ConfigResult =
  { ok: true; config: AppConfig } | { ok: false; problems: ConfigProblem[] }

export type Env = Record<string, string | boolean | undefined>

const SCOPE_PATTERN = /^[a-z_]+(\.[a-z_]+)*(-[a-z_]+)?(--(my|access|groups|all))?:(ro|rw|rc|own)$/

function text(env: Env, name: string): string | undefined {
  const value = env[name]
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

/**
 * An origin such as `https://accounts.livechat.com`: no path, query or trailing slash, because
 * the SDK compares `server_url` with the message origin as plain strings (protocol §4.2).
 */
function readOrigin(env: Env, name: string, fallback: string, problems: ConfigProblem[]): string {
  const raw = text(env, `VITE_${name}`) ?? fallback
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    problems.push({ variable: `VITE_${name}`, issue: 'not-url', value: raw, example: fallback })
    return fallback
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push({ variable: `VITE_${name}`, issue: 'not-http', value: raw })
  } else if (
    raw.replace(/\/$/, '') !== url.origin ||
    url.pathname !== '/' ||
    url.search ||
    url.hash
  ) {
    problems.push({
      variable: `VITE_${name}`,
      issue: 'not-origin',
      value: raw,
      example: url.origin,
    })
  }
  return url.origin
}

function oneOf<T extends string>(
  env: Env,
  name: string,
  allowed: readonly T[],
  fallback: T,
  problems: ConfigProblem[],
): T {
  const raw = text(env, `VITE_${name}`)
  if (raw === undefined) return fallback
  if ((allowed as readonly string[]).includes(raw)) return raw as T
  problems.push({
    variable: `VITE_${name}`,
    issue: 'not-one-of',
    value: raw,
    example: allowed.join(', '),
  })
  return fallback
}

/** The RTM WebSocket URL: `ws://` or `wss://`, no query or fragment (the app adds its own). */
function readRtmUrl(env: Env, apiUrl: string, problems: ConfigProblem[]): string {
  const derived = `${apiUrl.replace(/^http/, 'ws')}/v3.6/agent/rtm/ws`
  const raw = text(env, 'VITE_LIVECHAT_RTM_URL')
  if (raw === undefined) return derived
  let url: URL | null = null
  try {
    url = new URL(raw)
  } catch {
    url = null
  }
  if (!url || (url.protocol !== 'wss:' && url.protocol !== 'ws:') || url.search || url.hash) {
    problems.push({
      variable: 'VITE_LIVECHAT_RTM_URL',
      issue: 'not-rtm-url',
      value: raw,
      example: derived,
    })
    return derived
  }
  return `${url.origin}${url.pathname}`.replace(/\/$/, '')
}

function readAllowPat(env: Env, problems: ConfigProblem[]): boolean {
  const raw = text(env, 'VITE_LIVECHAT_ALLOW_PAT')
  if (raw === undefined) return env.DEV === true || env.MODE === 'sandbox'
  if (raw === 'true' || raw === 'false') return raw === 'true'
  problems.push({ variable: 'VITE_LIVECHAT_ALLOW_PAT', issue: 'not-boolean', value: raw })
  return false
}

export function readConfig(env: Env, appOrigin: string): ConfigResult {
  const problems: ConfigProblem[] = []

  const clientId = text(env, 'VITE_LIVECHAT_CLIENT_ID')
  if (clientId === undefined) {
    problems.push({ variable: 'VITE_LIVECHAT_CLIENT_ID', issue: 'missing' })
  } else if (!/^[0-9a-f]{32}$/i.test(clientId)) {
    problems.push({ variable: 'VITE_LIVECHAT_CLIENT_ID', issue: 'not-client-id', value: clientId })
  }

  const accountsUrl = readOrigin(
    env,
    'LIVECHAT_ACCOUNTS_URL',
    'https://accounts.livechat.com',
    problems,
  )
  const apiUrl = readOrigin(env, 'LIVECHAT_API_URL', 'https://api.livechatinc.com', problems)

  let scopes: string[] = [...DEFAULT_SCOPES]
  const rawScopes = text(env, 'VITE_LIVECHAT_SCOPES')
  if (rawScopes !== undefined) {
    scopes = [
      ...new Set(
        rawScopes
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ]
    const bad = scopes.filter((s) => !SCOPE_PATTERN.test(s))
    if (scopes.length === 0 || bad.length > 0) {
      problems.push(
        bad.length > 0
          ? { variable: 'VITE_LIVECHAT_SCOPES', issue: 'not-scopes', value: bad.join(', ') }
          : { variable: 'VITE_LIVECHAT_SCOPES', issue: 'no-scopes' },
      )
    }
  }

  const organizationId = text(env, 'VITE_LIVECHAT_ORGANIZATION_ID') ?? null
  const flow = oneOf(env, 'LIVECHAT_FLOW', FLOWS, 'popup', problems)
  const responseType = oneOf(env, 'LIVECHAT_RESPONSE_TYPE', RESPONSE_TYPES, 'token', problems)
  const rtmUrl = readRtmUrl(env, apiUrl, problems)
  const allowPat = readAllowPat(env, problems)

  if (problems.length > 0 || clientId === undefined) return { ok: false, problems }

  return {
    ok: true,
    config: Object.freeze({
      clientId: clientId.toLowerCase(),
      accountsUrl,
      apiUrl,
      scopes: Object.freeze(scopes),
      organizationId,
      flow,
      responseType,
      redirectUri: `${appOrigin}/`,
      rtmUrl,
      allowPat,
    }),
  }
}
