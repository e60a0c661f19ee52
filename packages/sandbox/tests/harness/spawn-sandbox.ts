// Starts the command line (src/cli.ts) as `npm start` does (a child Node process through tsx), on
// a free port (SANDBOX_PORT=0), so tests can check what only the real entry point does: reading
// flags and the environment, and refusing to start.
import { spawn, type ChildProcess } from 'node:child_process'

const TSX = 'node_modules/tsx/dist/cli.mjs'

export interface Exited {
  code: number | null
  stdout: string
  stderr: string
}

export interface Started {
  origin: string
  stop: () => Promise<void>
}

function launch(env: Record<string, string>, args: readonly string[] = []): ChildProcess {
  return spawn(process.execPath, [TSX, 'packages/sandbox/src/cli.ts', ...args], {
    env: { ...process.env, SANDBOX_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Runs the server expecting it to stop by itself (a refused start). */
export function runUntilExit(
  env: Record<string, string>,
  timeoutMs = 20_000,
  args: readonly string[] = [],
): Promise<Exited> {
  const child = launch(env, args)
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk) => (stdout += chunk))
  child.stderr?.on('data', (chunk) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not exit: ${stdout}${stderr}`))
    }, timeoutMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** Runs the server until it prints its URL; `stop()` ends exactly that child. */
export function startServer(env: Record<string, string>, timeoutMs = 20_000): Promise<Started> {
  const child = launch(env)
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start: ${output}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const port = /on http:\/\/localhost:(\d+)/.exec(output)?.[1]
      if (!port) return
      clearTimeout(timer)
      resolve({
        origin: `http://localhost:${port}`,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code}) before starting: ${output}`))
    })
  })
}
