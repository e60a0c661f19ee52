import { useLocation } from 'react-router-dom'
import { describeScope } from 'livechat-browser-auth'
import { useAuth } from 'livechat-browser-auth/react'

/**
 * What a page needs that the token lacks, each scope with its meaning, and a way to ask for it:
 * a new consent that requests the missing scopes on top of the ones granted.
 */
export function MissingScopesPage({ missing }: { missing: readonly string[] }) {
  const { session, signIn, status, config } = useAuth()
  const location = useLocation()
  const requestAccess = () => {
    const scopes = [...new Set([...config.scopes, ...(session?.scopes ?? []), ...missing])]
    signIn(config.flow, {
      prompt: 'consent',
      scopes,
      returnTo: `${location.pathname}${location.search}`,
    })
  }
  return (
    <section className="page" aria-labelledby="missing-scopes-title">
      <div className="card card--wide">
        <h1 id="missing-scopes-title">You need more access for this page</h1>
        <p>Your LiveChat sign-in did not grant these permissions:</p>
        <ul className="scope-list">
          {missing.map((scope) => (
            <li key={scope}>
              <code>{scope}</code> — {describeScope(scope)}
            </li>
          ))}
        </ul>
        <p>
          Request access to sign in again and grant them. If your LiveChat role cannot hold them
          (some need an administrator), LiveChat will say so and you can ask your administrator.
        </p>
        <button
          type="button"
          className="button button--primary"
          onClick={requestAccess}
          disabled={status === 'signing-in'}
        >
          Request access
        </button>
      </div>
    </section>
  )
}
