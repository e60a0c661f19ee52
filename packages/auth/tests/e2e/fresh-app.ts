// A fresh Vite + React app as `npm create vite` makes one, whose src/main.tsx is the package
// README's quick start, with the packed package installed from its tarball: no TypeScript
// sources, no alias, nothing of this repository but the tarball. Installed offline from the npm
// cache that the repository's `npm ci` filled: the app gets a lockfile taken from the root one
// (same versions, same integrity), so `npm ci --offline` needs only cached tarballs, never the
// registry's metadata.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { quickStartSource } from '../support/readme-quick-start.mjs'

export const ROOT = resolve(import.meta.dirname, '../../../..')
const PACKAGE = join(ROOT, 'packages/auth')

/** What a fresh app installs besides the package, at the repository's own pins. */
const APP_DEPENDENCIES = ['react', 'react-dom']
const APP_DEV_DEPENDENCIES = [
  'vite',
  '@vitejs/plugin-react',
  'typescript',
  '@types/react',
  '@types/react-dom',
]

interface LockEntry {
  version?: string
  resolved?: string
  integrity?: string
  link?: boolean
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
  [key: string]: unknown
}

/** `npm pack -w packages/auth` (its prepack builds dist/) into `into`; the tarball's path. */
export function packTarball(into: string): { path: string; integrity: string } {
  const out = execFileSync(
    'npm',
    ['pack', '-w', 'packages/auth', '--pack-destination', into, '--json', '--silent'],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  )
  // The prepack build prints first; npm's JSON is the array that starts on a line of its own.
  const [packed] = JSON.parse(out.slice(out.search(/^\[\s*$/m))) as {
    filename: string
    integrity: string
  }[]
  if (!packed) throw new Error(`npm pack printed nothing usable: ${out}`)
  return { path: join(into, packed.filename), integrity: packed.integrity }
}

/** The lockfile entries of `names` and everything they need, as the root lockfile has them. */
function lockClosure(names: string[]): Record<string, LockEntry> {
  const packages = (
    JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockEntry>
    }
  ).packages
  const picked: Record<string, LockEntry> = {}
  // Node's lookup: the nearest node_modules/<name> from where the dependent sits, up to the root.
  const locate = (name: string, from: string): string | null => {
    let base = from
    for (;;) {
      const key = base ? `${base}/node_modules/${name}` : `node_modules/${name}`
      if (packages[key] && !packages[key].link) return key
      if (!base) return null
      const at = base.lastIndexOf('/node_modules/')
      base = at === -1 ? '' : base.slice(0, at)
    }
  }
  const visit = (name: string, from: string, optional: boolean) => {
    const key = locate(name, from)
    if (!key) {
      if (optional) return
      throw new Error(`${name} (needed by ${from || 'the app'}) is not in the root lockfile`)
    }
    if (picked[key]) return
    const entry = packages[key] as LockEntry
    picked[key] = entry
    for (const dep of Object.keys(entry.dependencies ?? {})) visit(dep, key, false)
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) visit(dep, key, true)
    for (const dep of Object.keys(entry.peerDependencies ?? {})) {
      if (!entry.peerDependenciesMeta?.[dep]?.optional) visit(dep, key, false)
    }
  }
  for (const name of names) visit(name, '', false)
  return picked
}

/** Writes the app, its lockfile and the README's main.tsx into `dir`, then `npm ci --offline`. */
export function createApp(dir: string, tarball: { path: string; integrity: string }): void {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
    devDependencies: Record<string, string>
  }
  const pin = (name: string) => {
    const version = root.dependencies[name] ?? root.devDependencies[name]
    if (!version) throw new Error(`the repository pins no ${name}`)
    return version
  }
  const manifest = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as LockEntry & {
    name: string
    version: string
  }
  const tarballSpec = `file:${relative(dir, tarball.path)}`
  const dependencies: Record<string, string> = { [manifest.name]: tarballSpec }
  for (const name of APP_DEPENDENCIES) dependencies[name] = pin(name)
  const devDependencies = Object.fromEntries(APP_DEV_DEPENDENCIES.map((n) => [n, pin(n)]))
  const app = {
    name: 'quick-start',
    private: true,
    version: '0.0.0',
    type: 'module',
    dependencies,
    devDependencies,
  }

  const closure = lockClosure([
    ...APP_DEPENDENCIES,
    ...APP_DEV_DEPENDENCIES,
    ...Object.keys(manifest.dependencies ?? {}),
  ])
  const lock = {
    name: app.name,
    version: app.version,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: app.name, version: app.version, dependencies, devDependencies },
      [`node_modules/${manifest.name}`]: {
        version: manifest.version,
        resolved: tarballSpec,
        integrity: tarball.integrity,
        license: manifest.license,
        dependencies: manifest.dependencies,
        peerDependencies: manifest.peerDependencies,
        peerDependenciesMeta: manifest.peerDependenciesMeta,
      },
      ...closure,
    },
  }

  const files: Record<string, string> = {
    'package.json': JSON.stringify(app, null, 2),
    'package-lock.json': JSON.stringify(lock, null, 2),
    // As `npm create vite` writes them for React + TypeScript (trimmed to what a build needs).
    'index.html':
      '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <title>Quick start</title>\n  </head>\n  <body>\n    <div id="root"></div>\n    <script type="module" src="/src/main.tsx"></script>\n  </body>\n</html>\n',
    'vite.config.ts':
      "import { defineConfig } from 'vite'\nimport react from '@vitejs/plugin-react'\n\nexport default defineConfig({\n  plugins: [react()],\n})\n",
    'tsconfig.json': JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          module: 'ESNext',
          moduleResolution: 'bundler',
          types: ['vite/client'],
          skipLibCheck: true,
          verbatimModuleSyntax: true,
          noEmit: true,
          jsx: 'react-jsx',
          strict: true,
          noUnusedLocals: true,
          noUnusedParameters: true,
          noFallthroughCasesInSwitch: true,
        },
        include: ['src'],
      },
      null,
      2,
    ),
    'src/main.tsx': quickStartSource(),
  }
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  execFileSync(
    'npm',
    ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  )
}

/** Type-checks the quick start against the package's published types, then builds with Vite. */
export function buildApp(dir: string, env: Record<string, string>): void {
  writeFileSync(
    join(dir, '.env.production.local'),
    Object.entries(env)
      .map(([name, value]) => `${name}=${value}`)
      .join('\n'),
  )
  const run = (args: string[]) =>
    execFileSync(process.execPath, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  run(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'])
  run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'])
}

/** A port nothing listens on now, on this host's loopback. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, 'localhost', () => {
      const address = server.address()
      server.close(() => done(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** `vite preview` of the built app on `port`; resolves once it answers, with its stop. */
export async function preview(dir: string, port: number): Promise<() => Promise<void>> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--port',
      String(port),
      '--strictPort',
      '--host',
      'localhost',
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done()
      child.once('exit', () => done())
      child.kill('SIGTERM')
    })
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode})`)
    try {
      if ((await fetch(`http://localhost:${port}/`)).ok) return stop
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error('vite preview did not answer within 30 s')
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
