// Query keys carry the API version and whose data it is, never the token (issue 4; style rule 6).
import { describe, expect, it } from 'vitest'
import { accountQueries } from '../../../src/api/accounts'
import { agentQueries } from '../../../src/api/agents'
import { API_VERSION, createApiClient } from 'livechat-browser-auth'
import { archiveQueries } from '../../../src/api/archives'
import { chatQueries } from '../../../src/api/chats'
import { customerQueries } from '../../../src/api/customers'
import { groupQueries } from '../../../src/api/groups'
import { routingQueries } from '../../../src/api/routing-statuses'
import { sandboxConfig } from '../../support/app-config'

const token = 'dal:SECRET_TOKEN_VALUE_123'
const credential = { scheme: 'Bearer', value: token } as const
const api = createApiClient(sandboxConfig, credential, {
  organizationId: 'org-1',
  accountId: 'acc-1',
})
const other = createApiClient(sandboxConfig, credential, {
  organizationId: 'org-1',
  accountId: 'acc-2',
})

const keys = (client: typeof api) => [
  accountQueries.me(client).queryKey,
  agentQueries.detail(client, 'nina@acme.test').queryKey,
  agentQueries.list(client).queryKey,
  groupQueries.list(client).queryKey,
  routingQueries.list(client).queryKey,
  chatQueries.list(client, { active: true }).queryKey,
  chatQueries.detail(client, 'PJ0MRSHTDG').queryKey,
  archiveQueries.list(client, { query: 'refund' }).queryKey,
  customerQueries.detail(client, 'b7eff798').queryKey,
]

describe('query keys', () => {
  it('start with the API version, organization and account, and never contain the token', () => {
    for (const key of keys(api)) {
      expect(key.slice(0, 4)).toEqual(['livechat', `v${API_VERSION}`, 'org-1', 'acc-1'])
      expect(JSON.stringify(key)).not.toContain('SECRET_TOKEN')
    }
  })

  it('differ per account, so one agent never reads another agent’s cache', () => {
    const mine = keys(api).map((key) => JSON.stringify(key))
    for (const key of keys(other)) expect(mine).not.toContain(JSON.stringify(key))
  })

  it('carry the request parameters', () => {
    expect(archiveQueries.list(api, { query: 'a' }).queryKey).not.toEqual(
      archiveQueries.list(api, { query: 'b' }).queryKey,
    )
    expect(chatQueries.detail(api, 'A', 'T1').queryKey).not.toEqual(
      chatQueries.detail(api, 'A').queryKey,
    )
  })
})
