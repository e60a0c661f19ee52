// What the package needs to know about your LiveChat app, checked once when the client is created:
// a wrong value fails at once with what to set, instead of a sign-in that never answers (the SDK
// compares origins as plain strings, so `https://accounts.livechat.com/` silently breaks the popup).
import { AuthConfigError, type AuthConfigProblem } from './config-problems'

export type Flow = 'popup' | 'redirect' | 'implicit'
export type ResponseType = 'token' | 'code'

export const FLOWS: readonly Flow[] = ['popup', 'redirect', 'implicit']
export const RESPONSE_TYPES: readonly ResponseType[] = ['token', 'code']

/**
 * The scopes a normal agent can grant: what a sign-in asks for unless told otherwise. Asking for
 * none would ask for every scope of the app, and a normal agent then gets `invalid_scope`.
 */
export const DEFAULT_SCOPES: readonly string[] = Object.freeze([
  'accounts--my:ro',
  'sessions--my:rw',
  'agents--my:rw',
  'agents--all:ro',
  'groups--all:ro',
  'chats--access:rw',
  'chats.conversation--access:rw',
  'customers:ro',
  'tags--groups:ro',
])

export const DEFAULT_ACCOUNTS_URL = 'https://accounts.livechat.com'
export const DEFAULT_API_URL = 'https://api.livechatinc.com'

/** What you pass to `createAuthClient`; everything but `clientId` has a default. */
export interface AuthConfigInput {
  /** The Client Id of your app's Authorization block in the Developer Console (32 hex). */
  clientId: string
  /** The accounts server's origin. Default `https://accounts.livechat.com`. */
  accountsUrl?: string
  /** The agent APIs' origin. Default `https://api.livechatinc.com`. */
  apiUrl?: string
  /**
   * The Agent Chat RTM WebSocket for your app's own socket (the package opens none): no query.
   * Default `wss://<apiUrl host>/v3.6/agent/rtm/ws`.
   */
  rtmUrl?: string
  /** Where LiveChat sends the agent back: one of the app's redirect URIs. Default `<origin>/`. */
  redirectUri?: string
  /** Scopes to request. Default `DEFAULT_SCOPES`. */
  scopes?: readonly string[]
  /** Pins the app to one organization (license): tokens of any other are refused. */
  organizationId?: string | null
  /** What `signIn()` runs without a flow. Default `popup`. */
  flow?: Flow
  /** `token` (implicit) or `code` (+ PKCE) for the popup and redirect flows. Default `token`. */
  responseType?: ResponseType
  /** Whether `signInWithToken` (personal access tokens) is allowed. Default false. */
  allowPat?: boolean
}

export type AuthConfigCheck =
  { ok: true; config: AuthConfig } | { ok: false; problems: AuthConfigProblem[] }

/** The checked, normalized and frozen configuration. */
export interface AuthConfig {
  readonly clientId: string
  readonly accountsUrl: string
  readonly apiUrl: string
  readonly rtmUrl: string
  readonly redirectUri: string
  readonly scopes: readonly string[]
  readonly organizationId: string | null
  readonly flow: Flow
  readonly responseType: ResponseType
  readonly allowPat: boolean
}

const CLIENT_ID = /^[0-9a-f]{32}$/i
const SCOPE = /^[a-z_]+(\.[a-z_]+)*(-[a-z_]+)?(--(my|access|groups|all))?:(ro|rw|rc|own)$/

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/** An http(s) origin with no path, query or trailing slash (compared as a plain string). */
function readOrigin(
  field: 'accountsUrl' | 'apiUrl',
  value: unknown,
  fallback: string,
  problems: AuthConfigProblem[],
): string {
  const raw = text(value) ?? fallback
  const url = parseUrl(raw)
  if (!url) {
    problems.push({ field, issue: 'not-url', value: raw, example: fallback })
    return fallback
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push({ field, issue: 'not-http', value: raw })
  } else if (
    raw.replace(/\/$/, '') !== url.origin ||
    url.pathname !== '/' ||
    url.search ||
    url.hash
  ) {
    problems.push({ field, issue: 'not-origin', value: raw, example: url.origin })
  }
  return url.origin
}

function oneOf<T extends string>(
  field: 'flow' | 'responseType',
  value: unknown,
  allowed: readonly T[],
  fallback: T,
  problems: AuthConfigProblem[],
): T {
  if (value === undefined) return fallback
  if ((allowed as readonly unknown[]).includes(value)) return value as T
  problems.push({ field, issue: 'not-one-of', value: String(value), example: allowed.join(', ') })
  return fallback
}

function readRtmUrl(value: unknown, apiUrl: string, problems: AuthConfigProblem[]): string {
  const derived = `${apiUrl.replace(/^http/, 'ws')}/v3.6/agent/rtm/ws`
  const raw = text(value)
  if (raw === undefined) return derived
  const url = parseUrl(raw)
  if (!url || (url.protocol !== 'wss:' && url.protocol !== 'ws:') || url.search || url.hash) {
    problems.push({ field: 'rtmUrl', issue: 'not-rtm-url', value: raw, example: derived })
    return derived
  }
  return `${url.origin}${url.pathname}`.replace(/\/$/, '')
}

function readRedirectUri(value: unknown, problems: AuthConfigProblem[]): string {
  const fallback = typeof window === 'undefined' ? '' : `${window.location.origin}/`
  const raw = text(value) ?? fallback
  const url = parseUrl(raw)
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    problems.push({ field: 'redirectUri', issue: 'not-url', value: raw, example: fallback })
  }
  return raw
}

function readScopes(value: unknown, problems: AuthConfigProblem[]): readonly string[] {
  if (value === undefined) return DEFAULT_SCOPES
  const list = Array.isArray(value) ? (value as unknown[]) : [value]
  const scopes = [...new Set(list.map((scope) => (typeof scope === 'string' ? scope.trim() : '')))]
  const bad = scopes.filter((scope) => !SCOPE.test(scope))
  if (bad.length > 0) problems.push({ field: 'scopes', issue: 'not-scopes', value: bad.join(', ') })
  else if (scopes.length === 0) problems.push({ field: 'scopes', issue: 'no-scopes' })
  return Object.freeze(scopes)
}

/** Checks and normalizes a configuration; never throws. */
export function checkAuthConfig(input: AuthConfigInput): AuthConfigCheck {
  const problems: AuthConfigProblem[] = []
  const clientId = text(input.clientId)
  if (clientId === undefined) problems.push({ field: 'clientId', issue: 'missing' })
  else if (!CLIENT_ID.test(clientId))
    problems.push({ field: 'clientId', issue: 'not-client-id', value: clientId })

  const accountsUrl = readOrigin('accountsUrl', input.accountsUrl, DEFAULT_ACCOUNTS_URL, problems)
  const apiUrl = readOrigin('apiUrl', input.apiUrl, DEFAULT_API_URL, problems)
  const config: AuthConfig = {
    clientId: (clientId ?? '').toLowerCase(),
    accountsUrl,
    apiUrl,
    rtmUrl: readRtmUrl(input.rtmUrl, apiUrl, problems),
    redirectUri: readRedirectUri(input.redirectUri, problems),
    scopes: readScopes(input.scopes, problems),
    organizationId: text(input.organizationId) ?? null,
    flow: oneOf('flow', input.flow, FLOWS, 'popup', problems),
    responseType: oneOf('responseType', input.responseType, RESPONSE_TYPES, 'token', problems),
    allowPat: input.allowPat === true,
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config: Object.freeze(config) }
}

/** The checked configuration; throws AuthConfigError listing every problem. */
export function createAuthConfig(input: AuthConfigInput): AuthConfig {
  const checked = checkAuthConfig(input)
  if (!checked.ok) throw new AuthConfigError(checked.problems)
  return checked.config
}
