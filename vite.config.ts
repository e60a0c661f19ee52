import react from '@vitejs/plugin-react'
import { defaultClientConditions, defaultServerConditions, loadEnv, type Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { documentHeaders, headersFile, isWidgetPath, WIDGET_ROUTES } from './security-headers.ts'

/**
 * Production security headers: written to dist/_headers and served by `vite preview`; the widget
 * routes get their own framing rules (security-headers.ts). A malformed
 * VITE_LIVECHAT_AGENT_APP_ORIGINS stops a build and the preview server; the dev server starts and
 * the app's setup screen names the variable.
 */
function securityHeaders(env: Record<string, string>, mode: string): Plugin {
  const pages = documentHeaders(env)
  let widgets: Record<string, string> | undefined
  const headersFor = (url: string | undefined) =>
    isWidgetPath(url) ? (widgets ??= documentHeaders(env, { widget: true, mode })) : pages
  return {
    name: 'security-headers',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(env, mode) })
    },
    configurePreviewServer(server) {
      headersFor(WIDGET_ROUTES)
      server.middlewares.use((req, res, next) => {
        const immutable = req.url?.startsWith('/assets/')
        for (const [name, value] of Object.entries(headersFor(req.url))) {
          if (!(immutable && name === 'Cache-Control')) res.setHeader(name, value)
        }
        if (immutable) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
        next()
      })
    },
    configureServer(server) {
      // The dev server needs inline scripts for HMR, so no CSP there; the rest still applies
      // (but X-Frame-Options, which the widget routes must not send).
      server.middlewares.use((req, res, next) => {
        const widget = isWidgetPath(req.url)
        for (const [name, value] of Object.entries(pages)) {
          if (name === 'Content-Security-Policy' || name === 'Cache-Control') continue
          if (!(widget && name === 'X-Frame-Options')) res.setHeader(name, value)
        }
        next()
      })
    },
  }
}

/** The `exports` conditions under which the workspace packages resolve to their TypeScript sources. */
const SOURCE_CONDITIONS = ['livechat-browser-auth:source', 'livechat-sandbox:source']

/**
 * The folders whose modules make up the signed-in workspace's one chunk (decision 006). The
 * sign-in page's folders (src/public, src/ui, src/config) and src/app itself stay out: the lint
 * rule (scripts/layers.mjs) keeps src/public from importing any of these.
 */
const WORKSPACE_FOLDERS = [
  '/src/api/',
  '/src/live/',
  '/src/components/',
  '/src/pages/',
  '/src/app/workspace/',
]
/**
 * Inside the workspace's folders, what ships elsewhere: attention's runtime loads after the
 * workspace is up (use-attention.ts); the Agent App widgets' own pages and components load with
 * the widget routes' chunk (app/widget/widget-app.tsx) and its SDK.
 */
const NOT_IN_WORKSPACE = [
  '/src/live/attention/runtime/',
  '/src/pages/widget/',
  '/src/components/widget/',
]

export default defineConfig(({ mode }) => ({
  plugins: [react(), securityHeaders(loadEnv(mode, process.cwd(), 'VITE_'), mode)],
  resolve: {
    // The workspace packages' TypeScript sources, so a fresh clone runs, tests and type-checks
    // with no build of them (their package.json `exports`); Vite's own conditions stay.
    conditions: [...SOURCE_CONDITIONS, ...defaultClientConditions],
    alias: {
      // The accounts SDK needs a small part of qs: the package's optional stand-in (and its test).
      qs: 'livechat-browser-auth/qs',
    },
  },
  ssr: { resolve: { conditions: [...SOURCE_CONDITIONS, ...defaultServerConditions] } },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  // No modulepreload polyfill: every browser the app supports preloads modules natively.
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // What the flow lab loads after its first paint, src/lab/later (the sign-in limits'
              // gate and its countdown, the request instruments, the lab's first call, a framed
              // run's return): one chunk rather than several small ones, which compress worse;
              // the lab's own chunk is capped at 15 KB (issue 14).
              name: 'lab-later',
              includeDependenciesRecursively: false,
              test: (id: string) => id.includes('/src/lab/later/'),
            },
            {
              // The signed-in workspace in one chunk: TanStack Query, the API and live layers, the
              // components and every workspace page. Each page was its own chunk, but all of them
              // are preloaded together while a token is validated (preloadWorkspacePages), so
              // splitting saved no download and cost about 5 KB of gzip (small files compress
              // badly). Components the sign-in page uses must stay out of it, or the whole group
              // would load with that page (the byte budget test would fail).
              name: 'workspace-shared',
              includeDependenciesRecursively: false,
              // Not src/app/workspace-routes.tsx, the lazy route's own module: with it inside the
              // group and another lazy chunk importing from the group (attention's runtime),
              // rolldown 1.2.19 emits a facade that exports an undeclared namespace, and the
              // production build fails to load the workspace (rolldown/rolldown#10734).
              test: (id: string) =>
                id.includes('/node_modules/@tanstack/') ||
                (WORKSPACE_FOLDERS.some((folder) => id.includes(folder)) &&
                  !NOT_IN_WORKSPACE.some((folder) => id.includes(folder))),
            },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/setup.ts'],
        },
      },
      {
        // Repository-level checks: the lint rules, SECURITY.md's table, the security headers, the
        // test support itself.
        extends: true,
        test: {
          name: 'repo',
          environment: 'jsdom',
          include: ['tests/repo/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'auth',
          environment: 'jsdom',
          include: ['packages/auth/tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'sandbox',
          environment: 'node',
          include: ['packages/sandbox/tests/**/*.test.ts'],
        },
      },
    ],
  },
}))
