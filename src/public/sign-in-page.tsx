import { lazy, Suspense, useEffect, useId, useState } from 'react'
import type { ResponseType } from 'livechat-browser-auth'
import { useAuth } from 'livechat-browser-auth/react'
import { useReturnTo } from 'livechat-browser-auth/react-router'
import { Navigate } from 'react-router-dom'
import { whenIdle } from '../ui/when-idle'
import type { PopupMode } from './sign-in-options'

// Shown only after a failure, which always comes later than idle time: not in this page's bundle.
const loadAlert = () => import('./auth-error-alert')
const AuthErrorAlert = lazy(() =>
  loadAlert().then((module) => ({ default: module.AuthErrorAlert })),
)
// Advanced choices, opened by few: loaded on idle or when opened.
const loadOptions = () => import('./sign-in-options')
const SignInOptions = lazy(() =>
  loadOptions().then((module) => ({ default: module.SignInOptions })),
)
// The personal access token form: for developers, opened by few.
const loadPatForm = () => import('./pat-sign-in-form')
const PatSignInForm = lazy(() =>
  loadPatForm().then((module) => ({ default: module.PatSignInForm })),
)

// Why the agent is back here, after a session ended: preloaded by the workspace.
const SignOutNotice = lazy(() =>
  import('./sign-out-notice').then((module) => ({ default: module.SignOutNotice })),
)

export function SignInPage() {
  const { status, flow, session, error, signOutReason, signIn, dismissError, config, preload } =
    useAuth()
  const from = useReturnTo()
  const [responseType, setResponseType] = useState<ResponseType>(config.responseType)
  const [popupFlow, setPopupFlow] = useState<PopupMode>('auto')
  // An organization hint (Sign-in options): LiveChat's page then asks nothing.
  const [organizationId, setOrganizationId] = useState('')
  const [optionsOpened, setOptionsOpened] = useState(false)
  const [patOpen, setPatOpen] = useState(false)
  const patId = useId()
  // Neither the flows nor the error texts are in this page's bundle: fetch the small parts while
  // the agent reads. The SDK (~23 KB) only when a click will need it: a pointer or focus on a
  // button whose flow uses it comes a few hundred milliseconds before the click.
  useEffect(
    () =>
      whenIdle(() => {
        preload()
        loadAlert().catch(() => undefined)
        loadOptions().catch(() => undefined)
      }),
    [preload],
  )
  const preloadSdk = () => preload('popup')
  const sdkIntent = {
    onPointerEnter: preloadSdk,
    onPointerDown: preloadSdk,
    onFocus: preloadSdk,
  }

  if (session && status !== 'validating') return <Navigate to={from} replace />

  // While a silent restore runs the agent may still click: their own sign-in wins over it.
  const busy = status === 'validating'
  const where = { returnTo: from, organizationId: organizationId || undefined }
  const checking =
    status === 'restoring'
      ? 'Checking for an existing LiveChat session…'
      : status === 'validating'
        ? 'Checking your sign-in with LiveChat…'
        : null
  const reason = !checking && !error ? signOutReason : null

  return (
    <main className="page page--center" aria-labelledby="sign-in-title">
      <div className="card sign-in">
        <h1 id="sign-in-title">Sign in to your LiveChat workspace</h1>
        <p className="muted">
          Your access token stays in this tab’s memory only and is gone when you close it.
        </p>

        {/* One status line, there from the first paint: the silent restore ending must not move
            the buttons under the agent's pointer, and a live region announces only changes to
            an element that already exists. */}
        <p
          role="status"
          className={checking || reason ? 'notice sign-in__status' : 'sign-in__status'}
        >
          {checking ??
            (reason && (
              <Suspense>
                <SignOutNotice reason={reason} />
              </Suspense>
            ))}
        </p>

        {error && (
          <Suspense>
            <AuthErrorAlert
              error={error}
              onUseRedirect={() => signIn('redirect', { ...where, responseType })}
              onDismiss={dismissError}
            />
          </Suspense>
        )}

        <div className="sign-in__buttons">
          <button
            type="button"
            className="button button--primary button--large"
            disabled={busy}
            {...sdkIntent}
            onClick={() => signIn('popup', { ...where, responseType, popupFlow })}
          >
            Sign in with LiveChat (popup)
          </button>
          <button
            type="button"
            className="button button--large"
            disabled={busy}
            {...sdkIntent}
            onClick={() => signIn('redirect', { ...where, responseType })}
          >
            Sign in with LiveChat (redirect)
          </button>
          <button
            type="button"
            className="button button--large"
            disabled={busy}
            onClick={() => signIn('implicit', where)}
          >
            Sign in with the implicit grant (no SDK)
          </button>
        </div>
        {status === 'signing-in' && flow === 'popup' && (
          <p role="status" className="muted">
            Finish signing in with LiveChat in the window that opened.
          </p>
        )}

        <details
          className="sign-in__options"
          onToggle={(event) => {
            if (event.currentTarget.open) setOptionsOpened(true)
          }}
        >
          <summary>Sign-in options</summary>
          {optionsOpened && (
            <Suspense fallback={<p className="muted">Loading options…</p>}>
              <SignInOptions
                responseType={responseType}
                onResponseType={setResponseType}
                popupFlow={popupFlow}
                onPopupFlow={setPopupFlow}
                organizationId={organizationId}
                onOrganizationId={setOrganizationId}
              />
            </Suspense>
          )}
        </details>

        {config.allowPat && (
          <div className="sign-in__pat">
            <button
              type="button"
              className="button button--link"
              aria-expanded={patOpen}
              aria-controls={patId}
              onClick={() => setPatOpen((open) => !open)}
            >
              Use a personal access token
            </button>
            <div id={patId} hidden={!patOpen}>
              {patOpen && (
                <Suspense fallback={<p className="muted">Loading…</p>}>
                  <PatSignInForm returnTo={from} />
                </Suspense>
              )}
            </div>
          </div>
        )}
      </div>
    </main>
  )
}
