// Serves the sandbox on http://localhost:4010 (SANDBOX_PORT overrides; 0 picks a free port) for
// `npm start` and e2e: HTTP through Hono, RTM (ws://…/v3.6/agent/rtm/ws) on the same server. SANDBOX_REDIRECT_URIS adds redirect URIs to the app's client so a
// developer can point their own app at the sandbox; a malformed value stops the start.
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { parseRedirectUriList } from './accounts/redirect-uri'
import { createSandbox } from './app'
import { attachRtmServer } from './rtm/ws-server'

let redirectUris: string[]
try {
  redirectUris = parseRedirectUriList(process.env.SANDBOX_REDIRECT_URIS ?? '')
} catch (error) {
  console.error(`LiveChat sandbox not started. ${(error as Error).message}`)
  process.exit(1)
}

const port = Number(process.env.SANDBOX_PORT ?? 4010)
const { app, rtm } = createSandbox({}, { redirectUris })

const server = serve({ fetch: app.fetch, port }, (info) => {
  console.log(`LiveChat sandbox (accounts + agent API) on http://localhost:${info.port}`)
  console.log(`  RTM: ws://localhost:${info.port}/v3.6/agent/rtm/ws`)
  console.log(`  control page: http://localhost:${info.port}/sandbox`)
  if (redirectUris.length > 0)
    console.log(`  extra redirect URIs for the app's client: ${redirectUris.join(', ')}`)
})

const rtmServer = attachRtmServer(server as Server, rtm)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void rtmServer.close()
    server.close()
    process.exit(0)
  })
}
