import { useId } from 'react'
import type { ResponseType } from 'livechat-browser-auth'

export type PopupMode = 'auto' | 'manual'

interface SignInOptionsProps {
  responseType: ResponseType
  onResponseType(value: ResponseType): void
  popupFlow: PopupMode
  onPopupFlow(value: PopupMode): void
}

/** The sign-in page's advanced choices, loaded when the agent opens them. */
export function SignInOptions({
  responseType,
  onResponseType,
  popupFlow,
  onPopupFlow,
}: SignInOptionsProps) {
  const id = useId()
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
    </>
  )
}
