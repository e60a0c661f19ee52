// The behaviours LiveChat's docs leave open, each a switch with a default and the reason for it.
// One table (OPTION_SPECS) holds the default, the unknown it stands for (docs/UNKNOWNS.md) and a
// sentence on the LiveChat behaviour; DEFAULT_OPTIONS, `--help` and the README derive from it.

export type Region = 'dal' | 'fra' | 'fra-a' | 'fra-b'

export interface SandboxOptions {
  tokenRegion: Region
  apiRegion: Region
  tokenLifetime: number
  codeLifetime: number
  echoStateInData: boolean
  scopeField: 'scopes' | 'scope'
  postMessageTarget: 'redirect_uri' | '*'
  tooManyRedirectsException: string
  popupRedirectUriException: string
  unknownScopeException: 'invalid_scope' | 'access_denied'
  popupDenyBehaviour: 'post' | 'stay'
  organizationWithoutId: 'session' | 'ask' | 'default'
  organizationIdMovesSession: boolean
  foreignOrganizationId: 'access_denied' | 'ignore'
  redirectLimit: number
  redirectWindowSeconds: number
  tokenCap: number
  apiRateLimit: number
  apiRateLimitWindowSeconds: number
  groupZeroIsEveryone: boolean
  patTokenPrefix: string
  patLifetime: number
  patAccountsMeNeedsScope: boolean
  wwwAuthenticateBasic: boolean
  requireOrganizationId: boolean
  rtmPreLoginPing: 'respond' | 'ignore' | 'error'
  rtmLoginTimeoutMs: number
  rtmIdleTimeoutMs: number
  rtmDisconnectCloseDelayMs: number
  rtmDisconnectCloseCode: number
  rtmMaxConnectionsPerAgent: number
  rtmConnectionLimitPolicy: 'refuse' | 'evict-oldest'
  rtmPendingRequestsLimit: number
  rtmRequestTimeoutMs: number
  pushBeforeResponse: boolean
  rtmBroadcastAllChatPushesToGroup: boolean
  rtmStrictFrames: boolean
  rtmMaxBufferedBytes: number
  autopilot: boolean
  autopilotReplyDelayMs: number
  autopilotNewChatEveryMs: number
}

export interface OptionSpec<T> {
  default: T
  /** The values a string option takes; any string when absent. */
  values?: readonly T[]
  /** The id of the unknown in docs/UNKNOWNS.md this option stands for, if any. */
  unknown?: string
  /** The LiveChat behaviour it stands for and why the default. */
  about: string
}

type OptionSpecs = { [K in keyof SandboxOptions]: OptionSpec<SandboxOptions[K]> }

export const OPTION_SPECS: OptionSpecs = {
  tokenRegion: {
    default: 'dal',
    values: ['dal', 'fra', 'fra-a', 'fra-b'],
    about: 'Prefix of new access tokens and codes (`dal:…`), the data centre that issued them.',
  },
  apiRegion: {
    default: 'dal',
    values: ['dal', 'fra', 'fra-a', 'fra-b'],
    about:
      'Region the agent API serves; a token or X-Region of another one gets misdirected_request.',
  },
  tokenLifetime: {
    default: 28800,
    about: 'Access token lifetime in seconds: 8 hours, as LiveChat documents.',
  },
  codeLifetime: {
    default: 300,
    unknown: 'A1',
    about: 'Authorization code lifetime in seconds; the docs say only "a few minutes".',
  },
  echoStateInData: {
    default: true,
    unknown: 'A2',
    about:
      "Echo `state` inside the popup/iframe message's `data` too; the SDK's verify() reads it.",
  },
  scopeField: {
    default: 'scopes',
    values: ['scopes', 'scope'],
    unknown: 'A3',
    about:
      'Popup/iframe payload carries `scopes` (array, what the server historically sent) or `scope`.',
  },
  postMessageTarget: {
    default: 'redirect_uri',
    values: ['redirect_uri', '*'],
    unknown: 'A4',
    about:
      "targetOrigin of the popup/iframe postMessage: the validated redirect_uri's origin, or `*`.",
  },
  tooManyRedirectsException: {
    default: 'invalid_request',
    unknown: 'A5',
    about: 'oauth_exception paired with too_many_redirects (the docs name only the detail).',
  },
  popupRedirectUriException: {
    default: 'invalid_request',
    unknown: 'A6',
    about:
      'oauth_exception for a redirect_uri not on the whitelist in popup mode (the SDK says invalid_request).',
  },
  unknownScopeException: {
    default: 'invalid_scope',
    values: ['invalid_scope', 'access_denied'],
    unknown: 'A7',
    about: "Error for a scope outside the client's set; the docs allow both.",
  },
  popupDenyBehaviour: {
    default: 'post',
    values: ['post', 'stay'],
    unknown: 'A8',
    about:
      'A denied consent in a popup posts access_denied and closes (`post`), or stays on an accounts page (`stay`).',
  },
  organizationWithoutId: {
    default: 'session',
    values: ['session', 'ask', 'default'],
    unknown: 'O1',
    about:
      'An account of several organizations authorizing without organization_id gets the organization its accounts session is in, chosen on the Choose an organization page the first time (`session`); the page every time (`ask`); or its default organization, never asked (`default`).',
  },
  organizationIdMovesSession: {
    default: true,
    unknown: 'O2',
    about:
      'A token issued for an organization_id moves the accounts session to that organization, so later requests without one (a silent sign-in after a reload) get it too.',
  },
  foreignOrganizationId: {
    default: 'access_denied',
    values: ['access_denied', 'ignore'],
    unknown: 'O3',
    about:
      'An organization_id the account is not a member of is refused with access_denied, or ignored as if none was sent.',
  },
  redirectLimit: {
    default: 3,
    about: 'Authorize redirects per (client, account) in the window before too_many_redirects.',
  },
  redirectWindowSeconds: {
    default: 30,
    about: 'The window of redirectLimit, in seconds ("3 redirects per 30 seconds").',
  },
  tokenCap: {
    default: 25,
    about: 'Live access and refresh tokens per (client, account); the oldest is revoked past it.',
  },
  apiRateLimit: {
    default: 0,
    unknown: 'U10',
    about:
      'Agent API requests per token and method in the window before 429; 0 turns it off (LiveChat publishes no numbers).',
  },
  apiRateLimitWindowSeconds: {
    default: 60,
    unknown: 'U10',
    about: 'The window of apiRateLimit, in seconds.',
  },
  groupZeroIsEveryone: {
    default: false,
    unknown: 'G1',
    about:
      'Chats of group 0 (General) visible to every agent with chats--access; by default only its members see them.',
  },
  patTokenPrefix: {
    default: '',
    unknown: 'P1',
    about: 'Prefix of new personal access tokens; their format is not documented.',
  },
  patLifetime: {
    default: 0,
    unknown: 'P2',
    about: 'Personal access token lifetime in seconds; 0 = never expires (no doc gives one).',
  },
  patAccountsMeNeedsScope: {
    default: false,
    unknown: 'P3',
    about:
      'GET /v2/accounts/me with a PAT needs accounts--my:ro on it; the Global Accounts API lists no scope for PATs there.',
  },
  wwwAuthenticateBasic: {
    default: false,
    unknown: 'P4',
    about:
      'Send `WWW-Authenticate: Basic` with 401s; off, since a browser would show its own password prompt.',
  },
  requireOrganizationId: {
    default: false,
    unknown: 'U1',
    about:
      "Refuse an RTM upgrade without organization_id (HTTP 400); LiveChat's JS SDK never sends it for agents.",
  },
  rtmPreLoginPing: {
    default: 'respond',
    values: ['respond', 'ignore', 'error'],
    unknown: 'U3',
    about:
      "An RTM `ping` before `login` is answered, ignored or refused; an error would stop the JS SDK's heartbeat.",
  },
  rtmLoginTimeoutMs: {
    default: 30_000,
    unknown: 'U7',
    about: 'Time to log in after an RTM socket opens, in ms (the RTM docs: 30 s).',
  },
  rtmIdleTimeoutMs: {
    default: 30_000,
    unknown: 'U7',
    about: 'Time without any frame or ping after login before connection_timeout, in ms.',
  },
  rtmDisconnectCloseDelayMs: {
    default: 50,
    unknown: 'U6',
    about: 'Delay between the agent_disconnected push and the close, in ms.',
  },
  rtmDisconnectCloseCode: {
    default: 1000,
    unknown: 'U6',
    about: 'WebSocket close code after agent_disconnected; the reason goes in the close reason.',
  },
  rtmMaxConnectionsPerAgent: {
    default: 10,
    unknown: 'U8',
    about:
      'Logged-in RTM sockets per agent; the cap exists (two disconnect reasons name it), its value is unknown.',
  },
  rtmConnectionLimitPolicy: {
    default: 'refuse',
    values: ['refuse', 'evict-oldest'],
    unknown: 'U8',
    about:
      'Past the cap, refuse the new login (too_many_connections) or evict the oldest (connection_evicted).',
  },
  rtmPendingRequestsLimit: {
    default: 10,
    unknown: 'U9',
    about: 'Unanswered requests per socket before pending_requests_limit_reached.',
  },
  rtmRequestTimeoutMs: {
    default: 15_000,
    unknown: 'U9',
    about: 'A request still unanswered after this many ms gets request_timeout.',
  },
  pushBeforeResponse: {
    default: false,
    unknown: 'U11',
    about: "Send the requester's push before its response; clients must handle both orders.",
  },
  rtmBroadcastAllChatPushesToGroup: {
    default: false,
    unknown: 'U15',
    about:
      "Member-only chat pushes (incoming_event …) also to agents with the chat's group; by default they get key changes only.",
  },
  rtmStrictFrames: {
    default: false,
    unknown: 'U21',
    about: 'Close the socket (1003) on a malformed or binary frame instead of ignoring it.',
  },
  rtmMaxBufferedBytes: {
    default: 8 * 1024 * 1024,
    about: 'A socket whose unsent output passes this many bytes is dropped (a slow consumer).',
  },
  autopilot: {
    default: false,
    about: "Simulated customers answer agents' messages and new chats arrive now and then.",
  },
  autopilotReplyDelayMs: {
    default: 2_500,
    about: "How long a simulated customer takes to answer an agent's message, in ms.",
  },
  autopilotNewChatEveryMs: {
    default: 45_000,
    about: 'How often a new simulated customer starts a chat, in ms; 0 = never.',
  },
}

function defaultsOf(specs: OptionSpecs): SandboxOptions {
  const entries = Object.entries(specs).map(([name, spec]) => [name, spec.default])
  return Object.fromEntries(entries) as unknown as SandboxOptions
}

export const DEFAULT_OPTIONS: Readonly<SandboxOptions> = Object.freeze(defaultsOf(OPTION_SPECS))

export function isOptionName(name: string): name is keyof SandboxOptions {
  return Object.hasOwn(OPTION_SPECS, name)
}
