// Shared arrangements for the workspace page tests: faults and request counts on the in-process
// sandbox, and who can see which seed chats.
import { randomUUID } from 'node:crypto'
import type { FaultRule } from 'livechat-sandbox'
import { PEOPLE } from 'livechat-sandbox'
import type { ChatRecord } from 'livechat-sandbox'
import { sandbox } from './sandbox-msw'

export const NINA = 'nina@acme.test'
export const OLIVIA = 'olivia@acme.test'
export const SAM = 'sam@acme.test'

export const agentPath = (method: string) => `/v3.6/agent/action/${method}`
export const configurationPath = (method: string) => `/v3.6/configuration/action/${method}`

/** The next `count` requests to `path` fail as described (sandbox fault injection). */
export function addFault(rule: Partial<FaultRule> & Pick<FaultRule, 'path' | 'status'>): void {
  sandbox.state.faults.push({ id: randomUUID(), remaining: 1, body: 'json', ...rule })
}

export function requestsTo(path: string): { at: number; status?: number }[] {
  return sandbox.state.requestLog.filter((entry) => entry.path === path)
}

export function person(email: string) {
  const found = PEOPLE.find((p) => p.email === email)
  if (!found) throw new Error(`no person ${email}`)
  return found
}

export function groupsOf(chat: ChatRecord): number[] {
  return chat.access.group_ids
}

/** Seed chats whose latest thread is open. */
export function activeChats(): ChatRecord[] {
  return sandbox.state.world.chats.filter((chat) => chat.threads.at(-1)?.active === true)
}

export function customerName(chat: ChatRecord): string {
  const id = chat.users.find((u) => u.type === 'customer')?.id
  const customer = sandbox.state.world.customers.find((c) => c.id === id)
  return customer?.name ?? 'Anonymous customer'
}

/** An open chat where the agent is present (so they may write to it). */
export function openChatOf(email: string): ChatRecord {
  const chat = activeChats().find((c) =>
    c.users.some((u) => u.type === 'agent' && u.id === email && u.present),
  )
  if (!chat) throw new Error(`no open chat for ${email}`)
  return chat
}
