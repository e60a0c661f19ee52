// LiveChat scopes: parsing what the server reports, and deciding whether granted scopes cover a
// required one with LiveChat's implication rules (livechat-auth-protocol.md §7, agent-api §2).
// Pure, so the rules are table-tested.

/** Control characters (C0, DEL, C1): a scope containing one makes the whole list suspect. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/**
 * Reads a scope list: a string separated by commas and/or spaces (LiveChat sends commas), or an
 * array of such strings (the popup payload). Deduplicated, order kept. Null when the value is
 * not a string or array, or any entry is not a string or holds a control character: tabs and
 * newlines are not separators, they mean someone tampered with the list (catalogue A.20).
 */
export function parseScopes(value: unknown): string[] | null {
  const parts: unknown[] = Array.isArray(value) ? value : [value]
  const scopes = new Set<string>()
  for (const part of parts) {
    if (typeof part !== 'string' || CONTROL.test(part)) return null
    for (const scope of part.split(/[ ,]+/)) if (scope !== '') scopes.add(scope)
  }
  return [...scopes]
}

interface ParsedScope {
  /** `chats`, `chats.conversation`, `agents-bot`, `customers`… */
  resource: string
  /** `my`, `access`, `groups`, `all`, or null when the scope has no reach (`customers:ro`). */
  reach: string | null
  /** `ro`, `rw`, `rc` or `own`. */
  access: string
}

const SCOPE = /^([a-z_]+(?:\.[a-z_]+)*(?:-[a-z_]+)?)(?:--(my|access|groups|all))?:(ro|rw|rc|own)$/

function parseScope(scope: string): ParsedScope | null {
  const match = SCOPE.exec(scope)
  if (!match) return null
  return { resource: match[1] as string, reach: match[2] ?? null, access: match[3] as string }
}

/**
 * Which reaches each reach includes. `all` ⊇ `access` ⊇ `my` (§7). `groups` (tags, canned
 * responses) is a reach of its own that only `all` includes: no resource has both `groups` and
 * `my`/`access` variants, so nothing is lost by not relating them.
 */
const REACH_INCLUDES: Record<string, readonly string[]> = {
  all: ['all', 'access', 'my', 'groups'],
  access: ['access', 'my'],
  my: ['my'],
  groups: ['groups'],
}

/**
 * Which access levels each level includes. `rw` ⊇ `ro` is documented; `rc` (read/create) reads
 * too, and we take `rw` to include create (INFER). `own` is separate (customer identities).
 */
const ACCESS_INCLUDES: Record<string, readonly string[]> = {
  rw: ['rw', 'rc', 'ro'],
  rc: ['rc', 'ro'],
  ro: ['ro'],
  own: ['own'],
}

/**
 * The chat parts (§7): `chats--X:A` covers the conversation with the same access, and
 * `chats.conversation--X:rw` covers the chat metadata read-only.
 */
function withChatParts(scope: ParsedScope): ParsedScope[] {
  if (scope.resource === 'chats') return [scope, { ...scope, resource: 'chats.conversation' }]
  if (scope.resource === 'chats.conversation' && scope.access === 'rw') {
    return [scope, { ...scope, resource: 'chats', access: 'ro' }]
  }
  return [scope]
}

function covers(held: ParsedScope, wanted: ParsedScope): boolean {
  if (held.resource !== wanted.resource) return false
  const reachOk =
    held.reach === wanted.reach ||
    (held.reach !== null &&
      wanted.reach !== null &&
      (REACH_INCLUDES[held.reach]?.includes(wanted.reach) ?? false))
  return reachOk && (ACCESS_INCLUDES[held.access]?.includes(wanted.access) ?? false)
}

/** Whether the granted scopes include `required`, directly or by LiveChat's implication rules. */
export function scopeSatisfies(granted: readonly string[], required: string): boolean {
  if (granted.includes(required)) return true
  const wanted = parseScope(required)
  if (!wanted) return false
  return granted.some((scope) => {
    const held = parseScope(scope)
    return held !== null && withChatParts(held).some((part) => covers(part, wanted))
  })
}

/** The required scopes the granted ones do not cover, deduplicated, in the order asked. */
export function missingScopes(granted: readonly string[], required: readonly string[]): string[] {
  return [...new Set(required)].filter((scope) => !scopeSatisfies(granted, scope))
}

// Meanings from livechat-auth-protocol.md §7, in words an agent understands.
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
