// What happens once the account is known (docs/ACCOUNTS.md, "Authorize, step by step", steps
// 3–4): the redirect limit, which organization the token is for, the role checks in it, whether
// to ask for consent, and minting the token or code.
import type { Person } from '../seed/identity'
import { roleCanHold } from '../seed/scope-roles'
import type { AccessTokenRecord, AccountsSession, CodeRecord } from '../tokens/records'
import type { SandboxState } from '../state'
import type { AuthorizeFailure, AuthorizeRequest, AuthorizeError } from './authorize-request'

export type Decision =
  { kind: 'failure'; failure: AuthorizeFailure } | { kind: 'consent' } | { kind: 'deliver' }

/** Which organization the token will be for, or the page that asks (docs/ACCOUNTS.md). */
export type OrganizationChoice =
  | { kind: 'organization'; id: string }
  | { kind: 'ask' }
  | { kind: 'failure'; failure: AuthorizeFailure }

export function consentKey(clientId: string, accountId: string): string {
  return `${clientId} ${accountId}`
}

export function failureFor(request: AuthorizeRequest, error: AuthorizeError): AuthorizeFailure {
  return {
    error,
    state: request.state,
    buttonFlow: request.buttonFlow,
    redirectOrigin: request.redirectOrigin,
  }
}

/**
 * Counts one authorize hit for (client, account) and says whether it is over the limit:
 * "3 redirects per 30 s per client per user account" (docs/ACCOUNTS.md). Hits over the limit are kept,
 * so a client stuck in a loop stays refused until it calms down.
 */
export function overRedirectLimit(
  state: SandboxState,
  clientId: string,
  accountId: string,
): boolean {
  const key = consentKey(clientId, accountId)
  const now = state.now()
  const windowStart = now - state.options.redirectWindowSeconds * 1000
  const hits = (state.authorizeHits.get(key) ?? []).filter((at) => at > windowStart)
  hits.push(now)
  state.authorizeHits.set(key, hits)
  return hits.length > state.options.redirectLimit
}

/** The redirect limit's refusal for this hit, or null (docs/ACCOUNTS.md, step 3). */
export function redirectLimitFailure(
  state: SandboxState,
  request: AuthorizeRequest,
  accountId: string,
): AuthorizeFailure | null {
  if (!overRedirectLimit(state, request.client.id, accountId)) return null
  return failureFor(request, {
    oauth_exception: state.options.tooManyRedirectsException,
    exception_details: 'too_many_redirects',
  })
}

/**
 * The organization of the token (docs/ACCOUNTS.md, "Organizations"): `organization_id` when the
 * account is a member of it (O3 for one it is not); else its only organization; else, by O1, the
 * one the accounts session is in, the default one, or the Choose an organization page.
 */
export function chooseOrganization(
  state: SandboxState,
  request: AuthorizeRequest,
  session: AccountsSession,
): OrganizationChoice {
  const memberships = state.directory.organizationsOf(session.accountId)
  const isMember = (id: string | null) => memberships.some((o) => o.id === id)
  if (request.organizationId !== null) {
    if (isMember(request.organizationId))
      return { kind: 'organization', id: request.organizationId }
    if (state.options.foreignOrganizationId === 'access_denied')
      return { kind: 'failure', failure: failureFor(request, { oauth_exception: 'access_denied' }) }
  }
  const only = memberships.length === 1 ? memberships[0] : undefined
  if (only) return { kind: 'organization', id: only.id }
  const mode = state.options.organizationWithoutId
  if (mode === 'default' && memberships[0]) return { kind: 'organization', id: memberships[0].id }
  if (mode === 'session' && isMember(session.organizationId))
    return { kind: 'organization', id: session.organizationId as string }
  return { kind: 'ask' }
}

/** The checks once the organization is known: the app's license, the role's scopes, consent. */
export function decide(
  state: SandboxState,
  request: AuthorizeRequest,
  person: Person,
  organizationId: string,
): Decision {
  const fail = (error: AuthorizeError): Decision => ({
    kind: 'failure',
    failure: failureFor(request, error),
  })
  // A private app of another license is refused with access_denied.
  if (request.client.private && request.client.organizationId !== organizationId) {
    return fail({ oauth_exception: 'access_denied' })
  }
  // A normal agent asking for administrator scopes gets invalid_scope, not a reduced grant (docs/ACCOUNTS.md).
  if (request.scopes.some((scope) => !roleCanHold(person.role, scope))) {
    return fail({ oauth_exception: 'invalid_scope' })
  }
  return needsConsent(state, request, person, organizationId)
    ? { kind: 'consent' }
    : { kind: 'deliver' }
}

function needsConsent(
  state: SandboxState,
  request: AuthorizeRequest,
  person: Person,
  organizationId: string,
): boolean {
  if (request.prompt === 'consent') return true
  // Private apps skip consent for agents of their own license (docs/ACCOUNTS.md).
  if (request.client.private && request.client.organizationId === organizationId) return false
  const granted = state.consents.get(consentKey(request.client.id, person.accountId))
  return !granted || request.scopes.some((scope) => !granted.has(scope))
}

export function rememberConsent(
  state: SandboxState,
  request: AuthorizeRequest,
  person: Person,
): void {
  const key = consentKey(request.client.id, person.accountId)
  const granted = state.consents.get(key) ?? new Set<string>()
  for (const scope of request.scopes) granted.add(scope)
  state.consents.set(key, granted)
}

export type Delivery =
  { kind: 'token'; record: AccessTokenRecord } | { kind: 'code'; record: CodeRecord }

/**
 * Issues the token or code for the organization, and moves the accounts session there (unless
 * the request named it and O2 says that does not move the session).
 */
export function mint(
  state: SandboxState,
  request: AuthorizeRequest,
  person: Person,
  session: AccountsSession,
  organizationId: string,
): Delivery {
  if (request.organizationId === null || state.options.organizationIdMovesSession)
    session.organizationId = organizationId
  const sessionId = session.id
  if (request.responseType === 'token') {
    const record = state.tokens.issueAccessToken({
      accountId: person.accountId,
      clientId: request.client.id,
      organizationId,
      scopes: request.scopes,
      grant: 'implicit',
      sessionId,
      withRefreshToken: false,
    })
    return { kind: 'token', record }
  }
  const record: CodeRecord = {
    code: state.tokens.newPrefixed(),
    accountId: person.accountId,
    clientId: request.client.id,
    organizationId,
    scopes: [...request.scopes],
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: request.codeChallengeMethod,
    sessionId,
    expiresAt: state.now() + state.options.codeLifetime * 1000,
    used: false,
  }
  state.tokens.codes.set(record.code, record)
  return { kind: 'code', record }
}
