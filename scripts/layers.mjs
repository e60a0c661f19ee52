// The floors of the app's src/ and of the auth package's src/, bottom to top, and what each may
// import: imports point down the data flow. eslint.config.js enforces both with
// eslint-plugin-boundaries; tests/unit/lint/layers.test.ts proves the rules fail on an import
// that runs back up.

/**
 * The app: livechat-browser-auth → config → api / live / lab / agent-app → components → pages →
 * app (agent-app: the connection to LiveChat's Agent App around a widget). The
 * auth package sits below config; any floor may import it, through its entry points only
 * (AUTH_ENTRY_POINTS). src/main.tsx stands above every floor (it renders the app), so it is not one.
 */
export const LAYERS = [
  { floor: 'config', pattern: 'src/config', mayImport: [] },
  // Primitives any floor may draw (a spinner): they import nothing of the app.
  { floor: 'ui', pattern: 'src/ui', mayImport: [] },
  { floor: 'api', pattern: 'src/api', mayImport: ['config'] },
  { floor: 'live', pattern: 'src/live', mayImport: ['config', 'api'] },
  { floor: 'lab', pattern: 'src/lab', mayImport: ['config', 'ui'] },
  { floor: 'agent-app', pattern: 'src/agent-app', mayImport: ['config'] },
  {
    floor: 'components',
    pattern: 'src/components',
    mayImport: ['config', 'ui', 'api', 'live', 'agent-app'],
  },
  {
    floor: 'pages',
    pattern: 'src/pages',
    mayImport: ['config', 'ui', 'api', 'live', 'lab', 'agent-app', 'components'],
  },
  {
    floor: 'app',
    pattern: 'src/app',
    mayImport: ['config', 'ui', 'api', 'live', 'lab', 'agent-app', 'components', 'pages'],
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
 * The auth package (packages/auth/src), bottom to top: each floor may import the floors below
 * it. Shared vocabulary first (configuration, errors, scope rules), then the data flow of a
 * sign-in: protocol primitives → the SDK adapter → the flows (an authorize round trip) → the
 * redirect callback → the session (a checked token, its renewal, expiry and other tabs) → the
 * fetch client → the client → the React adapter → the React Router pieces. Type-only imports
 * obey the floors too.
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
].map((floor, index, floors) => ({
  floor,
  pattern: `packages/auth/src/${floor}`,
  mayImport: floors.slice(0, index),
}))

/**
 * The package's entry files (src/*.ts): each re-exports its floors, and nothing inside the
 * package imports an entry.
 */
export const PACKAGE_ENTRIES = [
  {
    entry: 'core-entry',
    files: ['index.ts', 'qs.ts'],
    mayImport: PACKAGE_LAYERS.map(({ floor }) => floor).filter((f) => !f.startsWith('react')),
  },
  { entry: 'react-entry', files: ['react.ts'], mayImport: ['react'] },
  { entry: 'react-router-entry', files: ['react-router.ts'], mayImport: ['react-router'] },
]
