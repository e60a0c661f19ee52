// Pieces for the live workspace's real-browser tests: the three-pane screen's landmarks, the
// header's connection status, and the sandbox's customer simulator and socket controls
// (packages/sandbox/README.md: POST /sandbox/customer/…, GET /sandbox/rtm/connections, POST
// /sandbox/rtm/…).
import type { Page } from '@playwright/test'
import { expect, sandboxControl } from './fixtures'

/** The chat list: the left pane of /chats and /chats/:chatId. */
export const chatList = (page: Page) => page.getByRole('navigation', { name: 'Chats' })

/** The conversation's message log. */
export const conversation = (page: Page) => page.getByRole('log', { name: 'Conversation' })

/** The header's connection status: "Live", "Reconnecting…", "Offline" (or "Connecting…"). */
export const liveStatus = (page: Page) => page.getByRole('banner').getByRole('status')

/** The group names the chat list shows (each row's meta line starts with them). */
export async function chatListGroups(page: Page): Promise<string[]> {
  const list = chatList(page)
  await expect(list.getByRole('link').first()).toBeVisible({ timeout: 10_000 })
  const metas = await list.locator('a[data-chat-id] .muted').allTextContents()
  return [
    ...new Set(metas.flatMap((meta) => (meta.split(' · ')[0] ?? '').split(', ')).filter(Boolean)),
  ].sort()
}

export interface RtmConnection {
  id: string
  email: string | null
  logged_in: boolean
  credential: string | null
  /** The organization the socket was opened for (its URL's `organization_id`). */
  organization_id: string
}

/** The sandbox's live RTM sockets, optionally of one person. */
export async function rtmConnections(email?: string): Promise<RtmConnection[]> {
  const { connections } = (await sandboxControl('/rtm/connections', undefined, 'GET')) as {
    connections: RtmConnection[]
  }
  return email === undefined ? connections : connections.filter((c) => c.email === email)
}

/** The customer simulator: `chat`, `message`, `typing`, `leave`. */
export function customer<T = Record<string, unknown>>(
  action: 'chat' | 'message' | 'typing' | 'leave',
  body: object,
): Promise<T> {
  return sandboxControl(`/customer/${action}`, body) as Promise<T>
}
