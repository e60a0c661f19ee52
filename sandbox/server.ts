// Serves the sandbox on http://localhost:4010 (SANDBOX_PORT overrides) for `npm start` and e2e.
import { serve } from '@hono/node-server'
import { createSandbox } from './app'

const port = Number(process.env.SANDBOX_PORT ?? 4010)
const { app } = createSandbox()

const server = serve({ fetch: app.fetch, port }, (info) => {
  console.log(`LiveChat sandbox (accounts + agent API) on http://localhost:${info.port}`)
  console.log(`  control page: http://localhost:${info.port}/sandbox`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close()
    process.exit(0)
  })
}
