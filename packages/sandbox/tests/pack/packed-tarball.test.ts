// The package as a stranger gets it: `npm pack`, installed into an empty folder with no network,
// then `npx livechat-sandbox` serving a foreign app on another port with its own client id and
// redirect URI. The root's `npm ci` leaves every dependency's tarball in the npm cache but not
// the registry's package documents, so `npm install --offline <tarball>` cannot resolve versions;
// a lockfile for the folder, copied from the root's entries, lets `npm ci --offline` install.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const run = promisify(execFile)
const ROOT = join(import.meta.dirname, '../../../..')
const FOREIGN_CLIENT = '5f2b9c0e7d1a4b3c8e6f0a9d2c4b6e8f'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

interface LockEntry {
  version?: string
  dependencies?: Record<string, string>
  [key: string]: unknown
}

/** A lockfile for a folder that depends on the tarball alone, from the root lockfile's entries. */
async function lockfileFor(tarball: string): Promise<unknown> {
  const root = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>
  }
  const own = root.packages['packages/sandbox'] ?? {}
  const packages: Record<string, LockEntry> = {
    '': { name: 'foreign-app', dependencies: { 'livechat-sandbox': `file:${tarball}` } },
    'node_modules/livechat-sandbox': {
      version: own.version,
      resolved: `file:${tarball}`,
      dependencies: own.dependencies,
      bin: own.bin,
    },
  }
  const pending = Object.keys(own.dependencies ?? {})
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const entry = root.packages[`node_modules/${name}`]
    if (!entry) throw new Error(`${name} is not in the root lockfile`)
    packages[`node_modules/${name}`] = entry
    for (const dependency of Object.keys(entry.dependencies ?? {}))
      if (!packages[`node_modules/${dependency}`]) pending.push(dependency)
  }
  return { name: 'foreign-app', lockfileVersion: 3, requires: true, packages }
}

let folder: string
let child: ChildProcess | undefined
let origin: string
let appOrigin: string

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'livechat-sandbox-pack-'))
  await run('npm', ['pack', '-w', 'packages/sandbox', '--pack-destination', folder], { cwd: ROOT })
  const tarball = (await readdir(folder)).find((name) => name.endsWith('.tgz'))
  if (!tarball) throw new Error('npm pack made no tarball')
  const manifest = {
    name: 'foreign-app',
    private: true,
    dependencies: { 'livechat-sandbox': `file:${tarball}` },
  }
  await writeFile(join(folder, 'package.json'), JSON.stringify(manifest))
  await writeFile(join(folder, 'package-lock.json'), JSON.stringify(await lockfileFor(tarball)))
  await run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: folder })
  const port = await freePort()
  origin = `http://localhost:${port}`
  appOrigin = `http://localhost:${await freePort()}`
  child = spawn(
    'npx',
    ['livechat-sandbox', '--port', String(port), '--client', `${FOREIGN_CLIENT}=${appOrigin}`],
    {
      cwd: folder,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  await new Promise<void>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes(`on ${origin}`)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child?.stdout?.on('data', onData)
    child?.stderr?.on('data', onData)
    child?.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)))
  })
}, 180_000)

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  await rm(folder, { recursive: true, force: true })
})

function authorizeUrl(redirectUri: string): string {
  const query = new URLSearchParams({
    response_type: 'token',
    client_id: FOREIGN_CLIENT,
    redirect_uri: redirectUri,
    state: 'pack-state',
    scope: 'accounts--my:ro,chats--access:rw',
  })
  return `${origin}/?${query}`
}

describe('npx livechat-sandbox from the packed tarball', () => {
  test('installs without TypeScript: dist/ JavaScript, assets, README, docs and LICENSE only', async () => {
    const installed = join(folder, 'node_modules/livechat-sandbox')
    const files = await readdir(installed)
    expect(files).toEqual(
      expect.arrayContaining(['dist', 'assets', 'docs', 'README.md', 'LICENSE', 'package.json']),
    )
    expect(files).not.toContain('src')
    expect(files).not.toContain('tests')
    expect(
      (await readdir(join(installed, 'dist'))).some(
        (name) => name.endsWith('.ts') && !name.endsWith('.d.ts'),
      ),
    ).toBe(false)
  })

  test('serves a foreign app: health, its authorize request, a token for it', async () => {
    expect(await (await fetch(`${origin}/sandbox/health`)).json()).toEqual({ ok: true })

    // The registered redirect URI gets the sign-in page; an unregistered one is refused.
    const signIn = await fetch(authorizeUrl(`${appOrigin}/`), { redirect: 'manual' })
    expect(signIn.status).toBe(200)
    const page = await signIn.text()
    expect(page).toContain('Nina Agent')
    const refused = await fetch(authorizeUrl('http://localhost:1/elsewhere'), {
      redirect: 'manual',
    })
    expect(refused.status).toBe(302)
    expect(refused.headers.get('Location')).toContain('/ooops?oauth_exception=unauthorized_client')

    // Nina signs in and allows the app: the browser goes back to the app with a token for it.
    const query = /name="authorize_query" value="([^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&')
    const nina = /value="([^"]+)"[^>]*>Nina Agent</.exec(page)?.[1]
    const post = (path: string, fields: Record<string, string>, cookie = '') =>
      fetch(`${origin}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: origin,
          Cookie: cookie,
        },
        body: new URLSearchParams(fields),
      })
    const consent = await post('/signin', { authorize_query: query ?? '', account_id: nina ?? '' })
    const cookie = (consent.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
    const consentPage = await consent.text()
    expect(consentPage).toContain('App 5f2b9c0e')
    const csrf = /name="csrf" value="([^"]+)"/.exec(consentPage)?.[1] ?? ''
    const back = await post(
      '/consent',
      { authorize_query: query ?? '', csrf, decision: 'allow' },
      cookie,
    )
    const location = new URL(back.headers.get('Location') ?? '')
    expect(location.origin).toBe(appOrigin)
    const token = new URLSearchParams(location.hash.slice(1)).get('access_token')
    const info = await (
      await fetch(`${origin}/v2/info`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()
    expect(info).toMatchObject({
      client_id: FOREIGN_CLIENT,
      scope: 'accounts--my:ro,chats--access:rw',
    })
  })

  test('serves its Agent App around the foreign app’s widget, with the host script', async () => {
    const page = await (
      await fetch(`${origin}/agent-app?placement=details&url=${encodeURIComponent(appOrigin)}`)
    ).text()
    expect(page).toContain(`data-src="${appOrigin}/?plugin_id=sandbox-widget`)
    const script = await fetch(`${origin}/agent-app/host.js`)
    expect(script.status).toBe(200)
    expect(await script.text()).toContain("'@@livechat/postmessenger'")
  })

  test('--help lists the flags', async () => {
    const { stdout } = await run('npx', ['livechat-sandbox', '--help'], { cwd: folder })
    for (const flag of [
      '--port',
      '--host',
      '--client',
      '--config',
      '--redirect-uris',
      '--world',
      '--option',
    ])
      expect(stdout).toContain(flag)
  })
})
