import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { describeScope } from 'livechat-browser-auth'
import type { OAuthSession, PatSession } from 'livechat-browser-auth'
import { useAuth, useHasScopes, useSession } from 'livechat-browser-auth/react'
import { accountQueries } from '../api/accounts'
import { agentQueries } from '../api/agents'
import { organizationNamed, organizationQueries } from '../api/organizations'
import { useApiClient } from '../api/use-api-client'
import { PAT_CONSOLE_URL } from '../config/livechat-links'
import { formatDateTime, formatDuration } from '../components/format'
import { Page } from '../components/page'
import { useNow } from '../components/use-now'

/** Only the first and last few characters: enough to tell tokens apart, useless to anyone else. */
export function redactToken(token: string): string {
  if (token.length <= 12) return '…'
  return `${token.slice(0, 4)}…${token.slice(-4)}`
}

const AREAS: { title: string; matches: (resource: string) => boolean }[] = [
  { title: 'Chats', matches: (r) => r === 'chats' || r.startsWith('chats.') },
  { title: 'Customers', matches: (r) => r === 'customers' || r.startsWith('customers.') },
  { title: 'Agents and bots', matches: (r) => r === 'agents' || r === 'agents-bot' },
  {
    title: 'Groups and tags',
    matches: (r) => r === 'groups' || r === 'tags' || r === 'canned_responses',
  },
  {
    title: 'Your LiveChat account',
    matches: (r) => r.startsWith('accounts') || r === 'sessions' || r === 'organization',
  },
]

/** Scopes grouped by what they are about, each with its meaning. */
export function groupScopes(scopes: readonly string[]): { title: string; scopes: string[] }[] {
  const groups = AREAS.map((area) => ({ title: area.title, scopes: [] as string[] }))
  const other: string[] = []
  for (const scope of scopes) {
    const resource = scope.split(/--|:/)[0] ?? scope
    const index = AREAS.findIndex((area) => area.matches(resource))
    if (index >= 0) groups[index]?.scopes.push(scope)
    else other.push(scope)
  }
  return [...groups, { title: 'Other', scopes: other }].filter((group) => group.scopes.length > 0)
}

/** What this sign-in can do and for how long; no secret is ever shown in full. */
export function SessionPage() {
  const session = useSession()
  const { signOut } = useAuth()
  const [signingOut, setSigningOut] = useState(false)
  const leave = (everywhere: boolean) => {
    setSigningOut(true)
    void signOut({ everywhere })
  }
  const pat = session.kind === 'pat'

  return (
    <Page title="Session" lead="What this sign-in lets the app do, and for how long.">
      <div className="grid">
        <section className="panel" aria-labelledby="token-title">
          <h2 id="token-title">This sign-in</h2>
          <dl className="facts">
            {session.kind === 'oauth' ? (
              <OAuthFacts session={session} />
            ) : (
              <PatFacts session={session} />
            )}
            <OrganizationFacts />
            <dt>Account</dt>
            <dd>
              <code>{session.accountId}</code>
            </dd>
          </dl>
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={signingOut}
              onClick={() => leave(false)}
            >
              Sign out of this app
            </button>
            {!pat && (
              <button
                type="button"
                className="button"
                disabled={signingOut}
                onClick={() => leave(true)}
              >
                Sign out everywhere
              </button>
            )}
          </div>
          {pat ? (
            <p className="muted">
              Signing out makes this tab forget the token; it stays valid at LiveChat. Nothing in
              the browser can revoke it: revoke it in the{' '}
              <a href={PAT_CONSOLE_URL} target="_blank" rel="noreferrer">
                Developer Console (Settings › Authorization › Personal Access Tokens)
              </a>{' '}
              when you are done testing.
            </p>
          ) : (
            <p className="muted">
              “Sign out everywhere” also ends your LiveChat session in every other app and tab.
            </p>
          )}
        </section>
        <section className="panel" aria-labelledby="scopes-title">
          <h2 id="scopes-title">{pat ? 'Declared permissions' : 'Granted permissions'}</h2>
          {pat && (
            <p className="muted">
              LiveChat cannot report a personal access token’s scopes: these are the ones you said
              it was created with. If one is missing, LiveChat refuses the call and the page names
              the scope to add to a new token.
            </p>
          )}
          {session.scopes.length === 0 && <p className="empty">This sign-in has no permissions.</p>}
          {groupScopes(session.scopes).map((group) => (
            <div key={group.title} className="scope-group">
              <h3>{group.title}</h3>
              <ul className="scope-list">
                {group.scopes.map((scope) => (
                  <li key={scope}>
                    <code>{scope}</code> — {describeScope(scope)}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      </div>
    </Page>
  )
}

/**
 * The organization this sign-in is in, by name and id, and the account's role there (an agent
 * of several organizations has a role in each). For a token, the organization it acts for.
 */
function OrganizationFacts() {
  const session = useSession()
  const api = useApiClient()
  const hasScopes = useHasScopes()
  const organizations = useQuery(organizationQueries.list(api))
  const me = useQuery({ ...accountQueries.me(api), enabled: hasScopes(['accounts--my:ro']) })
  const email = me.data?.email
  const agent = useQuery({
    ...agentQueries.detail(api, email ?? ''),
    enabled: email !== undefined && hasScopes(['agents--my:ro']),
  })
  const name = organizationNamed(organizations.data, session.organizationId)?.name
  return (
    <>
      <dt>{session.kind === 'pat' ? 'Acts for organization' : 'Organization'}</dt>
      <dd>
        {name && <>{name} </>}
        <code>{session.organizationId}</code>
      </dd>
      <dt>Your role there</dt>
      <dd>{agent.data?.role ?? '—'}</dd>
    </>
  )
}

function OAuthFacts({ session }: { session: OAuthSession }) {
  const now = useNow()
  const left = session.expiresAt - now
  return (
    <>
      <dt>Expires in</dt>
      <dd>
        <span className={left < 5 * 60_000 ? 'warning' : undefined}>{formatDuration(left)}</span>{' '}
        <span className="muted">
          (at {formatDateTime(new Date(session.expiresAt).toISOString())})
        </span>
      </dd>
      <dt>Region</dt>
      <dd>
        <code>{session.region}</code>
      </dd>
      <dt>Client ID</dt>
      <dd>
        <code>{session.clientId}</code>
      </dd>
      <dt>Signed in with</dt>
      <dd>
        {session.flow} ({session.responseType === 'code' ? 'code + PKCE' : 'token'})
      </dd>
      <dt>Access token</dt>
      <dd>
        <code aria-label="Access token, redacted">{redactToken(session.accessToken)}</code>{' '}
        <span className="muted">(redacted; it lives in memory only)</span>
      </dd>
    </>
  )
}

function PatFacts({ session }: { session: PatSession }) {
  return (
    <>
      <dt>Signed in with</dt>
      <dd>Personal access token</dd>
      <dt>Signed in as</dt>
      <dd>
        {session.name ?? 'Unknown name'}
        {session.email && <span className="muted"> ({session.email})</span>}
      </dd>
      <dt>Expires</dt>
      <dd>Not on its own: the token lasts until you revoke it.</dd>
      <dt>Token</dt>
      <dd className="muted">
        Not shown. It lives in this tab’s memory only and is forgotten on reload.
      </dd>
    </>
  )
}
