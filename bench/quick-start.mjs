// What livechat-browser-auth costs a consumer (issue 19): the package's README quick start built
// with the same Vite and React plugin as the app, from the package's built dist/ (what npm
// installs), against a bare React app built the same way in the same run. The initial JS (the
// entry and its static imports) and the total with every lazy chunk, gzip; the quick start with
// and without the optional `qs` alias.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import { quickStartSource } from '../packages/auth/tests/support/readme-quick-start.mjs'
import { measureBuild, ROOT } from './bytes.mjs'

const BARE_MAIN = `import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <p>Hello</p>
  </StrictMode>,
)
`

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>bench</title></head>
  <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>
</html>
`

/** The goals of issue 19, in bytes over bare React (gzip). */
export const QUICK_START_GOALS = { initial: 8 * 1024, total: 18 * 1024 }

async function buildAndMeasure(dir, main, alias) {
  mkdirSync(join(dir, 'src'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), INDEX_HTML)
  writeFileSync(join(dir, 'src/main.tsx'), main)
  // The values do not change the bytes; a consumer's build reads them the same way.
  writeFileSync(
    join(dir, '.env'),
    'VITE_LIVECHAT_CLIENT_ID=0123456789abcdef0123456789abcdef\nVITE_LIVECHAT_ACCOUNTS_URL=https://accounts.livechat.com\nVITE_LIVECHAT_API_URL=https://api.livechatinc.com\n',
  )
  const outDir = join(dir, 'dist')
  await build({
    configFile: false,
    root: dir,
    mode: 'production',
    logLevel: 'silent',
    plugins: [react()],
    resolve: alias ? { alias } : {},
    build: { outDir, emptyOutDir: true, manifest: true },
  })
  const measured = measureBuild(outDir)
  return { initial: measured.signIn.js, total: measured.wholeApp }
}

/**
 * Builds the package (dist/, as `npm pack` would) and the three apps; their initial and total
 * JS, gzip and brotli, and the quick start's cost over bare React against the goals.
 */
export async function measureQuickStart() {
  execFileSync('npm', ['run', 'build', '-w', 'packages/auth', '--silent'], {
    cwd: ROOT,
    stdio: 'ignore',
  })
  // Under node_modules/.cache so that react, vite's plugin and the package resolve from the root.
  const base = join(ROOT, 'node_modules/.cache')
  mkdirSync(base, { recursive: true })
  const dir = mkdtempSync(join(base, 'bench-quick-start-'))
  try {
    const bare = await buildAndMeasure(join(dir, 'bare'), BARE_MAIN)
    const main = quickStartSource()
    const quickStart = await buildAndMeasure(join(dir, 'quick-start'), main)
    const withAlias = await buildAndMeasure(join(dir, 'quick-start-qs'), main, {
      qs: 'livechat-browser-auth/qs',
    })
    const over = (app) => ({
      initial: app.initial.gzip - bare.initial.gzip,
      total: app.total.gzip - bare.total.gzip,
    })
    return {
      bare,
      quickStart,
      withAlias,
      overBare: { quickStart: over(quickStart), withAlias: over(withAlias) },
      goals: QUICK_START_GOALS,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
