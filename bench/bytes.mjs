// Byte sizes of the production build, shared by the bench (`npm run bench`) and the budget check
// (`node bench/budget.mjs`) so both measure the same thing the same way.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build } from 'vite'

export const ROOT = resolve(import.meta.dirname, '..')

/** Which route each lazy page chunk serves, by its source module (manifest `src`). */
export const ROUTE_CHUNKS = {
  // The signed-in route table with the workspace's one shared chunk (every signed-in page,
  // vite.config.ts): its "with its imports" is what any signed-in route downloads.
  'src/app/workspace-routes.tsx': 'workspace (every signed-in route and page)',
  'src/public/flows-page.tsx': '/flows (flow lab)',
  // The Agent App widget routes (/widget/details, /widget/fullscreen) with LiveChat's
  // @livechat/agent-app-sdk: loaded on those routes only.
  'src/app/widget/widget-app.tsx': 'widget routes (Agent App SDK)',
}

export function gzipSize(buffer) {
  return gzipSync(buffer, { level: 9 }).length
}

export function brotliSize(buffer) {
  return brotliCompressSync(buffer, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  }).length
}

/** A fresh temp dir; the caller removes it. */
export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** `vite build --mode sandbox --manifest` into outDir, with the project's own vite.config.ts. */
export async function buildApp(outDir) {
  await build({
    root: ROOT,
    mode: 'sandbox',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  })
}

function sizeOf(outDir, files) {
  let raw = 0
  let gzip = 0
  let brotli = 0
  for (const file of files) {
    const buffer = readFileSync(join(outDir, file))
    raw += buffer.length
    gzip += gzipSize(buffer)
    brotli += brotliSize(buffer)
  }
  return { files: [...files].sort(), raw, gzip, brotli }
}

function listAssets(outDir) {
  const found = []
  const walk = (dir) => {
    for (const entry of readdirSync(join(outDir, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        if (entry.name !== '.vite') walk(rel)
      } else if (/\.(m?js|css)$/.test(entry.name)) found.push(rel)
    }
  }
  walk('')
  return found
}

/** A chunk plus everything it imports statically (never dynamic imports), with their CSS. */
function staticClosure(manifest, key, into = new Set(), seen = new Set()) {
  if (seen.has(key)) return into
  seen.add(key)
  const chunk = manifest[key]
  if (!chunk) throw new Error(`manifest has no entry ${key}`)
  into.add(chunk.file)
  for (const css of chunk.css ?? []) into.add(css)
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into, seen)
  return into
}

/**
 * What a new visitor's sign-in page downloads by network idle, without a click: the initial
 * files plus what the page loads by itself at startup and on idle (`alsoLoads`, source modules
 * as in the manifest: the silent restore's code, the idle preloads). `npm run bench` checks the
 * list against what Chromium really fetched.
 */
export function firstVisitFiles(manifest, initial, alsoLoads) {
  const files = new Set(initial)
  for (const src of alsoLoads) {
    const key = Object.keys(manifest).find((k) => (manifest[k].src ?? k) === src)
    if (!key) throw new Error(`first visit: the manifest has no chunk for ${src}`)
    staticClosure(manifest, key, files)
  }
  return [...files].filter((file) => /\.m?js$/.test(file))
}

/**
 * Measures a build: what the sign-in page needs before it is interactive (the entry's static
 * import closure, its CSS, and whatever index.html preloads or links), what a first visit
 * downloads by network idle (`firstVisitLoads`, see firstVisitFiles), each route's lazy chunk,
 * and the whole app.
 */
export function measureBuild(outDir, { firstVisitLoads = [] } = {}) {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'))
  const entryKey = Object.keys(manifest).find(
    (key) => manifest[key].isEntry && key === 'index.html',
  )
  if (!entryKey) throw new Error('manifest has no index.html entry')

  const initial = staticClosure(manifest, entryKey)
  const html = readFileSync(join(outDir, 'index.html'), 'utf8')
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0]
    const href = /href="\/?([^"]+)"/.exec(tag)?.[1]
    if (href && /rel="(modulepreload|stylesheet)"/.test(tag) && /\.(m?js|css)$/.test(href))
      initial.add(href)
  }
  for (const match of html.matchAll(/<script\b[^>]*src="\/?([^"]+)"/g)) initial.add(match[1])

  const signIn = {
    ...sizeOf(outDir, [...initial]),
    js: sizeOf(
      outDir,
      [...initial].filter((f) => /\.m?js$/.test(f)),
    ),
    css: sizeOf(
      outDir,
      [...initial].filter((f) => f.endsWith('.css')),
    ),
  }

  const routes = []
  for (const [key, chunk] of Object.entries(manifest)) {
    const route = ROUTE_CHUNKS[chunk.src ?? key]
    if (!route) continue
    const own = sizeOf(outDir, [chunk.file, ...(chunk.css ?? [])])
    // What visiting the route downloads beyond the sign-in page: its chunk and its static imports.
    const extra = [...staticClosure(manifest, key)].filter((file) => !initial.has(file))
    routes.push({ src: chunk.src ?? key, route, chunk: own, withImports: sizeOf(outDir, extra) })
  }
  routes.sort(
    (a, b) => Object.keys(ROUTE_CHUNKS).indexOf(a.src) - Object.keys(ROUTE_CHUNKS).indexOf(b.src),
  )

  const all = listAssets(outDir)
  return {
    signIn,
    firstVisit: sizeOf(outDir, firstVisitFiles(manifest, initial, firstVisitLoads)),
    routes,
    wholeApp: sizeOf(outDir, all),
    indexHtml: html,
  }
}

const REFERENCE_ENTRIES = {
  'react + react-dom': `
    import { createElement } from 'react'
    import { createRoot } from 'react-dom/client'
    createRoot(document.getElementById('root')).render(createElement('p', null, 'Hello'))
  `,
  'react + react-dom + react-router-dom (declarative)': `
    import { createElement as h } from 'react'
    import { createRoot } from 'react-dom/client'
    import { BrowserRouter, Route, Routes } from 'react-router-dom'
    createRoot(document.getElementById('root')).render(
      h(BrowserRouter, null,
        h(Routes, null,
          h(Route, { path: '/', element: h('p', null, 'Home') }),
          h(Route, { path: '/other', element: h('p', null, 'Other') }))))
  `,
  '@livechat/accounts-sdk': `
    import AccountsSDK from '@livechat/accounts-sdk'
    window.sdk = new AccountsSDK({ client_id: 'x', redirect_uri: location.origin })
  `,
}

/**
 * Reference sizes for the table: tiny entries built with Vite's JS API (production, minified),
 * gzipped. They live under node_modules/.cache so the project's packages resolve.
 */
export async function measureReferences() {
  const base = join(ROOT, 'node_modules/.cache')
  mkdirSync(base, { recursive: true })
  const dir = mkdtempSync(join(base, 'bench-ref-'))
  const results = []
  try {
    for (const [name, source] of Object.entries(REFERENCE_ENTRIES)) {
      const slug = name.replace(/[^a-z]+/gi, '-')
      const entry = join(dir, `${slug}.js`)
      writeFileSync(entry, source)
      const outDir = join(dir, `out-${slug}`)
      await build({
        configFile: false,
        root: dir,
        mode: 'production',
        logLevel: 'silent',
        define: { 'process.env.NODE_ENV': '"production"' },
        build: {
          outDir,
          emptyOutDir: true,
          minify: true,
          target: 'es2022',
          modulePreload: { polyfill: false },
          rolldownOptions: { input: entry },
        },
      })
      results.push({ name, ...sizeOf(outDir, listAssets(outDir)) })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return results
}
