// `npm start`: the local LiveChat sandbox and the Vite dev server together, configured for each
// other (.env.development points the app at the sandbox). Prints both URLs; Ctrl-C stops both.
import { spawn } from 'node:child_process'

const children = []
let stopping = false

function run(name, args, env = {}) {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
  const prefix = (line) => `[${name}] ${line}`
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = ''
    stream.on('data', (chunk) => {
      buffer += chunk
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) console.log(prefix(line))
    })
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(prefix(`exited (${signal ?? code}); stopping everything.`))
      stop(code ?? 1)
    }
  })
  children.push(child)
  return child
}

function stop(code = 0) {
  if (stopping) return
  stopping = true
  for (const child of children) child.kill('SIGTERM')
  setTimeout(() => process.exit(code), 300).unref()
}

process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

run('sandbox', ['node_modules/tsx/dist/cli.mjs', 'sandbox/server.ts'])
run('app', ['node_modules/vite/bin/vite.js', '--mode', 'development'])

setTimeout(() => {
  if (stopping) return
  console.log('')
  console.log('  App:      http://localhost:5173   (sign in as any sandbox persona)')
  console.log(
    '  Sandbox:  http://localhost:4010   (accounts + agent API; control page at /sandbox)',
  )
  console.log('  Press Ctrl-C to stop both.')
  console.log('')
}, 1500)
