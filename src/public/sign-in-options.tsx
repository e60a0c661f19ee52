import { useId } from 'react'
import type { ResponseType } from 'livechat-browser-auth'
import { useAuth } from 'livechat-browser-auth/react'

export type PopupMode = 'auto' | 'manual'

interface SignInOptionsProps {
  responseType: ResponseType
  onResponseType(value: ResponseType): void
  popupFlow: PopupMode
  onPopupFlow(value: PopupMode): void
  organizationId: string
  onOrganizationId(value: string): void
}

/** The sign-in page's advanced choices, loaded when the agent opens them. */
export function SignInOptions({
  responseType,
  onResponseType,
  popupFlow,
  onPopupFlow,
  organizationId,
  onOrganizationId,
}: SignInOptionsProps) {
  const id = useId()
  const { config } = useAuth()
  return (
    <>
      <fieldset aria-describedby={`${id}-rt`}>
        <legend>Response type (popup and redirect)</legend>
        <p id={`${id}-rt`} className="muted">
          Code + PKCE keeps the token out of the address bar and can renew it silently.
        </p>
        <label>
          <input
            type="radio"
            name="response-type"
            value="token"
            checked={responseType === 'token'}
            onChange={() => onResponseType('token')}
          />{' '}
          Token (implicit)
        </label>
        <label>
          <input
            type="radio"
            name="response-type"
            value="code"
            checked={responseType === 'code'}
            onChange={() => onResponseType('code')}
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
            onChange={() => onPopupFlow('auto')}
          />{' '}
          Auto (closes at once when already signed in to LiveChat)
        </label>
        <label>
          <input
            type="radio"
            name="popup-flow"
            value="manual"
            checked={popupFlow === 'manual'}
            onChange={() => onPopupFlow('manual')}
          />{' '}
          Manual (always asks for credentials)
        </label>
      </fieldset>
      {/* A pinned build signs in to its own organization only. */}
      {config.organizationId === null && (
        <label className="sign-in__organization">
          Organization ID (optional)
          <input
            value={organizationId}
            onChange={(event) => onOrganizationId(event.target.value.trim())}
            aria-describedby={`${id}-org`}
            spellCheck={false}
            autoComplete="off"
          />
          <span id={`${id}-org`} className="muted">
            For an account in several LiveChat organizations: sign in straight to this one instead
            of choosing on LiveChat’s page.
          </span>
        </label>
      )}
    </>
  )
}
