import { useEffect, useId, useState } from 'react'
import { Navigate, useLocation } from 'react-router-dom'
import { preloadSdkWhenIdle } from '../auth/sdk-loader'
import { describeAuthError } from '../auth/auth-error'
import type { SignInLocationState } from '../auth/require-auth'
import { safeReturnTo } from '../auth/return-to'
import { useAuth } from '../auth/use-auth'
import type { ResponseType } from '../config/env'

const NOTICES = {
  user: 'You signed out.',
  'other-tab': 'You signed out in another tab.',
  expired: 'Your session expired. Sign in again to pick up where you left off.',
  revoked: 'LiveChat ended your session. Sign in again to continue.',
} as const

export function SignInPage() {
  const { status, session, error, signOutReason, signIn, dismissError, config } = useAuth()
  const location = useLocation()
  const from = safeReturnTo((location.state as SignInLocationState | null)?.from)
  const [responseType, setResponseType] = useState<ResponseType>(config.responseType)
  const [popupFlow, setPopupFlow] = useState<'auto' | 'manual'>('auto')
  const optionsId = useId()
  // The SDK is not part of this page's bundle: fetch it while the agent reads, before they click.
  useEffect(preloadSdkWhenIdle, [])

  if (session && status !== 'validating') return <Navigate to={from} replace />

  // While a silent restore runs the agent may still click: their own sign-in wins over it.
  const busy = status === 'validating'
  const described = error ? describeAuthError(error) : null

  return (
    <main className="page page--center" aria-labelledby="sign-in-title">
      <div className="card sign-in">
        <h1 id="sign-in-title">Sign in to your LiveChat workspace</h1>
        <p className="muted">
          Your access token stays in this tab’s memory only and is gone when you close it.
        </p>

        {signOutReason && !error && (
          <p role="status" className="notice">
            {NOTICES[signOutReason]}
          </p>
        )}
        {status === 'restoring' && (
          <p role="status" className="notice">
            Checking for an existing LiveChat session…
          </p>
        )}
        {status === 'validating' && (
          <p role="status" className="notice">
            Checking your sign-in with LiveChat…
          </p>
        )}

        {described && error && (
          <div role="alert" className="alert">
            <h2>{described.title}</h2>
            <p>{described.message}</p>
            <div className="actions">
              {described.action === 'use-redirect' && (
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => signIn('redirect', { responseType, returnTo: from })}
                >
                  Use redirect instead
                </button>
              )}
              <button type="button" className="button" onClick={dismissError}>
                Dismiss
              </button>
            </div>
          </div>
        )}

        <div className="sign-in__buttons">
          <button
            type="button"
            className="button button--primary button--large"
            disabled={busy}
            onClick={() => signIn('popup', { responseType, popupFlow, returnTo: from })}
          >
            Sign in with LiveChat (popup)
          </button>
          <button
            type="button"
            className="button button--large"
            disabled={busy}
            onClick={() => signIn('redirect', { responseType, returnTo: from })}
          >
            Sign in with LiveChat (redirect)
          </button>
          <button
            type="button"
            className="button button--large"
            disabled={busy}
            onClick={() => signIn('implicit', { returnTo: from })}
          >
            Sign in with the implicit grant (no SDK)
          </button>
        </div>
        {status === 'signing-in' && (
          <p role="status" className="muted">
            Finish signing in with LiveChat in the window that opened.
          </p>
        )}

        <details className="sign-in__options">
          <summary>Sign-in options</summary>
          <fieldset aria-describedby={`${optionsId}-rt`}>
            <legend>Response type (popup and redirect)</legend>
            <p id={`${optionsId}-rt`} className="muted">
              Code + PKCE keeps the token out of the address bar and can renew it silently.
            </p>
            <label>
              <input
                type="radio"
                name="response-type"
                value="token"
                checked={responseType === 'token'}
                onChange={() => setResponseType('token')}
              />{' '}
              Token (implicit)
            </label>
            <label>
              <input
                type="radio"
                name="response-type"
                value="code"
                checked={responseType === 'code'}
                onChange={() => setResponseType('code')}
              />{' '}
              Code + PKCE
            </label>
          </fieldset>
          <fieldset>
            <legend>Popup mode</legend>
            <label>
              <input
                type="radio"
                name="popup-flow"
                value="auto"
                checked={popupFlow === 'auto'}
                onChange={() => setPopupFlow('auto')}
              />{' '}
              Auto (closes at once when already signed in to LiveChat)
            </label>
            <label>
              <input
                type="radio"
                name="popup-flow"
                value="manual"
                checked={popupFlow === 'manual'}
                onChange={() => setPopupFlow('manual')}
              />{' '}
              Manual (always asks for credentials)
            </label>
          </fieldset>
        </details>
      </div>
    </main>
  )
}
