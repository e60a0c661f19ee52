// api.livechatinc.com, emulated (docs/AGENT-API.md): `POST /v3.x/agent/action/<m>`
// and `POST /v3.x/configuration/action/<m>`. Checks run in this order: version, HTTP method,
// known method, credential (Bearer token or Basic PAT), region, rate limit, JSON body; then the
// method's own scope, validation and access checks. What it emulates and every default:
// docs/AGENT-API.md.
import { Hono, type Context } from 'hono'
import { resolveCredential } from '../credentials/resolve-credential'
import type { SandboxState } from '../state'
import { callerScope, type ApiRequest } from './api-request'
import { ApiFailure, errorBody } from './errors'
import { findMethod, type ApiName } from './methods'
import { isObject } from './params'
import { enforceRateLimit } from './rate-limit'

/** v3.6 is stable; v3.7 (preview), v3.5 (legacy) and v3.4 (deprecated) answer the same way. */
const VERSION_HEADERS: Record<string, Record<string, string>> = {
  'v3.4': { Deprecation: '2025-08-07' },
  'v3.5': { Legacy: '2025-08-07' },
  'v3.6': {},
  'v3.7': {},
}

export function apiRoutes(state: SandboxState): Hono {
  const api = new Hono()
  api.all(
    '/:version{v[0-9]+(?:\\.[0-9]+)?}/:api{agent|configuration}/action/:method',
    async (c) => {
      const version = c.req.param('version')
      const extraHeaders = VERSION_HEADERS[version]
      try {
        if (!extraHeaders) throw new ApiFailure('unsupported_version')
        const request = await admit(c, state, c.req.param('api') as ApiName, c.req.param('method'))
        const result = request.handler(request)
        return c.json(result as object, 200, { ...extraHeaders, 'Cache-Control': 'no-store' })
      } catch (error) {
        return failureResponse(c, error, extraHeaders ?? {})
      }
    },
  )
  return api
}

async function admit(
  c: Context,
  state: SandboxState,
  apiName: ApiName,
  method: string,
): Promise<ApiRequest & { handler: NonNullable<ReturnType<typeof findMethod>> }> {
  if (c.req.method !== 'POST') {
    throw new ApiFailure('validation', 'Every method is called with POST', undefined, {
      Allow: 'POST',
    })
  }
  const handler = findMethod(apiName, method)
  if (!handler) throw new ApiFailure('not_found', `Unknown method \`${method}\``)

  // Both APIs take OAuth tokens and PATs alike (docs/PAT.md); every refusal, a PAT sent
  // as Bearer or a Basic value that is not Base64 of `<account_id>:<PAT>` included, answers as a
  // bad OAuth token does (docs/AGENT-API.md).
  const resolution = resolveCredential(state, c.req.header('Authorization'), { pat: true })
  if (!resolution.ok) throw authenticationFailure(state)
  const { caller } = resolution

  const scope = callerScope(state, caller)
  checkRegion(c, state, caller.region)
  enforceRateLimit(state, scope.world, caller.credentialId, `${apiName}/${method}`)

  const text = await c.req.text()
  let body: unknown = {}
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text)
    } catch {
      throw new ApiFailure('validation', 'Request body is not valid JSON')
    }
  }
  if (!isObject(body)) throw new ApiFailure('validation', 'Request body must be a JSON object')
  return { ...scope, body, method, handler }
}

/** 401 `authentication`; `WWW-Authenticate: Basic` only when switched on (docs/PAT.md). */
export function authenticationFailure(state: SandboxState): ApiFailure {
  const headers: Record<string, string> = state.options.wwwAuthenticateBasic
    ? { 'WWW-Authenticate': 'Basic realm="LiveChat"' }
    : {}
  return new ApiFailure('authentication', 'Invalid access token', undefined, headers)
}

/**
 * docs/AGENT-API.md: `X-Region`, when sent, names the region the caller meant, so a retry with
 * `X-Region: <data.region>` succeeds whatever the token's prefix. Without the header the
 * token's prefix decides; a PAT has none, so it is never misdirected (docs/PAT.md).
 */
function checkRegion(c: Context, state: SandboxState, tokenRegion: string | null): void {
  const served = state.options.apiRegion
  const header = c.req.header('X-Region')?.trim()
  const asked = header ? header : (tokenRegion ?? served)
  if (asked !== served)
    throw new ApiFailure('misdirected_request', 'Wrong region', { region: served })
}

function failureResponse(
  c: Context,
  error: unknown,
  extraHeaders: Record<string, string>,
): Response {
  const failure =
    error instanceof ApiFailure ? error : new ApiFailure('internal', 'Internal server error')
  if (!(error instanceof ApiFailure)) console.error('sandbox agent API:', error)
  const status = c.req.method !== 'POST' && failure.type === 'validation' ? 405 : failure.status
  return new Response(JSON.stringify(errorBody(failure.type, failure.message, failure.data)), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=UTF-8',
      'Cache-Control': 'no-store',
      ...extraHeaders,
      ...failure.headers,
    },
  })
}
