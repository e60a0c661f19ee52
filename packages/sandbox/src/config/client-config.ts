// Clients registered at start, beside the seed's: `--client <id>=<redirect uri>[,…]` for a public
// web app, or entries of a `--config` file with their type, scopes and, for a server-side app,
// the secret that POST /v2/token then requires.
import { configuredRedirectUriProblem } from '../accounts/redirect-uri'
import { CLIENT_ID, type ClientType, type OAuthClient } from '../seed/clients'
import { ADMIN_SCOPE, AGENT_SCOPES } from '../seed/identity'
import { SCOPE_ROLE } from '../seed/scope-roles'
import { ConfigError } from './config-error'
import {
  objectAt,
  onlyKeys,
  optionalStringAt,
  stringAt,
  stringsAt,
  type JsonObject,
} from './json-shapes'

/** A client as a configuration file (or startSandbox()) describes it. */
export interface ClientEntry {
  /** The app's client id, as the Developer Console shows it. */
  id: string
  /** Shown on the consent page. Default `App <first 8 characters of the id>`. */
  name?: string
  /** `javascript_app` (public, default) or `server_side_app` (has a secret). */
  type?: ClientType
  /** Required for a server-side app: POST /v2/token checks `client_secret` against it. */
  secret?: string
  redirectUris: string[]
  /** The scopes the app may ask for. Default: the agent scopes plus `chats--all:ro`. */
  scopes?: string[]
  /** A private app skips the consent page for agents of its organization. Default false. */
  private?: boolean
}

const KEYS = ['id', 'name', 'type', 'secret', 'redirectUris', 'scopes', 'private'] as const
const TYPES: readonly ClientType[] = ['javascript_app', 'server_side_app']
const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/
const SCOPES_PAGE = 'https://platform.text.com/docs/authorization/scopes'

/** `<id>=<redirect uri>[,<redirect uri>…]`, as `--client` takes it. */
export function clientFromFlag(text: string, where: string): ClientEntry {
  const at = text.indexOf('=')
  if (at <= 0)
    throw new ConfigError(
      where,
      `"${text}" is not <client id>=<redirect uri>[,<redirect uri>…]`,
      'Write it like --client 4f3a…=http://localhost:3000 (several URIs separated by commas).',
    )
  const uris = text
    .slice(at + 1)
    .split(',')
    .map((uri) => uri.trim())
  return { id: text.slice(0, at).trim(), redirectUris: uris }
}

/** Validates one entry and gives the client the accounts server registers. */
export function resolveClient(
  value: unknown,
  where: string,
  context: { organizationId: string; taken: ReadonlySet<string> },
): OAuthClient {
  const entry: JsonObject = objectAt(
    value,
    where,
    'Describe a client as {"id", "redirectUris", …}.',
  )
  onlyKeys(entry, KEYS, where)
  const id = stringAt(entry.id, `${where}.id`, "Give the app's client id.")
  if (!ID_PATTERN.test(id))
    throw new ConfigError(
      `${where}.id`,
      `"${id}" is not a client id`,
      'Use letters, digits, "-" or "_" (LiveChat ids are 32 hex characters).',
    )
  if (context.taken.has(id))
    throw new ConfigError(
      `${where}.id`,
      `${id} is already registered`,
      id === CLIENT_ID
        ? "That is the sandbox's own client: add redirect URIs to it with --redirect-uris (SANDBOX_REDIRECT_URIS), or register your app under its own id."
        : 'Give each client its own id.',
    )
  const type = (optionalStringAt(entry.type, `${where}.type`, '') ?? 'javascript_app') as ClientType
  if (!TYPES.includes(type))
    throw new ConfigError(
      `${where}.type`,
      `"${type}" is not a client type`,
      `Use ${TYPES.join(' or ')}.`,
    )
  const secret = optionalStringAt(entry.secret, `${where}.secret`, 'Give the secret as a string.')
  if (type === 'server_side_app' && secret === undefined)
    throw new ConfigError(
      `${where}.secret`,
      'a server-side app needs a secret',
      'Add "secret": "<any string>"; POST /v2/token will require it as client_secret.',
    )
  if (type === 'javascript_app' && secret !== undefined)
    throw new ConfigError(
      `${where}.secret`,
      'a JavaScript app is public and has no secret',
      'Remove the secret, or set "type": "server_side_app".',
    )
  const redirectUris = stringsAt(
    entry.redirectUris ?? [],
    `${where}.redirectUris`,
    'List the URLs LiveChat may send the browser back to, e.g. ["http://localhost:3000"].',
  )
  if (redirectUris.length === 0)
    throw new ConfigError(
      `${where}.redirectUris`,
      'no redirect URI is given',
      'Add at least one, e.g. "http://localhost:3000".',
    )
  redirectUris.forEach((uri, index) => {
    const problem = configuredRedirectUriProblem(uri)
    if (problem)
      throw new ConfigError(
        `${where}.redirectUris[${index}]`,
        problem,
        'Use an http(s) URL without query or fragment, e.g. "http://localhost:3000".',
      )
  })
  const scopes =
    entry.scopes === undefined
      ? [...AGENT_SCOPES, ADMIN_SCOPE]
      : stringsAt(entry.scopes, `${where}.scopes`, `List LiveChat scopes (${SCOPES_PAGE}).`)
  scopes.forEach((scope, index) => {
    if (SCOPE_ROLE[scope] === undefined)
      throw new ConfigError(
        `${where}.scopes[${index}]`,
        `"${scope}" is not a scope the sandbox knows`,
        `Use scopes from ${SCOPES_PAGE}, e.g. "chats--access:rw".`,
      )
  })
  if (entry.private !== undefined && typeof entry.private !== 'boolean')
    throw new ConfigError(`${where}.private`, 'must be true or false', 'Write true or false.')
  return {
    id,
    name:
      optionalStringAt(entry.name, `${where}.name`, 'Give the name as a string.') ??
      `App ${id.slice(0, 8)}`,
    type,
    redirectUris: [...new Set(redirectUris)],
    scopes: [...new Set(scopes)],
    private: entry.private === true,
    organizationId: context.organizationId,
    ...(secret === undefined ? {} : { secret }),
  }
}
