// /sandbox/rtm/*: see and cut the live RTM sockets (issue 11's contract). `disconnect` sends
// `agent_disconnected {reason}` then closes, as LiveChat does (U6); `drop` closes without a
// word, like a network failure. Reference: docs/RTM.md "Control API".
import { Hono } from 'hono'
import { findPatByToken } from '../credentials/pat-store'
import type { RtmHub } from '../rtm/hub'
import type { ConnectionFilter } from '../rtm/hub-services'
import { DISCONNECT_REASONS, isDisconnectReason } from '../rtm/disconnect-reasons'
import type { SandboxState } from '../state'
import { ControlError, readInput, reply, replyError, stringField } from './control-input'

export function rtmRoutes(state: SandboxState, rtm: RtmHub): Hono {
  const routes = new Hono()

  routes.get('/rtm/connections', (c) => c.json({ connections: rtm.describe() }))

  routes.post('/rtm/disconnect', async (c) => {
    const input = await readInput(c)
    try {
      const reason = stringField(input.data, 'reason')
      if (!isDisconnectReason(reason))
        throw new ControlError(`reason must be one of: ${DISCONNECT_REASONS.join(', ')}`)
      const region = stringField(input.data, 'region') ?? state.options.apiRegion
      const data = reason === 'misdirected_connection' ? { region } : undefined
      const count = rtm.disconnect(selection(state, input.data), reason, data)
      return reply(c, input, { disconnected: count }, `Sent ${reason} to ${count} socket(s)`)
    } catch (error) {
      return replyError(c, input, error)
    }
  })

  routes.post('/rtm/drop', async (c) => {
    const input = await readInput(c)
    try {
      const count = rtm.drop(selection(state, input.data))
      return reply(c, input, { dropped: count }, `Dropped ${count} socket(s)`)
    } catch (error) {
      return replyError(c, input, error)
    }
  })

  return routes
}

/**
 * `email` (a person's agent id), `organization_id` and/or `token` (an access token or a PAT);
 * none = every socket.
 */
function selection(state: SandboxState, data: Record<string, unknown>): ConnectionFilter {
  const filter: ConnectionFilter = {}
  const email = stringField(data, 'email')
  if (email !== undefined) {
    if (!state.directory.personByEmail(email))
      throw new ControlError('email must be one of the sandbox people')
    filter.email = email
  }
  const organizationId = stringField(data, 'organization_id')
  if (organizationId !== undefined) {
    if (!state.directory.organization(organizationId))
      throw new ControlError('organization_id must be one of the sandbox organizations')
    filter.organizationId = organizationId
  }
  const token = stringField(data, 'token')
  if (token !== undefined) {
    const credentialId = state.tokens.accessTokens.has(token)
      ? token
      : findPatByToken(state, token)?.id
    if (!credentialId) throw new ControlError('unknown token', 404)
    filter.credentialId = credentialId
  }
  return filter
}
