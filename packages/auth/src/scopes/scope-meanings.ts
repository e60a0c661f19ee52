// What each LiveChat scope lets the app do, in words an agent understands. Apart from the rules
// in scopes.ts because only pages that explain access need it, not the sign-in page.
import { parseScope } from './scopes'

// Meanings from LiveChat's scope list (https://platform.text.com/docs/authorization/scopes),
// in words an agent understands.
const MEANINGS: Record<string, string> = {
  'agents--my:ro': 'Read your agent profile',
  'agents--my:rw': 'Read and change your agent profile',
  'agents--all:ro': 'See the profiles of all agents',
  'agents--all:rw': 'Change the profiles of all agents',
  'agents-bot--all:ro': 'See all bots',
  'agents-bot--my:ro': 'See your bots',
  'agents-bot--my:rw': 'Manage your bots',
  'agents-bot--all:rw': 'Delete any bot in the organization',
  'chats--my:ro': 'Read the chats you take part in',
  'chats--my:rw': 'Read and work on the chats you take part in',
  'chats--access:ro': 'Read the chats in your groups',
  'chats--access:rw': 'Read and work on the chats in your groups',
  'chats--all:ro': 'Read every chat in the organization (administrators)',
  'chats--all:rw': 'Read and work on every chat in the organization (administrators)',
  'chats.conversation--my:rw': 'Write messages in the chats you take part in',
  'chats.conversation--access:rw': 'Write messages in the chats in your groups',
  'chats.conversation--all:rw': 'Write messages in every chat (administrators)',
  'customers:ro': 'See customer details',
  'customers:rw': 'See, create and change customers',
  'customers.ban:rw': 'Ban customers',
  'customers:own': 'Own customer identities and create customer tokens',
  'multicast:rw': 'Send multicast messages to agents or customers',
  'groups--my:ro': 'See your groups',
  'groups--all:ro': 'See all groups',
  'groups--my:rw': 'Change your groups',
  'groups--all:rw': 'Change all groups',
  'tags--groups:ro': 'See the tags of your groups',
  'tags--groups:rw': 'Change the tags of your groups',
  'tags--all:ro': 'See all tags',
  'tags--all:rw': 'Change all tags',
  'canned_responses--groups:ro': 'See the canned responses of your groups',
  'canned_responses--groups:rw': 'Change the canned responses of your groups',
  'canned_responses--all:ro': 'See all canned responses',
  'canned_responses--all:rw': 'Change all canned responses',
  'accounts--my:ro': 'Read your LiveChat account (name and email)',
  'accounts--my:rw': 'Change your LiveChat account',
  'accounts--all:ro': 'See all accounts in the organization',
  'accounts--all:rc': 'Create and see accounts in the organization',
  'accounts--all:rw': 'Change all accounts in the organization',
  'accounts.roles--all:ro': 'See everyone’s roles',
  'accounts.roles--all:rw': 'Change everyone’s roles',
  'sessions--my:ro': 'See where you are signed in to LiveChat',
  'sessions--my:rw': 'Sign you out of LiveChat (this and other apps)',
  'organization--my:rw': 'Change the organization’s settings (owner)',
}

const ACCESS_WORDS: Record<string, string> = {
  ro: 'Read',
  rw: 'Read and change',
  rc: 'Read and create',
  own: 'Own',
}

const REACH_WORDS: Record<string, string> = {
  my: 'your own',
  access: 'in your groups',
  groups: 'of your groups',
  all: 'across the organization',
}

/** What a scope lets the app do, in plain words; a readable fallback for scopes we don't know. */
export function describeScope(scope: string): string {
  if (Object.hasOwn(MEANINGS, scope)) return MEANINGS[scope] as string
  const parsed = parseScope(scope)
  if (!parsed) return 'A LiveChat permission this app needs'
  const what = parsed.resource.replace(/[._-]+/g, ' ')
  const reach = parsed.reach === null ? '' : ` (${REACH_WORDS[parsed.reach]})`
  return `${ACCESS_WORDS[parsed.access]} ${what}${reach}`
}
