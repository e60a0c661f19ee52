// /sandbox/redirect-uris: the app client's redirect URI whitelist, so a developer can point
// their own app (another port, another path) at the sandbox (issue 13). Entries come from the
// seed, from SANDBOX_REDIRECT_URIS at start and from here; a reset keeps the first two.
import { Hono, type Context } from 'hono'
import { configuredRedirectUriProblem } from '../accounts/redirect-uri'
import { CLIENT_ID } from '../seed/clients'
import type { SandboxState } from '../state'
import {
  ControlError,
  readInput,
  reply,
  replyError,
  stringField,
  type ControlInput,
} from './control-input'

export function redirectUriRoutes(state: SandboxState): Hono {
  const routes = new Hono()

  routes.get('/redirect-uris', (c) => c.json(listRedirectUris(state)))

  routes.post('/redirect-uris', async (c) => {
    const input = await readInput(c)
    try {
      const uri = uriField(input.data)
      const problem = configuredRedirectUriProblem(uri)
      if (problem) throw new ControlError(`Not a valid redirect URI: ${problem}`)
      if (!listRedirectUris(state).redirect_uris.some((entry) => entry.uri === uri))
        state.clients.extraRedirectUris.push({ uri, source: 'control' })
      return reply(c, input, listRedirectUris(state), `Redirect URI ${uri} added`)
    } catch (error) {
      return replyError(c, input, error)
    }
  })

  const remove = (c: Context, input: ControlInput) => {
    try {
      const uri = uriField(input.data)
      const index = state.clients.extraRedirectUris.findIndex(
        (entry) => entry.uri === uri && entry.source === 'control',
      )
      if (index < 0)
        throw new ControlError(`${uri} was not added here (seed and start-up URIs stay)`, 404)
      state.clients.extraRedirectUris.splice(index, 1)
      return reply(c, input, listRedirectUris(state), `Redirect URI ${uri} removed`)
    } catch (error) {
      return replyError(c, input, error)
    }
  }
  routes.delete('/redirect-uris', async (c) => remove(c, await readInput(c)))
  // HTML forms cannot send DELETE.
  routes.post('/redirect-uris/remove', async (c) => remove(c, await readInput(c)))

  return routes
}

export function listRedirectUris(state: SandboxState) {
  const client = state.clients.find(CLIENT_ID)
  return {
    client_id: CLIENT_ID,
    redirect_uris: [
      ...(client?.redirectUris ?? []).map((uri) => ({ uri, source: 'seed' as const })),
      ...state.clients.extraRedirectUris.map((entry) => ({ ...entry })),
    ],
  }
}

function uriField(data: Record<string, unknown>): string {
  const uri = stringField(data, 'uri')?.trim()
  if (!uri) throw new ControlError('uri is required')
  return uri
}
