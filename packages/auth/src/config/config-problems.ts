// What can be wrong with a configuration, as codes: what checkAuthConfig reports and an
// AuthConfigError carries. The words for each are config-problem-text.ts, apart so that a page
// which never shows them never downloads them.

export type AuthConfigField =
  | 'clientId'
  | 'accountsUrl'
  | 'apiUrl'
  | 'rtmUrl'
  | 'redirectUri'
  | 'scopes'
  | 'organizationId'
  | 'flow'
  | 'responseType'
  | 'allowPat'

export type AuthConfigIssue =
  | 'missing'
  | 'not-client-id'
  | 'not-url'
  | 'not-http'
  | 'not-origin'
  | 'not-one-of'
  | 'not-rtm-url'
  | 'not-scopes'
  | 'no-scopes'

/** What is wrong with one setting, as a code, with what was set and what would work. */
export interface AuthConfigProblem {
  field: AuthConfigField
  issue: AuthConfigIssue
  /** What was set (none of these settings is a secret). */
  value?: string
  /** A value that would work, or the allowed ones. */
  example?: string
}

/** Thrown by `createAuthConfig` (and so `createAuthClient`) with every problem at once. */
export class AuthConfigError extends Error {
  readonly problems: readonly AuthConfigProblem[]

  constructor(problems: readonly AuthConfigProblem[]) {
    super(
      `livechat-browser-auth: invalid configuration: ${problems
        .map(
          ({ field, issue, value, example }) =>
            `${field}${value === undefined ? '' : ` "${value}"`} is ${issue}${example ? ` (e.g. ${example})` : ''}`,
        )
        .join('; ')}`,
    )
    this.name = 'AuthConfigError'
    this.problems = problems
  }
}
