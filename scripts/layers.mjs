// The layers of the app's src/ and of the auth package's src/, bottom to top, and what each may
// import: imports point down the data flow. eslint.config.js enforces both with
// eslint-plugin-boundaries; tests/repo/layers.test.ts proves the rules fail on an import that runs
// back up.

/**
 * The app: livechat-browser-auth → config → api / live / lab / agent-app → components → pages →
 * app (agent-app: the connection to LiveChat's Agent App around a widget). The auth package sits
 * below config; any layer may import it, through its entry points only
 * (AUTH_ENTRY_POINTS). src/main.tsx stands above every layer (it renders the app), so it is not
 * one.
 *
 * The startup bundle is a set of folders too (vite.config.ts, decision 011): `public` (the pages
 * shown signed out) may import only config, ui and lab, never the workspace's folders (api, live,
 * components, pages), so the sign-in page never pulls the workspace chunk in.
 */
export const LAYERS = [
  { layer: 'config', pattern: 'src/config', mayImport: [] },
  // Primitives any layer may draw (a spinner, the top bar): they import nothing of the app.
  { layer: 'ui', pattern: 'src/ui', mayImport: [] },
  { layer: 'api', pattern: 'src/api', mayImport: ['config'] },
  { layer: 'live', pattern: 'src/live', mayImport: ['config', 'api'] },
  { layer: 'lab', pattern: 'src/lab', mayImport: ['config', 'ui'] },
  // The pages shown signed out (sign-in, setup, the flow lab): the startup side of the split.
  { layer: 'public', pattern: 'src/public', mayImport: ['config', 'ui', 'lab'] },
  { layer: 'agent-app', pattern: 'src/agent-app', mayImport: ['config'] },
  {
    layer: 'components',
    pattern: 'src/components',
    mayImport: ['config', 'ui', 'api', 'live', 'agent-app'],
  },
  {
    layer: 'pages',
    pattern: 'src/pages',
    mayImport: ['config', 'ui', 'api', 'live', 'lab', 'agent-app', 'components'],
  },
  {
    layer: 'app',
    pattern: 'src/app',
    mayImport: ['config', 'ui', 'api', 'live', 'lab', 'agent-app', 'public', 'components', 'pages'],
  },
]

/** What the app (src/ and its tests) may import of the auth package: its public entry points. */
export const AUTH_ENTRY_POINTS = [
  'livechat-browser-auth',
  'livechat-browser-auth/react',
  'livechat-browser-auth/react-router',
  'livechat-browser-auth/qs',
]

/**
 * The auth package (packages/auth/src), bottom to top: each layer may import the layers below
 * it. Shared vocabulary first (configuration, errors, scope rules), then the data flow of a
 * sign-in: protocol primitives → the SDK adapter → the flows (an authorize round trip) → the
 * redirect callback → the session (a checked token, its renewal, expiry and other tabs) → the
 * fetch client → the client → the React adapter → the React Router pieces. Type-only imports
 * obey the layers too.
 */
export const PACKAGE_LAYERS = [
  'config',
  'errors',
  'scopes',
  'protocol',
  'sdk',
  'flows',
  'callback',
  'session',
  'api',
  'client',
  'react',
  'react-router',
].map((layer, index, layers) => ({
  layer,
  pattern: `packages/auth/src/${layer}`,
  mayImport: layers.slice(0, index),
}))

/**
 * The package's entry files (src/*.ts): each re-exports its layers, and nothing inside the
 * package imports an entry.
 */
export const PACKAGE_ENTRIES = [
  {
    entry: 'core-entry',
    files: ['index.ts', 'qs.ts'],
    mayImport: PACKAGE_LAYERS.map(({ layer }) => layer).filter((l) => !l.startsWith('react')),
  },
  { entry: 'react-entry', files: ['react.ts'], mayImport: ['react'] },
  { entry: 'react-router-entry', files: ['react-router.ts'], mayImport: ['react-router'] },
]
