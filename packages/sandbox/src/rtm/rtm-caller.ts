// Who an RTM `login` or `update_session` token belongs to: the same credential resolver as every
// HTTP API, Bearer or Basic (PAT).
import { ApiFailure } from '../api/errors'
import { invalid } from '../api/params'
import type { Caller } from '../credentials/caller'
import { resolveCredential } from '../credentials/resolve-credential'
import type { HubServices } from './hub-services'

/** Resolves `token` as an Authorization value; the same failure for every refusal. */
export function callerFromToken(hub: HubServices, token: unknown): Caller {
  if (typeof token !== 'string' || token === '') invalid('`token` is required', 'token')
  const resolution = resolveCredential(hub.state, token, { pat: true })
  if (!resolution.ok) throw new ApiFailure('authentication', 'Invalid access token')
  return resolution.caller
}
