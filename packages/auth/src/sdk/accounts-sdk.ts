// The only importer of @livechat/accounts-sdk. It builds the SDK with every option its defects
// need (docs/livechat-notes.md#the-accounts-sdk): our own state (it generates none), complete `transaction`
// and `pkce` objects (partial ones wipe the defaults), our own PKCE verifier, an explicit
// redirect_uri and server_url. It also sweeps the cookies the SDK leaves behind.
import AccountsSDK, { type AccountsSDKOptions } from '@livechat/accounts-sdk'
import type { AuthConfig, ResponseType } from '../config/auth-config'
import { randomVerifier } from '../protocol/random'

export type { AccountsSDK }
export type { RedirectAuthorizeData } from '@livechat/accounts-sdk'

/** The SDK's storage namespace; its cookies are `<namespace><state>` and `<namespace>redirect_uri_params<state>`. */
export const SDK_NAMESPACE = 'com.livechat.accounts'

export interface SdkOptions {
  responseType: ResponseType
  /** Our CSPRNG state: the SDK would send none. */
  state: string
  scopes: readonly string[]
  prompt?: 'consent'
  popupFlow?: 'auto' | 'manual'
  /** Our verifier, so the exchange does not depend on the SDK's cookie. */
  codeVerifier?: string
}

export function sdkOptions(config: AuthConfig, options: SdkOptions): AccountsSDKOptions {
  return {
    client_id: config.clientId,
    ...(config.organizationId ? { organization_id: config.organizationId } : {}),
    server_url: config.accountsUrl,
    redirect_uri: config.redirectUri,
    response_type: options.responseType,
    state: options.state,
    scope: options.scopes.join(','),
    prompt: options.prompt ?? '',
    popup_flow: options.popupFlow ?? 'auto',
    transaction: { namespace: SDK_NAMESPACE, key_length: 32, force_local_storage: false },
    pkce: {
      enabled: true,
      code_verifier: options.codeVerifier ?? randomVerifier(),
      code_verifier_length: 128,
      code_challange_method: 'S256',
    },
  }
}

export function createSdk(config: AuthConfig, options: SdkOptions): AccountsSDK {
  return new AccountsSDK(sdkOptions(config, options))
}

function expireCookie(name: string): void {
  const gone = 'expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
  // The SDK writes them `SameSite=None; Secure`; some browsers only delete with matching flags.
  document.cookie = `${name}=; ${gone}; SameSite=None; Secure`
  document.cookie = `${name}=; ${gone}`
}

/**
 * Removes the SDK's transaction (state and PKCE verifier) and redirect-params cookies for a state,
 * and the ones it keys `undefined` when called without state. Nothing of a flow stays behind.
 */
export function sweepSdkStorage(state: string): void {
  try {
    for (const suffix of [state, 'undefined']) {
      expireCookie(`${SDK_NAMESPACE}${suffix}`)
      expireCookie(`${SDK_NAMESPACE}redirect_uri_params${suffix}`)
    }
  } catch {
    // Cookies disabled: the SDK could not have written any either.
  }
}

/**
 * Runs an SDK `popup().authorize()` or `iframe().authorize()` call without letting the SDK attach
 * its `message` listener. Its `Listener.start` runs synchronously inside the Promise executor, so
 * wrapping `window.addEventListener` for the duration of the call catches it. Our own listener
 * is authoritative; the SDK's would accept any window on the accounts origin (and
 * accounts.livechatinc.com), throw on `data === null`, and leak when the popup is closed or
 * blocked. Kept detached, it can do none of that. Returns the SDK's promise with
 * its rejection swallowed, and the listeners that were held back.
 */
export function withoutSdkMessageListener(start: () => Promise<unknown>): {
  settled: Promise<void>
  heldBack: EventListenerOrEventListenerObject[]
} {
  const heldBack: EventListenerOrEventListenerObject[] = []
  // The own descriptor, if any, is put back exactly as it was (it may be an accessor, e.g. a spy).
  const ownDescriptor = Object.getOwnPropertyDescriptor(window, 'addEventListener')
  const original = window.addEventListener
  const wrapped = function (
    this: Window,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (!listener) return
    if (type === 'message') {
      heldBack.push(listener)
      return
    }
    original.call(this, type, listener, options)
  }
  Object.defineProperty(window, 'addEventListener', {
    value: wrapped,
    configurable: true,
    writable: true,
  })
  let promise: Promise<unknown>
  try {
    promise = start()
  } catch (error) {
    promise = Promise.reject(error)
  } finally {
    if (ownDescriptor) Object.defineProperty(window, 'addEventListener', ownDescriptor)
    else delete (window as { addEventListener?: unknown }).addEventListener
  }
  return {
    settled: promise.then(
      () => undefined,
      () => undefined,
    ),
    heldBack,
  }
}
