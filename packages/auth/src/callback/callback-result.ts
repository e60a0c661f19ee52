// What reading the redirect callback at startup yields: nothing to read, a checked answer to
// complete, or an error for the sign-in page (with the path the sign-in was for, when known).
import type { Flow } from '../config/auth-config'
import type { AuthError } from '../errors/auth-error'
import type { AuthorizeResult } from '../protocol/authorize-result'

export type RedirectCallbackResult =
  | { kind: 'none' }
  | {
      kind: 'authorized'
      flow: Flow
      result: AuthorizeResult
      returnTo: string
      /** The organization the sign-in asked for: its token must be for it. */
      organizationId?: string
    }
  | { kind: 'error'; error: AuthError; returnTo?: string }
