// The control page's "Tokens" section: live OAuth tokens per person, expire and revoke forms.
import type { SandboxState } from '../../state'
import { esc, field, options } from './html'

export function tokensSection(state: SandboxState): string {
  const now = state.now()
  const { people } = state.directory
  const rows = people
    .map((person) => {
      const live = [...state.tokens.accessTokens.values()].filter(
        (t) => t.accountId === person.accountId && !t.revoked && t.expiresAt > now,
      ).length
      return `<tr><td>${esc(person.name)}</td><td>${esc(person.email)}</td><td>${esc(person.role)}</td><td>${live}</td></tr>`
    })
    .join('')
  const choices = options(people.map((p) => [p.email, `${p.name} (${p.email})`]))
  return `<section aria-labelledby="tokens-heading"><h2 id="tokens-heading">Tokens</h2>
  <table><caption>Live access tokens per person</caption><thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Live tokens</th></tr></thead><tbody>${rows}</tbody></table>
  <form method="post" action="/sandbox/tokens/expire">
    ${field('token-email', 'Person', `<select id="token-email" name="email">${choices}</select>`)}
    <button type="submit">Expire tokens</button>
    <button type="submit" formaction="/sandbox/tokens/revoke" class="secondary">Revoke tokens</button>
  </form></section>`
}
