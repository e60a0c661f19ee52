// What each kind of sign-in failure means to the agent, and the next step. Apart from the error
// type because the sign-in page only needs it once something went wrong: it loads then (or on
// idle), not with the page.
import { asAuthError, type AuthErrorKind } from './auth-error'

export type AuthErrorAction =
  | 'retry'
  | 'use-redirect'
  | 'request-access'
  | 'contact-admin'
  | 'sign-in-again'
  /** A personal access token to correct, or to create anew in the Developer Console. */
  | 'fix-token'

export interface AuthErrorDescription {
  title: string
  message: string
  action: AuthErrorAction
}

const DESCRIPTIONS: Record<AuthErrorKind, AuthErrorDescription> = {
  popup_blocked: {
    title: 'Your browser blocked the sign-in window',
    message: 'Allow pop-ups for this site and try again, or sign in by redirect instead.',
    action: 'use-redirect',
  },
  popup_closed: {
    title: 'Sign-in cancelled',
    message: 'The LiveChat sign-in window was closed before sign-in finished.',
    action: 'retry',
  },
  timeout: {
    title: 'Sign-in took too long',
    message: 'LiveChat did not finish the sign-in in time. Please try again.',
    action: 'retry',
  },
  state_mismatch: {
    title: 'Sign-in could not be verified',
    message:
      'The answer from LiveChat did not belong to a sign-in started in this tab, so it was ignored. Please try again.',
    action: 'retry',
  },
  access_denied: {
    title: 'Access denied',
    message:
      'LiveChat denied access: the permission was refused, or this app is installed for a different LiveChat organization.',
    action: 'retry',
  },
  invalid_scope: {
    title: 'Your role cannot grant these permissions',
    message:
      'This app asked for permissions that need an administrator, and a normal agent cannot grant them. Ask your LiveChat administrator, or continue with the access you have.',
    action: 'contact-admin',
  },
  unauthorized_client: {
    title: 'This app is not set up correctly',
    message:
      'LiveChat does not recognise this app’s Client Id. Ask whoever set the app up to check its configuration.',
    action: 'contact-admin',
  },
  domain_not_allowed: {
    title: 'This address is not allowed to sign in',
    message:
      'LiveChat refused the request: this app’s address is not one of its allowed redirect URIs, or the request was malformed. Ask whoever set the app up to check them.',
    action: 'contact-admin',
  },
  unsupported_response_type: {
    title: 'This sign-in method is not available',
    message:
      'LiveChat does not allow this app to sign in this way. Try another sign-in method, or ask the app’s administrator.',
    action: 'contact-admin',
  },
  too_many_redirects: {
    title: 'Too many sign-in attempts',
    message:
      'LiveChat allows only a few sign-ins in a short time. Wait 30 seconds, then try again.',
    action: 'retry',
  },
  identity_unknown: {
    title: 'Please sign in again',
    message: 'LiveChat could not confirm who you are, or your LiveChat session has ended.',
    action: 'sign-in-again',
  },
  token_rejected: {
    title: 'LiveChat refused the sign-in',
    message: 'The access LiveChat gave was not accepted when checked. Please sign in again.',
    action: 'sign-in-again',
  },
  wrong_client: {
    title: 'Sign-in was issued to a different app',
    message:
      'The access token belongs to another LiveChat app, so it was not used. Please sign in again here.',
    action: 'sign-in-again',
  },
  wrong_organization: {
    title: 'Wrong LiveChat organization',
    message:
      'LiveChat signed you in to another organization than the one this app is set up for or asked for, so that sign-in was not used. Sign in to the right organization, or ask your administrator.',
    action: 'contact-admin',
  },
  expired: {
    title: 'Your session expired',
    message: 'Your LiveChat access has expired. Sign in again to continue.',
    action: 'sign-in-again',
  },
  malformed_response: {
    title: 'Sign-in could not be verified',
    message:
      'LiveChat’s answer was not in the expected form, so it was not used. Please try again.',
    action: 'retry',
  },
  network: {
    title: 'Could not reach LiveChat',
    message: 'Check your internet connection, then try again.',
    action: 'retry',
  },
  server_error: {
    title: 'LiveChat is having trouble',
    message: 'LiveChat could not complete the sign-in right now. Please try again in a moment.',
    action: 'retry',
  },
  // Personal access tokens: LiveChat's troubleshooting page, row by row.
  pat_bearer: {
    title: 'That is an OAuth token, not a personal access token',
    message:
      'A value starting with “Bearer” is an access token from a sign-in. A personal access token is sent as Basic: paste your Account ID and the token itself, or the console’s Base64 encoded token.',
    action: 'fix-token',
  },
  pat_malformed: {
    title: 'That token does not look complete',
    message:
      'Enter your Account ID (a UUID like bbe8b147-d60e-46ac-a1e5-1e94b11ea6e1) and the personal access token, or paste the Base64 encoded token the Developer Console showed. Copy them again in full; a truncated token is the usual cause.',
    action: 'fix-token',
  },
  pat_rejected: {
    title: 'LiveChat rejected the token',
    message:
      'Check the Account ID and the personal access token (or the Base64 value), and that the token was not deleted in the Developer Console. The console’s Token Debugger can check it; if it is gone, create a new one.',
    action: 'fix-token',
  },
  pat_missing_scope: {
    title: 'The token cannot read your account',
    message:
      'LiveChat refused to tell who this token belongs to: it lacks the accounts--my:ro scope. Scopes cannot be added to an existing token; create a new one that includes it.',
    action: 'fix-token',
  },
  unknown: {
    title: 'Sign-in failed',
    message: 'Something unexpected went wrong while signing in. Please try again.',
    action: 'retry',
  },
}

/** Every kind, read off the table above (which the compiler holds to the AuthErrorKind union). */
export const AUTH_ERROR_KINDS = Object.keys(DESCRIPTIONS) as AuthErrorKind[]

/**
 * Plain words and the next step for an error: an AuthError by its kind (every error the client
 * reports is one), anything else as a network failure (a TypeError) or unknown.
 */
export function describeAuthError(error: unknown): AuthErrorDescription {
  return { ...DESCRIPTIONS[asAuthError(error).kind] }
}
