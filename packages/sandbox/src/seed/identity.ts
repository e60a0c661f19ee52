// Who exists in the default world's first organization, Acme Support: the organization
// (license), its groups, the people who can sign in. Kept apart from chat data so the accounts
// server and the agent API share one truth; a world file (`--world`) replaces them
// (config/world-file.ts). The second organization, Acme Labs, is in acme-labs.ts.

export interface Organization {
  id: string
  name: string
  /** The LiveChat license number, as a string of digits. */
  licenseId: string
}

export const ORGANIZATION: Organization = {
  id: '7a1e4c52-3b8d-4f6a-9c2e-5d0b8f1a2c3e',
  name: 'Acme Support',
  licenseId: '104130623',
}

/** The scopes every normal agent can hold: the app's default scopes (docs/sign-in.md#configuration). */
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

/** LiveChat role of an account. Owner and administrator hold administrator scopes. */
export type LiveChatRole = 'owner' | 'administrator' | 'normal'

/**
 * A person as a member of one organization: the account (id, email, name) is the same in every
 * organization it belongs to; the role, groups and job title are the membership's.
 */
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

/** Maya Partner, an agency's agent working for two licenses: her Acme Support membership. */
export const MAYA: Person = {
  accountId: '5a2b8d4f-6e7c-4b1a-9f3d-4c5e6f708192',
  email: 'maya@partner.test',
  name: 'Maya Partner',
  role: 'normal',
  groupIds: [0],
  jobTitle: 'Partner Agent',
  persona: true,
  createdAt: '2025-06-02T09:00:00.000000Z',
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
  MAYA,
]

export interface GroupSeed {
  id: number
  name: string
  languageCode: string
}

export const GROUPS: GroupSeed[] = [
  { id: 0, name: 'General', languageCode: 'en' },
  { id: 1, name: 'Sales', languageCode: 'en' },
  { id: 2, name: 'Support', languageCode: 'en' },
]
