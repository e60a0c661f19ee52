// The scopes each signed-in page needs, and where a page lands in another organization. Here
// rather than beside the route table (workspace-routes.tsx, its own small chunk) so the
// workspace's shared chunk can use them without importing the route table back.
import { missingScopes } from 'livechat-browser-auth'
import { paths } from '../config/paths'

/**
 * The scopes each page needs: the route table (workspace-routes.tsx) guards each page's route
 * with its list, and reads as the app's permission map. Optional extras (group names, the
 * composer, closing a chat) are checked inside the pages.
 */
export const ROUTE_SCOPES = {
  home: ['accounts--my:ro', 'agents--my:ro'],
  chats: ['chats--access:ro'],
  customer: ['customers:ro'],
  team: ['agents--all:ro', 'groups--all:ro'],
  supervisor: ['chats--all:ro'],
} as const satisfies Record<string, readonly string[]>

/** The scopes of the page at a path's first segment, as its route guards it. */
const PAGE_SCOPES: Record<string, readonly string[]> = {
  '': ROUTE_SCOPES.home,
  chats: ROUTE_SCOPES.chats,
  archives: ROUTE_SCOPES.chats,
  customers: ROUTE_SCOPES.customer,
  team: ROUTE_SCOPES.team,
  supervisor: ROUTE_SCOPES.supervisor,
}

/**
 * Where the page at `pathname` lands in another organization
 * (docs/decisions/011-switching-organizations.md): the same page, but a chat or a customer is the
 * old organization's, so the chat list or home instead; home when `scopes` do not allow the page.
 */
export function landingIn(pathname: string, scopes: readonly string[]): string {
  const [, page = '', record] = pathname.split('/')
  const path =
    record && page === 'chats'
      ? paths.chats
      : record && page === 'customers'
        ? paths.home
        : pathname
  const needed = PAGE_SCOPES[path.split('/')[1] ?? ''] ?? []
  return missingScopes(scopes, needed).length > 0 ? paths.home : path
}
