// Where a page lands in another organization, by the scopes each page declares (its module
// exports them; the route table, workspace-routes.tsx, guards the page with the same list).
import { missingScopes } from 'livechat-browser-auth'
import { paths } from '../../config/paths'
import { archivesPageScopes } from '../../pages/archives-page'
import { chatsPageScopes } from '../../pages/chats-page'
import { customerPageScopes } from '../../pages/customer-page'
import { homePageScopes } from '../../pages/home-page'
import { supervisorPageScopes } from '../../pages/supervisor-page'
import { teamPageScopes } from '../../pages/team-page'

/** The scopes of the page at a path's first segment, as its route guards it. */
const PAGE_SCOPES: Record<string, readonly string[]> = {
  '': homePageScopes,
  chats: chatsPageScopes,
  archives: archivesPageScopes,
  customers: customerPageScopes,
  team: teamPageScopes,
  supervisor: supervisorPageScopes,
}

/**
 * Where the page at `pathname` lands in another organization
 * (docs/decisions/012-switching-organizations.md): the same page, but a chat or a customer is the
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
