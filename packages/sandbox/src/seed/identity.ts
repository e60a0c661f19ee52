// Who exists in the sandbox: one organization (license), its OAuth client, and the people who
// can sign in. Kept apart from chat data so the accounts server and the agent API share one truth.

export const ORGANIZATION = {
  id: '7a1e4c52-3b8d-4f6a-9c2e-5d0b8f1a2c3e',
  name: 'Acme Support',
  licenseId: '104130623',
} as const

/** The scopes every normal agent can hold, as architecture.md lists them for the client. */
export const AGENT_SCOPES = [
  'accounts--my:ro',
  'sessions--my:rw',
  'agents--my:rw',
  'agents--all:ro',
  'groups--all:ro',
  'chats--access:rw',
  'chats.conversation--access:rw',
  'customers:ro',
  'tags--groups:ro',
] as const

export const ADMIN_SCOPE = 'chats--all:ro'

export type ClientType = 'javascript_app' | 'server_side_app'

export interface OAuthClient {
  id: string
  name: string
  type: ClientType
  redirectUris: string[]
  scopes: string[]
  /** Private apps live in one license; consent is skipped for agents of that license (§8). */
  private: boolean
  organizationId: string
}

export const CLIENT_ID = '0123456789abcdef0123456789abcdef'

export const CLIENTS: OAuthClient[] = [
  {
    id: CLIENT_ID,
    name: 'Agent Workspace (sandbox)',
    type: 'javascript_app',
    redirectUris: [
      'http://localhost:5173',
      'http://127.0.0.1:5173',
      'http://localhost:4173',
      'http://127.0.0.1:4173',
    ],
    scopes: [...AGENT_SCOPES, ADMIN_SCOPE],
    // A public-style client so the consent page is shown on first grant, as the issue asks.
    private: false,
    organizationId: ORGANIZATION.id,
  },
  {
    // A second client: tokens issued to it let tests prove token-injection checks.
    id: 'fedcba9876543210fedcba9876543210',
    name: 'Some Other App',
    type: 'javascript_app',
    redirectUris: ['http://localhost:5173', 'http://localhost:4173'],
    scopes: [...AGENT_SCOPES],
    private: false,
    organizationId: ORGANIZATION.id,
  },
  {
    // A server-side client: `response_type=token` is not allowed for it (invalid_request).
    id: 'abcdefabcdefabcdefabcdefabcdef01',
    name: 'Server Reports',
    type: 'server_side_app',
    redirectUris: ['http://localhost:5173'],
    scopes: [...AGENT_SCOPES],
    private: true,
    organizationId: ORGANIZATION.id,
  },
  {
    // A client with no redirect URIs configured (redirect_uri_not_set).
    id: '00000000000000000000000000000000',
    name: 'Unconfigured App',
    type: 'javascript_app',
    redirectUris: [],
    scopes: [...AGENT_SCOPES],
    private: false,
    organizationId: ORGANIZATION.id,
  },
]

/** LiveChat role of an account. Owner and administrator hold administrator scopes. */
export type LiveChatRole = 'owner' | 'administrator' | 'normal'

export interface Person {
  accountId: string
  /** Agent id in the LiveChat APIs is the login email. */
  email: string
  name: string
  role: LiveChatRole
  groupIds: number[]
  jobTitle: string
  /** Shown as a button on the sandbox sign-in page. */
  persona: boolean
  createdAt: string
}

export const PEOPLE: Person[] = [
  {
    accountId: '0b7c3e9a-1f2d-4c5b-8a6e-9d0f1e2a3b4c',
    email: 'olivia@acme.test',
    name: 'Olivia Owner',
    role: 'owner',
    groupIds: [0, 1, 2],
    jobTitle: 'Head of Support',
    persona: true,
    createdAt: '2023-02-01T09:00:00.000000Z',
  },
  {
    accountId: '1c8d4f0b-2a3e-4d6c-9b7f-0e1a2b3c4d5e',
    email: 'adam@acme.test',
    name: 'Adam Admin',
    role: 'administrator',
    groupIds: [0, 1, 2],
    jobTitle: 'Support Lead',
    persona: true,
    createdAt: '2023-03-11T09:00:00.000000Z',
  },
  {
    accountId: '2d9e5a1c-3b4f-4e7d-8c0a-1f2b3c4d5e6f',
    email: 'nina@acme.test',
    name: 'Nina Agent',
    role: 'normal',
    groupIds: [0, 1],
    jobTitle: 'Sales Agent',
    persona: true,
    createdAt: '2024-01-15T09:00:00.000000Z',
  },
  {
    accountId: '3e0f6b2d-4c5a-4f8e-9d1b-2a3c4d5e6f70',
    email: 'sam@acme.test',
    name: 'Sam Support',
    role: 'normal',
    groupIds: [2],
    jobTitle: 'Support Agent',
    persona: true,
    createdAt: '2024-05-20T09:00:00.000000Z',
  },
  {
    accountId: '4f1a7c3e-5d6b-4a9f-8e2c-3b4d5e6f7081',
    email: 'ben@acme.test',
    name: 'Ben Backup',
    role: 'normal',
    groupIds: [1, 2],
    jobTitle: 'Weekend Agent',
    persona: false,
    createdAt: '2025-02-03T09:00:00.000000Z',
  },
]

export const BOT = {
  id: '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
  name: 'Acme Bot',
  avatarPath: 'cdn.livechatinc.com/avatars/bot.png',
  ownerClientId: CLIENT_ID,
  groups: [{ id: 0, priority: 'first' as const }],
}

export const GROUPS = [
  { id: 0, name: 'General', languageCode: 'en' },
  { id: 1, name: 'Sales', languageCode: 'en' },
  { id: 2, name: 'Support', languageCode: 'en' },
] as const

/**
 * The lowest role that can hold a scope (livechat-auth-protocol.md §7, "Role" column).
 * n = normal agent, a = administrator, o = owner, m = member (any account).
 */
export const SCOPE_ROLE: Record<string, 'n' | 'a' | 'o' | 'm'> = {
  'agents--my:ro': 'n',
  'agents--my:rw': 'n',
  'agents--all:ro': 'n',
  'agents--all:rw': 'a',
  'agents-bot--all:ro': 'n',
  'agents-bot--my:ro': 'a',
  'agents-bot--my:rw': 'a',
  'agents-bot--all:rw': 'a',
  'chats--my:ro': 'n',
  'chats--my:rw': 'n',
  'chats--access:ro': 'n',
  'chats--access:rw': 'n',
  'chats--all:ro': 'a',
  'chats--all:rw': 'a',
  'chats.conversation--my:rw': 'n',
  'chats.conversation--access:rw': 'n',
  'chats.conversation--all:rw': 'a',
  'customers:ro': 'n',
  'customers:rw': 'n',
  'customers.ban:rw': 'n',
  'customers:own': 'a',
  'groups--my:ro': 'n',
  'groups--all:ro': 'n',
  'groups--my:rw': 'a',
  'groups--all:rw': 'a',
  'tags--groups:ro': 'n',
  'tags--all:rw': 'a',
  'accounts--my:ro': 'm',
  'accounts--my:rw': 'm',
  'accounts--all:ro': 'm',
  'accounts.roles--all:ro': 'm',
  'sessions--my:ro': 'm',
  'sessions--my:rw': 'm',
  'organization--my:rw': 'o',
}

/** Whether a person's role can hold a scope. Unknown scopes are held by nobody. */
export function roleCanHold(role: LiveChatRole, scope: string): boolean {
  const needed = SCOPE_ROLE[scope]
  if (needed === undefined) return false
  if (needed === 'm' || needed === 'n') return true
  if (needed === 'a') return role === 'administrator' || role === 'owner'
  return role === 'owner'
}
