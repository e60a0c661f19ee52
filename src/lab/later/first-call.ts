// The lab's own first data call with a fresh session, timed by the lab itself: the Agent Chat
// API's list_chats (the workspace's first data, and the bench's), or the agent's own account when
// the run asked for no chat scope. The credential goes into the request and nowhere else.
import { authorizationOf, credentialRegion, type Credential } from 'livechat-browser-auth'
import type { AppConfig } from '../../config/env'
import { epochNow } from '../model/epoch'
import type { RunExchange, RunStep } from '../model/run-model'

/** The Agent API version the app's client speaks (the auth package's API_VERSION). */
const LIST_CHATS = '/v3.6/agent/action/list_chats'
const ACCOUNT = '/v2/accounts/me'

export interface FirstCall {
  step: RunStep
  exchange: RunExchange
}

export async function firstCall(
  config: AppConfig,
  credential: Credential,
  canListChats: boolean,
): Promise<FirstCall> {
  const origin = canListChats ? config.apiUrl : config.accountsUrl
  const path = canListChats ? LIST_CHATS : ACCOUNT
  const headers: Record<string, string> = { Authorization: authorizationOf(credential) }
  const region = credentialRegion(credential)
  if (canListChats) headers['Content-Type'] = 'application/json'
  if (canListChats && region) headers['X-Region'] = region
  const method = canListChats ? 'POST' : 'GET'
  const start = epochNow()
  const exchange: RunExchange = {
    method,
    origin,
    path,
    start,
    end: null,
    firstByte: null,
    source: 'lab',
  }
  const label = `First API call (${method} ${path})`
  try {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers,
      ...(canListChats ? { body: '{}' } : {}),
    })
    const firstByte = epochNow()
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
    const end = epochNow()
    const rows: [string, string][] = [['HTTP status', String(response.status)]]
    if (canListChats && Array.isArray(body['chats_summary']))
      rows.push(['chats', String(body['chats_summary'].length)])
    if (!canListChats) rows.push(['name', typeof body['name'] === 'string' ? body['name'] : '—'])
    return {
      step: { kind: 'first-api-call', label, at: end, ok: response.ok, rows },
      exchange: { ...exchange, firstByte, end, status: response.status },
    }
  } catch {
    const end = epochNow()
    return {
      step: { kind: 'first-api-call', label, at: end, ok: false, note: 'Network error' },
      exchange,
    }
  }
}
