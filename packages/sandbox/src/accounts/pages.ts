// The accounts pages a person sees: landing, sign-in (one button per persona), Choose an
// organization (one button per organization), consent (Allow / Deny), access denied, and the
// error pages behind `/ooops` and `/?identity_exception`.
import type { Organization, Person } from '../seed/identity'
import type { AuthorizeRequest } from './authorize-request'
import { escapeHtml, renderPage, scriptJson } from './html'
import { scopeMeaning } from './scopes'

export function landingPage(): Response {
  return renderPage({
    title: 'Accounts',
    frameAncestors: "'none'",
    body: `<h1>LiveChat accounts (sandbox)</h1>
<p>This server stands in for <code>accounts.livechat.com</code> and <code>api.livechatinc.com</code>.
Apps start sign-in here with an authorize request such as
<code>/?response_type=token&amp;client_id=…&amp;redirect_uri=…</code>.</p>
<p><a href="/sandbox">Open the sandbox control page</a></p>`,
  })
}

/** In a button flow, UI pages must never show inside an iframe: the guard posts and hides. */
function framedGuard(request: AuthorizeRequest): string {
  if (!request.buttonFlow) return ''
  const message = {
    state: request.state ?? undefined,
    error: { identity_exception: 'unauthorized' },
  }
  return `if (window.parent !== window) {
  document.documentElement.className = 'framed';
  window.parent.postMessage(${scriptJson(message)}, ${scriptJson(request.redirectOrigin)});
}`
}

/** Button flows may be framed by the app itself (the iframe flow); redirect-flow UI never. */
function uiFrameAncestors(request: AuthorizeRequest): string {
  return request.buttonFlow ? request.redirectOrigin : "'none'"
}

export function signInPage(request: AuthorizeRequest, personas: readonly Person[]): Response {
  const email = request.email?.toLowerCase()
  const suggested = email ? personas.find((p) => p.email === email) : undefined
  const items = personas
    .map((person) => {
      const isSuggested = person === suggested
      const hintId = `persona-${person.accountId}`
      return `<li${isSuggested ? ' class="suggested"' : ''}>
<button type="submit" name="account_id" value="${escapeHtml(person.accountId)}" aria-describedby="${hintId}"${isSuggested ? ' autofocus data-suggested="true"' : ''}>${escapeHtml(person.name)}</button>
<span id="${hintId}" class="muted">${escapeHtml(roleLabel(person))} · ${escapeHtml(person.email)}${isSuggested ? ' · suggested by the app' : ''}</span>
</li>`
    })
    .join('\n')
  const unknownHint =
    request.email && !suggested
      ? `<p class="muted">No sandbox account uses <code>${escapeHtml(request.email)}</code>; pick one below.</p>`
      : ''
  return renderPage({
    title: 'Sign in',
    frameAncestors: uiFrameAncestors(request),
    formTargets: [request.redirectOrigin],
    script: framedGuard(request),
    body: `<h1>Sign in</h1>
<p><strong>${escapeHtml(request.client.name)}</strong> wants you to sign in with LiveChat.
Choose who you are:</p>
${unknownHint}
<form method="post" action="/signin">
<input type="hidden" name="authorize_query" value="${escapeHtml(request.query)}">
<ul class="personas">
${items}
</ul>
</form>`,
  })
}

/**
 * An account of several organizations picks the one the app's token will be for, as the Help
 * Center describes LiveChat's login ("choose if you want to access your production environment
 * (organization A) or your test environment (organization B)").
 */
export function organizationPage(
  request: AuthorizeRequest,
  person: Person,
  organizations: readonly Organization[],
  csrf: string,
): Response {
  const items = organizations
    .map(
      (organization) => `<li>
<button type="submit" name="organization_id" value="${escapeHtml(organization.id)}">${escapeHtml(organization.name)}</button>
<span class="muted">License ${escapeHtml(organization.licenseId)}</span>
</li>`,
    )
    .join('\n')
  return renderPage({
    title: 'Choose an organization',
    frameAncestors: uiFrameAncestors(request),
    formTargets: [request.redirectOrigin],
    script: framedGuard(request),
    body: `<h1>Choose an organization</h1>
<p>Signed in as <strong>${escapeHtml(person.name)}</strong> (${escapeHtml(person.email)}), a member of
${organizations.length} organizations. Which one should <strong>${escapeHtml(request.client.name)}</strong> work in?
<a href="/signin?${escapeHtml(request.query)}">Use another account</a></p>
<form method="post" action="/organization">
<input type="hidden" name="authorize_query" value="${escapeHtml(request.query)}">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<ul class="personas">
${items}
</ul>
</form>`,
  })
}

/**
 * @param organization where the token will be, named on the page when the account has several
 * (null otherwise), and carried to the Allow / Deny click.
 */
export function consentPage(
  request: AuthorizeRequest,
  person: Person,
  csrf: string,
  organization: { id: string; name: string | null },
): Response {
  const scopes = request.scopes
    .map(
      (scope) => `<li><code>${escapeHtml(scope)}</code> — ${escapeHtml(scopeMeaning(scope))}</li>`,
    )
    .join('\n')
  return renderPage({
    title: 'Allow access',
    frameAncestors: uiFrameAncestors(request),
    formTargets: [request.redirectOrigin],
    script: framedGuard(request),
    body: `<h1>Allow ${escapeHtml(request.client.name)} to access your account?</h1>
<p>Signed in as <strong>${escapeHtml(person.name)}</strong> (${escapeHtml(person.email)})${organization.name ? `, in <strong>${escapeHtml(organization.name)}</strong>` : ''}.
<a href="/signin?${escapeHtml(request.query)}">Use another account</a></p>
<p>The app asks for:</p>
<ul class="scopes">
${scopes}
</ul>
<form method="post" action="/consent">
<input type="hidden" name="authorize_query" value="${escapeHtml(request.query)}">
<input type="hidden" name="organization_id" value="${escapeHtml(organization.id)}">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<div class="actions">
<button type="submit" name="decision" value="allow" class="primary">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>`,
  })
}

/** Refused consent in a redirect flow: no redirect back to the app (docs/ACCOUNTS.md). */
export function deniedPage(clientName: string): Response {
  return renderPage({
    title: 'Access denied',
    frameAncestors: "'none'",
    body: `<h1>Access denied</h1>
<p class="error">You did not allow <strong>${escapeHtml(clientName)}</strong> to access your LiveChat account.
The app was not told and received nothing.</p>
<p class="muted">You can close this window, or go back to the app and start signing in again.</p>`,
  })
}

const OAUTH_EXPLANATIONS: Record<string, string> = {
  invalid_request:
    'The request is missing a parameter, repeats one, or does not fit this app (for example a response type the app may not use, or a PKCE challenge that is missing or malformed).',
  unauthorized_client:
    'The app is not allowed to make this request: its client id is wrong or unknown, or it is not configured for this redirect.',
  access_denied:
    'Access was denied: this app belongs to another organization, your account is not a member of the organization the app asked for, or the request was refused.',
  unsupported_response_type: 'The response type is not one of `token` or `code`.',
  invalid_scope:
    'The app asked for permissions your account cannot grant, or for scopes it is not configured for.',
  server_error: 'The server hit an unexpected problem.',
}

const DETAIL_EXPLANATIONS: Record<string, string> = {
  client_id_not_found: 'No app is registered with this client id.',
  redirect_uri_not_set: 'The app has no redirect URI configured.',
  invalid_redirect_uri: 'The redirect URI is not one of the app’s allowed redirect URIs.',
  too_many_redirects:
    'The app sent you here too many times in a short period (more than 3 times in 30 seconds), which usually means a sign-in loop.',
}

/** `/ooops?oauth_exception=…&exception_details=…`: authorization errors land here, never at the app. */
export function ooopsPage(exception: string | null, details: string | null): Response {
  const code = exception ?? 'unknown'
  const detailLine = details
    ? `<p>Details: <code>${escapeHtml(details)}</code>. ${escapeHtml(DETAIL_EXPLANATIONS[details] ?? '')}</p>`
    : ''
  return renderPage({
    title: 'Authorization error',
    frameAncestors: "'none'",
    status: 400,
    body: `<h1>The app could not be authorized</h1>
<div class="error">
<p>Error: <code>${escapeHtml(code)}</code>. ${escapeHtml(OAUTH_EXPLANATIONS[code] ?? 'An authorization error occurred.')}</p>
${detailLine}
</div>
<p class="muted">You were not sent back to the app. If you develop it, check its client id, redirect URI and requested scopes.</p>`,
  })
}

const IDENTITY_EXPLANATIONS: Record<string, string> = {
  unauthorized: 'We could not confirm who you are. Sign in again from the app.',
  identity_lost:
    'You were signed out (for example from another tab or app) before finishing. Start again from the app.',
  invalid_request: 'The sign-in form was malformed or expired. Start again from the app.',
}

/** `/?identity_exception=…`: authentication errors land on the login page with an explanation. */
export function identityErrorPage(exception: string): Response {
  return renderPage({
    title: 'Sign-in problem',
    frameAncestors: "'none'",
    status: 400,
    body: `<h1>Sign-in problem</h1>
<p class="error">Error: <code>${escapeHtml(exception)}</code>. ${escapeHtml(IDENTITY_EXPLANATIONS[exception] ?? 'Sign-in failed.')}</p>`,
  })
}

function roleLabel(person: Person): string {
  if (person.role === 'owner') return 'Owner'
  if (person.role === 'administrator') return 'Administrator'
  return 'Agent'
}
