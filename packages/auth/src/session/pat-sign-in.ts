// Sign-in with a personal access token (docs/livechat-notes.md#personal-access-tokens): what was pasted becomes
// `Basic base64(<account id>:<PAT>)` and is checked with GET /v2/accounts/me — not /v2/info, which
// LiveChat documents for OAuth tokens only. The organization it acts for is asked of
// GET /v2/organizations/my ("the organization linked with the access token"): an account of
// several organizations has a default one, which need not be the token's. A PAT's scopes cannot
// be read back, so the session carries the ones the agent says it was created with; the API's own
// refusals correct them.
import type { AuthConfig } from '../config/auth-config'
import type { Credential } from '../protocol/credential'
import { AuthError } from '../errors/auth-error'
import { accountsFetch, field } from './accounts-fetch'
import type { PatSession } from './session'

/** What the form hands over: an Account ID and a PAT, or the console's ready Base64 value alone. */
export interface PatInput {
  accountId: string
  token: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
/** A PAT is opaque (its format is undocumented): anything printable without spaces, kept short. */
const PAT = /^[\x21-\x7e]{1,512}$/

/** Trimmed, with `%3A` read as `:` — a copy-paste slip LiveChat's troubleshooting page names. */
function tidy(value: string): string {
  return value.trim().replace(/%3a/gi, ':')
}

function encodeBase64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function decodeBase64(value: string): string | null {
  if (!BASE64.test(value)) return null
  try {
    const binary = atob(value)
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0))
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** `<uuid>:<pat>`, split at the first colon (RFC 7617: the user id has none). */
function splitPair(pair: string): { accountId: string; pat: string } | null {
  const colon = pair.indexOf(':')
  if (colon < 0) return null
  const accountId = pair.slice(0, colon)
  const pat = pair.slice(colon + 1)
  return UUID.test(accountId) && PAT.test(pat) ? { accountId: accountId.toLowerCase(), pat } : null
}

/**
 * The Basic credential for what was typed, and whose account it names. Throws AuthError
 * `pat_bearer` for a `Bearer …` paste (the commonest mistake) and `pat_malformed` for
 * anything that is not an Account ID (UUID) with a PAT, or their Base64.
 */
export function patCredential(input: PatInput): { credential: Credential; accountId: string } {
  let token = tidy(input.token)
  if (/^bearer\s/i.test(token)) throw new AuthError('pat_bearer')
  token = token.replace(/^basic\s+/i, '')
  const accountId = tidy(input.accountId)

  let pair: { accountId: string; pat: string } | null
  if (accountId !== '') {
    if (!UUID.test(accountId))
      throw new AuthError('pat_malformed', 'The Account ID is not a UUID.', { details: 'account' })
    pair = splitPair(`${accountId}:${token}`)
  } else {
    // The console's "Base64 encoded token", or the `<account id>:<PAT>` pair it encodes.
    pair = splitPair(decodeBase64(token) ?? '') ?? splitPair(token)
  }
  if (!pair)
    throw new AuthError('pat_malformed', undefined, { details: accountId ? 'token' : 'pair' })
  return {
    credential: Object.freeze({
      scheme: 'Basic',
      value: encodeBase64(`${pair.accountId}:${pair.pat}`),
    }),
    accountId: pair.accountId,
  }
}

/** The organization the credential acts for, or null when LiveChat does not say. */
async function tokenOrganization(
  config: AuthConfig,
  credential: Credential,
  signal?: AbortSignal,
): Promise<string | null> {
  const response = await accountsFetch(`${config.accountsUrl}/v2/organizations/my`, {
    method: 'GET',
    headers: { Authorization: `Basic ${credential.value}`, Accept: 'application/json' },
    signal,
  })
  return response.ok ? optionalString(response.body, 'organization_id') : null
}

function optionalString(body: unknown, key: string): string | null {
  const value = field(body, key)
  return typeof value === 'string' && value.trim() !== '' && value.length <= 256 ? value : null
}

/**
 * Checks the PAT with LiveChat and builds the session. Throws AuthError: pat_bearer,
 * pat_malformed, pat_rejected (401: wrong or revoked PAT, wrong Account ID), pat_missing_scope
 * (403), wrong_organization, network, server_error or malformed_response.
 */
export async function signInWithPat(
  config: AuthConfig,
  input: PatInput,
  declaredScopes: readonly string[],
  {
    signal,
    now = Date.now,
    onToken,
  }: { signal?: AbortSignal; now?: () => number; onToken?: (credential: Credential) => void } = {},
): Promise<PatSession> {
  const { credential, accountId } = patCredential(input)
  // The app may fetch its first data now, in parallel with the check (dropped if it fails).
  onToken?.(credential)
  // Both questions at once: a failed one only matters if the account check passes.
  const organization = tokenOrganization(config, credential, signal).catch(() => null)
  const response = await accountsFetch(`${config.accountsUrl}/v2/accounts/me`, {
    method: 'GET',
    headers: { Authorization: `Basic ${credential.value}`, Accept: 'application/json' },
    signal,
  })
  if (response.status === 401) throw new AuthError('pat_rejected', undefined, { code: '401' })
  if (response.status === 403) throw new AuthError('pat_missing_scope', undefined, { code: '403' })
  if (response.status === 429 || response.status >= 500 || !response.ok) {
    throw new AuthError('server_error', undefined, { code: String(response.status) })
  }
  const body = response.body
  const answered = optionalString(body, 'account_id')
  const organizationId = (await organization) ?? optionalString(body, 'default_organization_id')
  if (!answered || !organizationId) {
    throw new AuthError('malformed_response', 'LiveChat’s account information was incomplete.')
  }
  // The token must be the Account ID's own: LiveChat answering for someone else is refused.
  if (answered.toLowerCase() !== accountId)
    throw new AuthError('pat_rejected', undefined, { details: 'account' })
  if (config.organizationId !== null && organizationId !== config.organizationId) {
    throw new AuthError('wrong_organization')
  }
  return {
    kind: 'pat',
    flow: 'pat',
    credential,
    accountId: answered,
    organizationId,
    scopes: Object.freeze([...new Set(declaredScopes)]),
    obtainedAt: now(),
    expiresAt: null,
    name: optionalString(body, 'name'),
    email: optionalString(body, 'email'),
  }
}
