// The control page's "Personal access tokens" section, like the Developer Console's page
// (docs/PAT.md): create (person, name, scopes as checkboxes), list, revoke. A new
// token's three values are shown once, in the answer to the create form.
import { AGENT_SCOPES } from '../../seed/identity'
import { SCOPE_ROLE } from '../../seed/scope-roles'
import type { SandboxState } from '../../state'
import { listPats } from '../pat-list'
import { esc, field, options } from './html'

export interface CreatedPat {
  person: string
  account_id: string
  name: string
  token: string
  base64: string
  scopes: string[]
}

function createdPanel(created: CreatedPat): string {
  return `<div class="created" aria-labelledby="pat-created-heading">
  <h3 id="pat-created-heading">New token “${esc(created.name)}” for ${esc(created.person)}</h3>
  <p class="hint">Copy these now: they are shown only once, as the Developer Console does.</p>
  <dl>
    <dt>Account ID</dt><dd><code>${esc(created.account_id)}</code></dd>
    <dt>Personal access token</dt><dd><code>${esc(created.token)}</code></dd>
    <dt>Base64 encoded token</dt><dd><code>${esc(created.base64)}</code></dd>
    <dt>Scopes</dt><dd>${esc(created.scopes.join(', '))}</dd>
  </dl></div>`
}

function scopeCheckboxes(): string {
  const preset = new Set<string>(AGENT_SCOPES)
  return Object.keys(SCOPE_ROLE)
    .map(
      (scope, i) =>
        `<span class="check"><input type="checkbox" name="scopes" value="${esc(scope)}" id="pat-scope-${i}"${preset.has(scope) ? ' checked' : ''}><label for="pat-scope-${i}"><code>${esc(scope)}</code></label></span>`,
    )
    .join('')
}

export function patsSection(state: SandboxState, created?: CreatedPat): string {
  const pats = listPats(state)
  const rows = pats
    .map(
      (pat) =>
        `<tr><td>${esc(pat.email)}</td><td>${esc(pat.name)}</td><td>${esc(pat.scopes.join(', '))}</td><td>${esc(pat.created_at)}</td><td>
        <form method="post" action="/sandbox/pats/revoke" class="inline"><input type="hidden" name="account" value="${esc(pat.account_id)}"><input type="hidden" name="name" value="${esc(pat.name)}">
        <button type="submit" class="secondary" aria-label="Revoke ${esc(pat.name)} (${esc(pat.email)})">Revoke</button></form></td></tr>`,
    )
    .join('')
  const table = pats.length
    ? `<table><caption>Personal access tokens</caption><thead><tr><th scope="col">Person</th><th scope="col">Name</th><th scope="col">Scopes</th><th scope="col">Created</th><th scope="col">Action</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No personal access tokens yet.</p>'
  const people = options(state.directory.personas().map((p) => [p.email, `${p.name} (${p.email})`]))
  return `<section aria-labelledby="pats-heading"><h2 id="pats-heading">Personal access tokens</h2>
  <p>Use one as <code>Authorization: Basic &lt;Base64 encoded token&gt;</code>, or <code>token: "Basic …"</code> in RTM <code>login</code>. See <code>docs/PAT.md</code> in the livechat-sandbox package.</p>
  ${created ? createdPanel(created) : ''}
  ${table}
  <h3 id="create-pat-heading">Create a token</h3>
  <form method="post" action="/sandbox/pats" aria-labelledby="create-pat-heading">
    ${field('pat-account', 'Token owner', `<select id="pat-account" name="account">${people}</select>`)}
    ${field('pat-name', 'Token name', '<input id="pat-name" name="name" required maxlength="100" aria-describedby="pat-name-hint">', 'A unique name for the token')}
    <fieldset><legend>Scopes</legend>${scopeCheckboxes()}</fieldset>
    <button type="submit">Create token</button>
  </form></section>`
}
