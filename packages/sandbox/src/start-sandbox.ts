// startSandbox(): a real sandbox server (HTTP and RTM on one port) in this process, for a test
// suite or a script: `const sandbox = await startSandbox()` … `await sandbox.stop()`. The
// command line (cli.ts) starts one the same way.
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createSandbox, type Sandbox } from './app'
import { resolveSetup, type SandboxSetup, type SetupLabels } from './config/sandbox-setup'
import { SandboxControl } from './control-client/sandbox-control'
import { RTM_PATH } from './rtm/admission'
import { attachRtmServer } from './rtm/ws-server'

export interface StartSandboxOptions extends SandboxSetup {
  /** Default 0: a free port (read it from `url` or `port`). */
  port?: number
  /** The address to bind. Default `127.0.0.1` (loopback only). */
  host?: string
}

export interface RunningSandbox {
  /** Accounts server and APIs: `http://localhost:<port>`. */
  url: string
  /** `ws://localhost:<port>/v3.6/agent/rtm/ws`. */
  rtmUrl: string
  port: number
  /** Typed helpers for its control API. */
  control: SandboxControl
  /** The app, state and RTM hub behind it, for in-process checks. */
  sandbox: Sandbox
  /** Closes every socket and the server. */
  stop(): Promise<void>
}

/** Starts a sandbox; a bad setup throws a ConfigError before anything listens. */
export async function startSandbox(
  options: StartSandboxOptions = {},
  labels: SetupLabels = {},
): Promise<RunningSandbox> {
  const config = resolveSetup(options, labels)
  const sandbox = createSandbox({}, config)
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve(
      { fetch: sandbox.app.fetch, port: options.port ?? 0, hostname: options.host ?? '127.0.0.1' },
      () => resolve(started as Server),
    ) as Server
    started.once('error', reject)
  })
  const rtm = attachRtmServer(server, sandbox.rtm)
  const port = (server.address() as AddressInfo).port
  const url = `http://localhost:${port}`
  let stopped: Promise<void> | undefined
  return {
    url,
    rtmUrl: `ws://localhost:${port}${RTM_PATH}`,
    port,
    control: new SandboxControl(url),
    sandbox,
    stop: () => {
      stopped ??= (async () => {
        await rtm.close()
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
      })()
      return stopped
    },
  }
}
