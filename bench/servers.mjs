// The sandbox (:4010) and `vite preview --mode sandbox` (:4173) for the browser parts: reused when
// already up, else started here (the preview serving the build the bench just measured) and
// stopped afterwards. Only processes started here are ever stopped.
import { spawn } from 'node:child_process'
import { ROOT } from './bytes.mjs'

export const SANDBOX = 'http://localhost:4010'
export const APP = 'http://localhost:4173'

async function isUp(url) {
  try {
    const response = await fetch(url)
    return response.ok
  } catch {
    return false
  }
}

async function waitUntilUp(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await isUp(url)) return
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not come up in ${timeoutMs / 1000} s`)
}

function start(args) {
  // Its own process group, so stopping it also stops what it spawned (tsx runs a child node).
  return spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore', detached: true })
}

function stop(child) {
  if (child.exitCode !== null || child.pid === undefined) return
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    // Already gone.
  }
}

/** The entry script index.html loads, to tell whether a reused preview serves the measured build. */
function entryScript(html) {
  return /<script\b[^>]*src="([^"]+)"/.exec(html)?.[1] ?? null
}

export async function ensureServers({ outDir, indexHtml }) {
  const started = []
  const notes = []
  try {
    if (await isUp(`${SANDBOX}/sandbox/health`))
      notes.push('sandbox: reused the one already running')
    else {
      const child = start(['node_modules/tsx/dist/cli.mjs', 'packages/sandbox/src/cli.ts'])
      started.push(child)
      await waitUntilUp(`${SANDBOX}/sandbox/health`, child)
      notes.push('sandbox: started by the bench')
    }
    let previewMatchesBuild = true
    if (await isUp(APP)) {
      const served = await (await fetch(APP)).text()
      previewMatchesBuild = entryScript(served) === entryScript(indexHtml)
      notes.push(
        previewMatchesBuild
          ? 'preview: reused the one on :4173 (serves the same build)'
          : 'preview: reused the one on :4173, which serves a DIFFERENT build than the one measured for bytes (stop it and re-run for consistent numbers)',
      )
    } else {
      const child = start([
        'node_modules/vite/bin/vite.js',
        'preview',
        '--mode',
        'sandbox',
        '--outDir',
        outDir,
        '--strictPort',
      ])
      started.push(child)
      await waitUntilUp(APP, child)
      notes.push('preview: started by the bench on the measured build')
    }
    return { notes, previewMatchesBuild, stop: () => started.forEach(stop) }
  } catch (error) {
    started.forEach(stop)
    throw error
  }
}

export async function sandboxControl(path, body = {}, method = 'POST') {
  const response = await fetch(`${SANDBOX}/sandbox${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: HTTP ${response.status}`)
  return response.json()
}
