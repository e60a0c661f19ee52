// The organization one sign-in is for: an agent of several organizations (LiveChat's Global
// Accounts, docs/livechat-notes.md#organizations) signs in to one with the authorize request's
// `organization_id`, and the token that comes back must be for it. A pinned organization stays a
// lock: no sign-in asks for another.
import type { AuthConfig } from '../config/auth-config'
import { AuthError } from '../errors/auth-error'

/**
 * The configuration one sign-in runs with: `organizationId` sent as `organization_id` and
 * required of the token (as a pin is). Throws AuthError `wrong_organization` when the
 * configuration pins another one.
 */
export function forOrganization(config: AuthConfig, organizationId?: string | null): AuthConfig {
  if (!organizationId || organizationId === config.organizationId) return config
  if (config.organizationId !== null) throw new AuthError('wrong_organization')
  return { ...config, organizationId }
}
