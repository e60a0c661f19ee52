// LiveChat's own pages the app sends developers to (livechat-pat.md §1, §3).

/** Where personal access tokens are created and revoked. */
export const PAT_CONSOLE_URL =
  'https://platform.text.com/console/settings/authorization/personal-access-tokens'

/** Checks that a token is valid, complete and has the scopes it needs (TRBL). */
export const TOKEN_DEBUGGER_URL = 'https://platform.text.com/console/tools/token-debugger/'
