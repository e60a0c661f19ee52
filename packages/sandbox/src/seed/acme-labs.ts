// The default world's second organization, Acme Labs: Acme's test license, as LiveChat's Help
// Center pictures one email in a production and a test organization (docs/ACCOUNTS.md,
// "Organizations"). Its own groups, agents, customers and chats; of the sign-in page's personas
// only Maya Partner belongs to it (her Acme Support membership is in identity.ts).
import type { ChatSpec } from './chats'
import type { CustomerSeed } from './customers'
import { MAYA, type GroupSeed, type Organization, type Person } from './identity'
import type { WorldSeed } from './world-seed'

export const ACME_LABS: Organization = {
  id: '8e4c2a19-7b3d-4f5e-a1c6-0d9b8f7e6a5c',
  name: 'Acme Labs',
  licenseId: '104130777',
}

const GROUPS: GroupSeed[] = [
  { id: 0, name: 'General', languageCode: 'en' },
  { id: 1, name: 'QA', languageCode: 'en' },
]

const LEO = 'leo@labs.acme.test'
const QUINN = 'quinn@labs.acme.test'

/** Maya in Acme Labs: a normal agent of both groups. The others have no sign-in button. */
const PEOPLE: Person[] = [
  {
    accountId: '6f3c9e2a-8b4d-4a1e-b5c7-1d2e3f4a5b6c',
    email: LEO,
    name: 'Leo Lead',
    role: 'owner',
    groupIds: [0, 1],
    jobTitle: 'Head of QA',
    persona: false,
    createdAt: '2024-03-04T09:00:00.000000Z',
  },
  {
    accountId: '7a4d0f3b-9c5e-4b2f-86d8-2e3f4a5b6c7d',
    email: QUINN,
    name: 'Quinn Tester',
    role: 'normal',
    groupIds: [1],
    jobTitle: 'QA Engineer',
    persona: false,
    createdAt: '2024-09-09T09:00:00.000000Z',
  },
  { ...MAYA, groupIds: [0, 1], jobTitle: 'QA Partner' },
]

const LAB_TESTER = '2c7e9a41-5d3b-4e6f-9a8c-7b1d0e2f3a4b'
const BETA_VISITOR = '4e9a1c63-7f5d-4a8b-8c0e-9d3f2a4b5c6d'

const CUSTOMERS: CustomerSeed[] = [
  {
    id: LAB_TESTER,
    name: 'Lab Tester',
    email: 'lab.tester@example.org',
    country: 'Netherlands',
    countryCode: 'NL',
    region: 'North Holland',
    city: 'Amsterdam',
    timezone: 'Europe/Amsterdam',
  },
  { id: BETA_VISITOR, name: 'Beta Visitor', email: 'beta.visitor@example.org' },
]

const CHATS: ChatSpec[] = [
  {
    group: 0,
    customer: LAB_TESTER,
    active: true,
    threads: [
      {
        hoursAgo: 0.3,
        agents: [MAYA.email],
        lines: [
          { c: 'Build 4.2 of the test widget crashes when I upload a CSV.' },
          { a: 'Thanks for testing! Which browser are you on?' },
          { c: 'Firefox on Linux, the latest one.' },
        ],
      },
    ],
  },
  {
    group: 1,
    customer: BETA_VISITOR,
    active: true,
    queued: true,
    threads: [{ hoursAgo: 0.1, agents: [], lines: [{ c: 'Is the beta feedback form open?' }] }],
  },
  {
    group: 1,
    customer: LAB_TESTER,
    threads: [
      {
        hoursAgo: 300,
        agents: [QUINN],
        lines: [{ c: 'The staging login page is blank.' }, { a: 'Fixed in build 4.1.' }],
      },
      {
        hoursAgo: 48,
        agents: [LEO],
        lines: [{ c: 'Can I join the next beta?' }, { a: 'You are on the list.' }],
        archived: 'agent',
      },
    ],
  },
]

export const ACME_LABS_SEED: WorldSeed = {
  organization: ACME_LABS,
  groups: GROUPS,
  people: PEOPLE,
  bots: [],
  customers: CUSTOMERS,
  chats: CHATS,
  // Not Acme Support's seed: chat and thread ids differ between the two organizations.
  idSeed: 20251206,
}
