// LiveChat's own pages the app sends developers to
// (https://platform.text.com/docs/authorization/personal-access-tokens).

/** Where personal access tokens are created and revoked. */
export const PAT_CONSOLE_URL =
  'https://platform.text.com/console/settings/authorization/personal-access-tokens'

/** Checks that a token is valid, complete and has the scopes it needs (TRBL). */
export const TOKEN_DEBUGGER_URL = 'https://platform.text.com/console/tools/token-debugger/'
