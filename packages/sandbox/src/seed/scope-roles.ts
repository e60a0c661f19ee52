// Which role may hold which scope, from LiveChat's scope list
// (https://platform.text.com/docs/authorization/scopes): a normal agent asking for an
// administrator scope is refused, not given less.
import type { LiveChatRole } from './identity'

/**
 * The lowest role that can hold a scope (the scope list's "Role" column).
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
