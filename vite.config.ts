import react from '@vitejs/plugin-react'
import { defaultClientConditions, defaultServerConditions, loadEnv, type Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { documentHeaders, headersFile } from './security-headers.ts'

/** Production security headers: written to dist/_headers and served by `vite preview`. */
function securityHeaders(env: Record<string, string>): Plugin {
  const headers = documentHeaders(env)
  return {
    name: 'security-headers',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(env) })
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const immutable = req.url?.startsWith('/assets/')
        for (const [name, value] of Object.entries(headers)) {
          if (!(immutable && name === 'Cache-Control')) res.setHeader(name, value)
        }
        if (immutable) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
        next()
      })
    },
    configureServer(server) {
      // The dev server needs inline scripts for HMR, so no CSP there; the rest still applies.
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(headers)) {
          if (name !== 'Content-Security-Policy' && name !== 'Cache-Control')
            res.setHeader(name, value)
        }
        next()
      })
    },
  }
}

/** The `exports` conditions under which the workspace packages resolve to their TypeScript sources. */
const SOURCE_CONDITIONS = ['livechat-browser-auth:source', 'livechat-sandbox:source']

/** Components on the sign-in page's path, kept out of the workspace chunk. */
const SIGN_IN_COMPONENTS = /\/components\/(when-idle|auth-error-alert|shell)\./
/** Pages shown signed out (the sign-in page and what it loads, setup, the flow lab). */
const PUBLIC_PAGES = /\/pages\/(sign-in|pat-sign-in|setup|flows)/

export default defineConfig(({ mode }) => ({
  plugins: [react(), securityHeaders(loadEnv(mode, process.cwd(), 'VITE_'))],
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
              // What the flow lab loads after its first paint (the sign-in limits' gate and its
              // countdown, the request instruments): one chunk rather than several small ones,
              // which compress worse; the lab's own chunk is capped at 15 KB (issue 14).
              name: 'lab-later',
              includeDependenciesRecursively: false,
              test: /\/src\/lab\/(run\/(limit-gate|sign-in-limit)|views\/limit-wait|model\/measure-requests)\./,
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
              test: (id: string) =>
                id.includes('/node_modules/@tanstack/') ||
                id.includes('/src/api/') ||
                // Attention's runtime loads after the workspace is up (use-attention.ts).
                (id.includes('/src/live/') && !id.includes('/src/live/attention/runtime/')) ||
                // Not workspace-routes.tsx, the lazy route's own module: with it inside the group
                // and another lazy chunk importing from the group (attention's runtime), rolldown
                // 1.2.19 emits a facade that exports an undeclared namespace, and the production
                // build fails to load the workspace (rolldown/rolldown#10734).
                /\/src\/app\/(first-data\.ts|workspace\.tsx|page-scopes\.ts)$/.test(id) ||
                id.endsWith('/packages/auth/src/react/use-has-scopes.ts') ||
                (id.includes('/src/pages/') && !PUBLIC_PAGES.test(id)) ||
                (id.includes('/src/components/') && !SIGN_IN_COMPONENTS.test(id)),
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
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'auth',
          environment: 'jsdom',
          include: ['packages/auth/tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/setup.ts'],
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
