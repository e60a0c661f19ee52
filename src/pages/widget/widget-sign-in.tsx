import { useAuth } from 'livechat-browser-auth/react'
import { AuthErrorBanner } from '../../components/auth-error-banner'

/**
 * A widget signed out: one way in, the popup. Inside the Agent App's frame a redirect (or the
 * implicit grant, also a redirect) would load LiveChat's sign-in pages in the frame itself.
 * The silent restore has already been tried by the time this shows.
 */
export function WidgetSignIn({ title }: { title: string }) {
  const { signIn, status } = useAuth()
  const busy = status === 'signing-in' || status === 'validating'
  return (
    <main id="main" className="page page--center widget" aria-labelledby="widget-sign-in-title">
      <div className="card">
        <h1 id="widget-sign-in-title">{title}</h1>
        <p className="muted">
          Inside LiveChat’s Agent App the app signs in with a popup: a redirect or the implicit
          grant would replace this frame with LiveChat’s sign-in pages. Your token stays in this
          frame’s memory only.
        </p>
        <AuthErrorBanner />
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => signIn('popup')}
        >
          Sign in with LiveChat
        </button>
        {busy && (
          <p role="status" className="muted">
            Waiting for LiveChat…
          </p>
        )}
      </div>
    </main>
  )
}
