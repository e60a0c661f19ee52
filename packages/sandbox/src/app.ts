// The sandbox: one fetch-style (Hono) app that plays accounts.livechat.com,
// api.livechatinc.com and (at /agent-app) LiveChat's Agent App around a widget, on one origin,
// and its RTM hub (the agent WebSocket API). `start-sandbox.ts`
// serves both over HTTP for `npm start` and e2e; unit tests call `app.fetch` and connect MSW's
// intercepted WebSockets to `rtm` in-process, so the fake LiveChat has exactly one definition.
import { Hono } from 'hono'
import { accountsRoutes } from './accounts/routes'
import { agentAppRoutes } from './agent-app/agent-app-routes'
import { apiRoutes } from './api/routes'
import { controlRoutes } from './control/routes'
import { corsMiddleware } from './cors'
import { faultMiddleware } from './faults'
import { RtmHub } from './rtm/hub'
import { Autopilot } from './simulator/autopilot'
import { SandboxState, type SandboxConfig } from './state'
import type { SandboxOptions } from './options/sandbox-options'

export interface Sandbox {
  app: Hono
  state: SandboxState
  rtm: RtmHub
}

export function createSandbox(
  options: Partial<SandboxOptions> = {},
  config: SandboxConfig = {},
): Sandbox {
  const state = new SandboxState(options, config)
  const rtm = new RtmHub(state)
  new Autopilot(state)
  const app = new Hono()
  app.use('*', corsMiddleware())
  app.use('*', faultMiddleware(state))
  app.route('/sandbox', controlRoutes(state, rtm))
  app.route('/agent-app', agentAppRoutes(state))
  app.route('/', apiRoutes(state))
  app.route('/', accountsRoutes(state))
  return { app, state, rtm }
}
