// What happens once the account is known (docs/ACCOUNTS.md, "Authorize, step by step", steps
// 3–4): the redirect limit, organization and role checks, whether to ask for
// consent, and minting the token or code.
import type { Person } from '../seed/identity'
import { roleCanHold } from '../seed/scope-roles'
import type { AccessTokenRecord, CodeRecord } from '../tokens/records'
import type { SandboxState } from '../state'
import type { AuthorizeFailure, AuthorizeRequest, AuthorizeError } from './authorize-request'

export type Decision =
  { kind: 'failure'; failure: AuthorizeFailure } | { kind: 'consent' } | { kind: 'deliver' }

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

/**
 * @param countHit false when continuing from the consent form: that click is part of the
 * authorize request already counted, not a new one.
 */
export function decide(
  state: SandboxState,
  request: AuthorizeRequest,
  person: Person,
  { countHit }: { countHit: boolean },
): Decision {
  const fail = (error: AuthorizeError): Decision => ({
    kind: 'failure',
    failure: failureFor(request, error),
  })
  if (countHit && overRedirectLimit(state, request.client.id, person.accountId)) {
    return fail({
      oauth_exception: state.options.tooManyRedirectsException,
      exception_details: 'too_many_redirects',
    })
  }
  const organizationId = state.directory.organization.id
  // Every sandbox person belongs to the one organization. A pinned other organization, or a
  // private app of another license, is refused with access_denied.
  if (request.organizationId !== null && request.organizationId !== organizationId) {
    return fail({ oauth_exception: 'access_denied' })
  }
  if (request.client.private && request.client.organizationId !== organizationId) {
    return fail({ oauth_exception: 'access_denied' })
  }
  // A normal agent asking for administrator scopes gets invalid_scope, not a reduced grant (docs/ACCOUNTS.md).
  if (request.scopes.some((scope) => !roleCanHold(person.role, scope))) {
    return fail({ oauth_exception: 'invalid_scope' })
  }
  return needsConsent(state, request, person) ? { kind: 'consent' } : { kind: 'deliver' }
}

function needsConsent(state: SandboxState, request: AuthorizeRequest, person: Person): boolean {
  if (request.prompt === 'consent') return true
  // Private apps skip consent for agents of their own license (docs/ACCOUNTS.md).
  if (request.client.private && request.client.organizationId === state.directory.organization.id)
    return false
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

export function mint(
  state: SandboxState,
  request: AuthorizeRequest,
  person: Person,
  sessionId: string,
): Delivery {
  const organizationId = state.directory.organization.id
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
