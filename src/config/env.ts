// Configuration is read once from the build-time env (VITE_ prefix), checked by the auth
// package's own rules and frozen. A missing or malformed value is not a crash: it becomes a list
// of problems that the setup screen shows with the variable to set.
import { checkAuthConfig, type AuthConfig, type AuthConfigProblem } from 'livechat-browser-auth'

/** The app's configuration: the auth package's (LiveChat endpoints, scopes, flows). */
export type AppConfig = AuthConfig

/** One setting to fix: the package's problem, named by the env variable that sets it. */
export interface ConfigProblem extends Omit<AuthConfigProblem, 'field' | 'issue'> {
  /** The env variable to set, e.g. `VITE_LIVECHAT_CLIENT_ID`. */
  variable: string
  issue: AuthConfigProblem['issue'] | 'not-boolean' | 'not-origin-list'
  /** For `not-origin-list`: what is wrong with `value`, in words. */
  reason?: string
}

export type ConfigResult =
  { ok: true; config: AppConfig } | { ok: false; problems: ConfigProblem[] }

export type Env = Record<string, string | boolean | undefined>

/** The variable of each setting: `clientId` is VITE_LIVECHAT_CLIENT_ID, `allowPat` …_ALLOW_PAT. */
const variable = (field: string) =>
  `VITE_LIVECHAT_${field.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`

export function readConfig(env: Env, appOrigin: string): ConfigResult {
  const read = (field: string) => {
    const value = env[variable(field)]
    return typeof value === 'string' && value.trim() !== '' ? value : undefined
  }
  // Personal access tokens: on in development and sandbox builds, off in production builds.
  const pat = read('allowPat')?.trim()
  const checked = checkAuthConfig({
    clientId: read('clientId') ?? '',
    accountsUrl: read('accountsUrl'),
    apiUrl: read('apiUrl'),
    rtmUrl: read('rtmUrl'),
    redirectUri: `${appOrigin}/`,
    scopes: read('scopes')
      ?.split(',')
      .filter((scope) => scope.trim() !== ''),
    organizationId: read('organizationId'),
    flow: read('flow')?.trim() as AppConfig['flow'] | undefined,
    responseType: read('responseType')?.trim() as AppConfig['responseType'] | undefined,
    allowPat: pat === undefined ? env.DEV === true || env.MODE === 'sandbox' : pat === 'true',
  })
  const problems: ConfigProblem[] = checked.ok
    ? []
    : checked.problems.map(({ field, ...problem }) => ({ ...problem, variable: variable(field) }))
  if (pat !== undefined && pat !== 'true' && pat !== 'false')
    problems.push({ variable: variable('allowPat'), issue: 'not-boolean', value: pat })

  return checked.ok && problems.length === 0
    ? { ok: true, config: checked.config }
    : { ok: false, problems }
}
