// Types for the parts of @livechat/accounts-sdk 2.1.3 this package uses (the SDK ships none).
// Read against node_modules/@livechat/accounts-sdk/dist/index.esm.js; docs/livechat-notes.md#the-accounts-sdk
// explains the quirks the comments mention.
declare module '@livechat/accounts-sdk' {
  /**
   * Where the SDK keeps the pending transaction. `Object.assign` merges options shallowly, so a
   * partial object wipes the other defaults: always pass all three.
   */
  export interface TransactionOptions {
    namespace: string
    /** Unused by the SDK: it reads a top-level `key_length` instead, so no state is generated. */
    key_length: number
    force_local_storage: boolean
  }

  /** PKCE settings; a partial object wipes the defaults and sends an empty challenge. */
  export interface PkceOptions {
    enabled: boolean
    /** When empty, the SDK generates one from a 65-character charset that lacks `W`. */
    code_verifier?: string
    code_verifier_length: number
    /** Sic: the SDK spells it `challange`. `S256` here is the SDK's non-standard variant. */
    code_challange_method: 'S256' | 'plain'
  }

  export interface AccountsSDKOptions {
    client_id: string
    organization_id?: string
    /** `consent` forces the consent screen. */
    prompt?: '' | 'consent'
    response_type?: 'token' | 'code'
    /** `manual` loads `/signin`, which always asks for credentials. */
    popup_flow?: 'auto' | 'manual'
    /** Sent only when given: the SDK never generates one. */
    state?: string
    verify_state?: boolean
    verify_callback?: boolean
    /** Comma-separated; `null` sends no `scope`, which asks for every scope of the client. */
    scope?: string | null
    /** Defaults to `location.href`; the SDK sends only `origin + pathname`. */
    redirect_uri?: string
    email_hint?: string | null
    /** Compared with `event.origin` as a plain string: an origin with no trailing slash. */
    server_url?: string
    /** Appended verbatim after `server_url` (and `/signin`), e.g. `/signup`. */
    path?: string
    tracking?: Record<string, string>
    transaction?: TransactionOptions
    pkce?: PkceOptions
  }

  /** What the popup and iframe flows resolve with: the `data` object the server posted. */
  export interface AuthorizeData {
    access_token?: string
    code?: string
    token_type?: string
    expires_in?: number
    scope?: string | string[]
    state?: string
    account_id?: string
    organization_id?: string
    client_id?: string
    [key: string]: unknown
  }

  /**
   * What the flows reject with: the posted error object plus the SDK's `description`, or the
   * bare string `'timeout'` from the iframe flow.
   */
  export interface AuthorizeError {
    oauth_exception?: string
    identity_exception?: string
    exception_details?: string
    description?: string
  }

  /** The redirect parser's result: `qs` output, so values may be arrays or objects. */
  export interface RedirectAuthorizeData {
    access_token?: unknown
    expires_in?: number
    token_type?: unknown
    scope?: unknown
    state?: unknown
    code?: unknown
  }

  export interface PopupFlow {
    /** Never settles when the popup is closed or blocked, and leaks its `message` listener. */
    authorize(): Promise<AuthorizeData>
  }

  export interface IframeFlow {
    /** Rejects with `'timeout'` after a hard-coded 5000 ms. */
    authorize(): Promise<AuthorizeData>
  }

  export interface RedirectFlow {
    /** Sets `window.location` to the authorize URL. */
    authorize(): void
    /**
     * Parses `location.hash` (token) or `location.search` (code) synchronously inside the Promise
     * executor, then rewrites the URL with `history.replaceState`, putting the token back.
     */
    authorizeData(): Promise<RedirectAuthorizeData>
  }

  export default class AccountsSDK {
    constructor(options: AccountsSDKOptions)
    options: AccountsSDKOptions & { transaction: TransactionOptions; pkce: PkceOptions }
    popup(options?: Partial<AccountsSDKOptions>): PopupFlow
    iframe(options?: Partial<AccountsSDKOptions>): IframeFlow
    redirect(options?: Partial<AccountsSDKOptions>): RedirectFlow
    /** Builds the URL and, as a side effect, writes the transaction and redirect-params cookies. */
    authorizeURL(options?: Partial<AccountsSDKOptions>, flow?: string): string
    /**
     * Reads and deletes the stored transaction. Returns `{}` (truthy) when `state` is missing, so
     * it must never decide whether a response is ours.
     */
    verify(authorizeData: { state?: unknown }): { state?: string; code_verifier?: string } | null
  }
}
