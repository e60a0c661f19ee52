// Scope implication, pure, for both the accounts /v2 endpoints and the agent APIs: `rw` ⊇ `ro` (and `rc`), reach `all` ⊇ `access` ⊇
// `my` (and `all` ⊇ `groups`), and the chat parts of docs/ACCOUNTS.md:
// `chats--X:rw` covers the conversation (`chats.conversation--X:rw`), while
// `chats.conversation--X:rw` grants conversation write plus `chats--X:ro` only.

interface ParsedScope {
  resource: string
  reach: string | null
  access: string
}

export function parseScope(scope: string): ParsedScope | null {
  const match = /^([a-z_.-]+?)(?:--([a-z]+))?:([a-z]+)$/.exec(scope)
  if (!match) return null
  const [, resource = '', reach, access = ''] = match
  return { resource, reach: reach ?? null, access }
}

const REACH_COVERS: Record<string, readonly string[]> = {
  my: ['my'],
  access: ['access', 'my'],
  groups: ['groups'],
  all: ['all', 'access', 'groups', 'my'],
}

const ACCESS_COVERS: Record<string, readonly string[]> = {
  ro: ['ro'],
  rc: ['rc', 'ro'],
  rw: ['rw', 'rc', 'ro'],
  own: ['own'],
}

function reachCovers(granted: string | null, needed: string | null): boolean {
  if (granted === null || needed === null) return granted === needed
  return (REACH_COVERS[granted] ?? [granted]).includes(needed)
}

function accessCovers(granted: string, needed: string): boolean {
  return (ACCESS_COVERS[granted] ?? [granted]).includes(needed)
}

/** Whether one granted scope implies the needed one. */
export function scopeImplies(granted: string, needed: string): boolean {
  if (granted === needed) return true
  const g = parseScope(granted)
  const n = parseScope(needed)
  if (!g || !n || !reachCovers(g.reach, n.reach)) return false
  if (g.resource === n.resource) return accessCovers(g.access, n.access)
  // The whole chat covers its conversation part.
  if (g.resource === 'chats' && n.resource === 'chats.conversation')
    return accessCovers(g.access, n.access)
  // Conversation write comes with read access to the chat's metadata, nothing more.
  if (g.resource === 'chats.conversation' && n.resource === 'chats')
    return g.access === 'rw' && n.access === 'ro'
  return false
}

export function holdsScope(granted: readonly string[], needed: string): boolean {
  return granted.some((scope) => scopeImplies(scope, needed))
}

export function holdsAnyScope(granted: readonly string[], needed: readonly string[]): boolean {
  return needed.some((scope) => holdsScope(granted, scope))
}
