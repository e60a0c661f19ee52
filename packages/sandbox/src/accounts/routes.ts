// accounts.livechat.com, emulated (docs/ACCOUNTS.md): the authorize pages and the
// /v2 JSON endpoints. What it emulates and every default for an UNKNOWN: docs/ACCOUNTS.md.
import { Hono } from 'hono'
import type { SandboxState } from '../state'
import { accountRoutes } from './account-routes'
import { authorizeRoutes } from './authorize-routes'
import { sessionRoutes } from './session-routes'
import { tokenRoutes } from './token-routes'

export function accountsRoutes(state: SandboxState): Hono {
  const accounts = new Hono()
  accounts.route('/', authorizeRoutes(state))
  accounts.route('/', tokenRoutes(state))
  accounts.route('/', sessionRoutes(state))
  accounts.route('/', accountRoutes(state))
  return accounts
}
