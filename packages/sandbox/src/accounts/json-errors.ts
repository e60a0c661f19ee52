// Global Accounts API error bodies (docs/ACCOUNTS.md):
// `{error, error_description, sub_error?}`, plus `resource_name`/`resource_id` on 404s.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

const DESCRIPTIONS: Record<string, string> = {
  unauthorized: 'The account is not authorized.',
  access_denied: 'The resource owner or authorization server denied the request.',
  invalid_request:
    'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
  unauthorized_client: 'The client is not authorized to request a token using this method.',
  invalid_client: 'Client authentication failed.',
  invalid_grant:
    'The provided authorization grant or refresh token is invalid, expired, revoked or was issued to another client.',
  unsupported_grant_type:
    'The authorization grant type is not supported by the authorization server.',
  resource_not_found: 'The requested resource was not found.',
}

export function accountsError(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  extra: {
    sub_error?: string
    error_description?: string
    resource_name?: string
    resource_id?: string
  } = {},
): Response {
  const { error_description, ...rest } = extra
  return c.json(
    { error, error_description: error_description ?? DESCRIPTIONS[error] ?? error, ...rest },
    status,
    {
      'Cache-Control': 'no-store',
    },
  )
}

/** `Authorization: Bearer <token>`, or the documented `?code=<token>` alternative (docs/ACCOUNTS.md). */
export function presentedToken(c: Context): string | undefined {
  const header = c.req.header('Authorization')
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
  if (match?.[1]) return match[1]
  return c.req.query('code') || undefined
}
