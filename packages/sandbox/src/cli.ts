#!/usr/bin/env node
// `livechat-sandbox`: starts the sandbox from the command line (`npm run sandbox` and `npm start`
// run it too). A bad configuration stops it with a message naming the entry and the fix, and
// exit code 1.
import { ConfigError } from './config/config-error'
import { helpText } from './cli/help'
import { parseCli } from './cli/parse-cli'
import { startSandbox } from './start-sandbox'

async function main(): Promise<void> {
  const command = parseCli(process.argv.slice(2), process.env)
  if (command.kind === 'help') {
    process.stdout.write(helpText())
    return
  }
  const running = await startSandbox(command.start, command.labels)
  const { clients, redirectUris } = running.sandbox.state.clients.configured()
  console.log(`LiveChat sandbox (accounts + agent API) on ${running.url}`)
  console.log(`  RTM: ${running.rtmUrl}`)
  console.log(`  control page: ${running.url}/sandbox`)
  if (redirectUris.length > 0)
    console.log(`  extra redirect URIs for the app's client: ${redirectUris.join(', ')}`)
  for (const client of clients)
    console.log(`  client ${client.id} (${client.type}): ${client.redirectUris.join(', ')}`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      void running.stop().then(() => process.exit(0))
    })
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`LiveChat sandbox not started. ${error.message}`)
  } else {
    const code = (error as NodeJS.ErrnoException).code
    console.error(
      code === 'EADDRINUSE'
        ? 'LiveChat sandbox not started. --port: that port is in use. Stop what uses it, or pick another port (0 picks a free one).'
        : `LiveChat sandbox not started. ${(error as Error).stack ?? String(error)}`,
    )
  }
  process.exit(1)
})
