import { ApiError, describeApiError } from 'livechat-browser-auth'
import { describeScope } from 'livechat-browser-auth'
import { missingScopes } from 'livechat-browser-auth'
import { useSession } from 'livechat-browser-auth/react'
import { PAT_CONSOLE_URL } from '../config/livechat-links'

interface QueryErrorProps {
  error: unknown
  /** What failed, as the agent would say it: "your chats". */
  what: string
  onRetry: () => void
  /** The scopes this request needs, named when LiveChat says one is missing (SECURITY.md #47). */
  scopes?: readonly string[]
}

/**
 * A failed load: what failed in plain words, the permission that is missing when LiveChat
 * refuses one (never a re-auth: a new token would have the same scopes), and a Retry button.
 * The raw response is never shown: it could reflect a token (SECURITY.md #54).
 */
export function QueryError({ error, what, onRetry, scopes = [] }: QueryErrorProps) {
  const session = useSession()
  const apiError = error instanceof ApiError ? error : null
  const denied = apiError?.kind === 'authorization'
  const lacking = missingScopes(session.scopes, scopes)
  const named = lacking.length > 0 ? lacking : scopes
  return (
    <div role="alert" className="alert">
      <p>
        <strong>Could not load {what}.</strong>{' '}
        {apiError ? describeApiError(apiError) : 'Something unexpected went wrong.'}
      </p>
      {denied && named.length > 0 && (
        <>
          <p>It needs {named.length === 1 ? 'this permission' : 'one of these permissions'}:</p>
          <ul className="scope-list">
            {named.map((scope) => (
              <li key={scope}>
                <code>{scope}</code> — {describeScope(scope)}
              </li>
            ))}
          </ul>
          {session.kind === 'pat' && (
            <p>
              A personal access token’s scopes are fixed when it is created: create a new one with{' '}
              {named.length === 1 ? 'this scope' : 'one of these'} in the{' '}
              <a href={PAT_CONSOLE_URL} target="_blank" rel="noreferrer">
                Developer Console
              </a>{' '}
              and sign in with it.
            </p>
          )}
        </>
      )}
      <button type="button" className="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  )
}
