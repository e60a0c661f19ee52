import { describeAuthError } from 'livechat-browser-auth'
import { useAuth } from 'livechat-browser-auth/react'

/**
 * A sign-in that failed while the page stays usable (a workspace's "Request access" refused, a
 * widget's popup closed): what happened in plain words, and Dismiss.
 */
export function AuthErrorBanner({ className = 'alert' }: { className?: string }) {
  const { error, dismissError } = useAuth()
  if (!error) return null
  const described = describeAuthError(error)
  return (
    <div role="alert" className={className}>
      <h2>{described.title}</h2>
      <p>{described.message}</p>
      <button type="button" className="button" onClick={dismissError}>
        Dismiss
      </button>
    </div>
  )
}
