import { useId, useState, type FormEvent } from 'react'
import { describeScope } from 'livechat-browser-auth'
import { useAuth } from 'livechat-browser-auth/react'
import { TOKEN_DEBUGGER_URL } from '../config/livechat-links'

/** Scopes worth offering: the app's own set and the supervisor view's extra one. */
const EXTRA_SCOPES = ['chats--all:ro']

/**
 * Sign-in with a personal access token: for development and one's own private app, never for a
 * team (they sign in with LiveChat). Loaded when opened; the token is kept in this form's state
 * until it is handed to the auth layer, which keeps it in memory only.
 */
export function PatSignInForm({ returnTo }: { returnTo: string }) {
  const { config, status, signInWithToken } = useAuth()
  const id = useId()
  const [accountId, setAccountId] = useState('')
  const [token, setToken] = useState('')
  const offered = [...new Set([...config.scopes, ...EXTRA_SCOPES])]
  const [scopes, setScopes] = useState<ReadonlySet<string>>(() => new Set(config.scopes))
  const busy = status === 'validating' || status === 'signing-in'

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void signInWithToken(
      { accountId, token },
      offered.filter((scope) => scopes.has(scope)),
      returnTo,
    ).then((ok) => {
      // Nothing of the secret stays in the form once the auth layer holds it.
      if (ok) setToken('')
    })
  }
  const toggle = (scope: string, on: boolean) =>
    setScopes((current) => {
      const next = new Set(current)
      if (on) next.add(scope)
      else next.delete(scope)
      return next
    })

  return (
    <form className="pat-form" onSubmit={submit} aria-describedby={`${id}-warning`}>
      <div id={`${id}-warning`} className="notice notice--warning">
        <p>
          <strong>For personal use and testing only.</strong> A personal access token acts as you,
          with your permissions, for every scope it carries. Its API calls count like any other
          app’s. It stays in this tab’s memory only and is forgotten on reload; revoke it in the
          Developer Console when you are done.
        </p>
      </div>
      <label htmlFor={`${id}-account`}>Account ID</label>
      <input
        id={`${id}-account`}
        name="account-id"
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={accountId}
        onChange={(event) => setAccountId(event.target.value)}
        aria-describedby={`${id}-account-hint`}
      />
      <p id={`${id}-account-hint`} className="muted">
        The UUID the Developer Console shows next to your token. Leave it empty if you paste the
        Base64 encoded token below.
      </p>
      <label htmlFor={`${id}-token`}>Personal access token</label>
      <input
        id={`${id}-token`}
        name="personal-access-token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        required
        value={token}
        onChange={(event) => setToken(event.target.value)}
        aria-describedby={`${id}-token-hint`}
      />
      <p id={`${id}-token-hint`} className="muted">
        The token itself, or the console’s “Base64 encoded token” (Account ID and token in one).
        Create one under Settings › Authorization › Personal Access Tokens; check one in the{' '}
        <a href={TOKEN_DEBUGGER_URL} target="_blank" rel="noreferrer">
          Token Debugger
        </a>
        .
      </p>
      <fieldset>
        <legend>Scopes the token was created with</legend>
        <p className="muted">
          LiveChat cannot tell the app a token’s scopes, so say which it has: pages that need others
          explain what is missing.
        </p>
        {offered.map((scope) => (
          <label key={scope} className="check">
            <input
              type="checkbox"
              checked={scopes.has(scope)}
              onChange={(event) => toggle(scope, event.target.checked)}
            />{' '}
            <code>{scope}</code> <span className="muted">— {describeScope(scope)}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button button--primary" disabled={busy}>
        Sign in with token
      </button>
    </form>
  )
}
