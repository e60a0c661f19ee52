// Scope strings on the accounts side: parsing the `scope` request parameter and the plain-words
// meaning shown on the consent page. The implication rules live in ../scope-rules (shared with
// the agent API).

/** `scope` is documented as comma-separated; the SDK README's own example uses spaces, so accept both. */
export function parseScopeParam(value: string): string[] {
  return [...new Set(value.split(/[\s,]+/).filter(Boolean))]
}

/** Consent-page wording, from the "Meaning" column of docs/ACCOUNTS.md */
const MEANINGS: Record<string, string> = {
  'accounts--my:ro': 'Read your account details (name, email)',
  'accounts--my:rw': 'Change your account details',
  'accounts--all:ro': 'Read all accounts in your organization',
  'accounts.roles--all:ro': 'Read the roles of accounts in your organization',
  'sessions--my:ro': 'See where you are signed in',
  'sessions--my:rw': 'See and end your sign-in sessions (sign you out)',
  'agents--my:ro': 'Read your agent profile',
  'agents--my:rw': 'Read and change your agent profile, including your routing status',
  'agents--all:ro': "Read all agents' profiles",
  'agents--all:rw': "Change all agents' profiles",
  'groups--my:ro': 'Read your groups',
  'groups--all:ro': 'Read all groups',
  'chats--my:ro': 'Read chats you are in',
  'chats--my:rw': 'Read and write chats you are in',
  'chats--access:ro': 'Read chats in the groups you can access',
  'chats--access:rw': 'Read and write chats in the groups you can access',
  'chats--all:ro': 'Read every chat in the license (administrators)',
  'chats--all:rw': 'Read and write every chat in the license (administrators)',
  'chats.conversation--my:rw': 'Send messages in chats you are in',
  'chats.conversation--access:rw': 'Send messages in chats of the groups you can access',
  'chats.conversation--all:rw': 'Send messages in every chat (administrators)',
  'customers:ro': 'Read customers',
  'customers:rw': 'Read and change customers',
  'customers.ban:rw': 'Ban customers',
  'tags--groups:ro': 'Read tags in your groups',
  'organization--my:rw': 'Change your organization settings (owners)',
}

export function scopeMeaning(scope: string): string {
  return MEANINGS[scope] ?? 'Access described by this scope name'
}
