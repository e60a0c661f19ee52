import { describeAuthError } from 'livechat-browser-auth'
import { TOKEN_DEBUGGER_URL } from '../config/livechat-links'

interface AuthErrorAlertProps {
  error: unknown
  /** Offered when the popup was blocked: the same sign-in by full-page redirect. */
  onUseRedirect(): void
  onDismiss(): void
}

/** A failed sign-in in plain words, with the next step. */
export function AuthErrorAlert({ error, onUseRedirect, onDismiss }: AuthErrorAlertProps) {
  const described = describeAuthError(error)
  return (
    <div role="alert" className="alert">
      <h2>{described.title}</h2>
      <p>{described.message}</p>
      <div className="actions">
        {described.action === 'fix-token' && (
          <a className="button" href={TOKEN_DEBUGGER_URL} target="_blank" rel="noreferrer">
            Check the token in the Token Debugger
          </a>
        )}
        {described.action === 'use-redirect' && (
          <button type="button" className="button button--primary" onClick={onUseRedirect}>
            Use redirect instead
          </button>
        )}
        <button type="button" className="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  )
}
