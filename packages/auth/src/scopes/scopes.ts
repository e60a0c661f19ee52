// LiveChat scopes: deciding whether granted scopes cover a required one with LiveChat's
// implication rules (docs/livechat-notes.md#scopes). Pure, so the rules are
// table-tested. Reading a scope list from the server is scope-list.ts.

interface ParsedScope {
  /** `chats`, `chats.conversation`, `agents-bot`, `customers`… */
  resource: string
  /** `my`, `access`, `groups`, `all`, or null when the scope has no reach (`customers:ro`). */
  reach: string | null
  /** `ro`, `rw`, `rc` or `own`. */
  access: string
}

const SCOPE = /^([a-z_]+(?:\.[a-z_]+)*(?:-[a-z_]+)?)(?:--(my|access|groups|all))?:(ro|rw|rc|own)$/

export function parseScope(scope: string): ParsedScope | null {
  const match = SCOPE.exec(scope)
  if (!match) return null
  return { resource: match[1] as string, reach: match[2] ?? null, access: match[3] as string }
}

/**
 * Which reaches each reach includes. `all` ⊇ `access` ⊇ `my`. `groups` (tags, canned
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
 * too, and we take `rw` to include create (not documented). `own` is separate (customer identities).
 */
const ACCESS_INCLUDES: Record<string, readonly string[]> = {
  rw: ['rw', 'rc', 'ro'],
  rc: ['rc', 'ro'],
  ro: ['ro'],
  own: ['own'],
}

/**
 * The chat parts: `chats--X:A` covers the conversation with the same access, and
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
