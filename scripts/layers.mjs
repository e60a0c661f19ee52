// The floors of src/, bottom to top, and what each may import: imports point down the data flow
// (config → auth → api / live / lab → components → pages → app). eslint.config.js enforces it
// with eslint-plugin-boundaries; tests/unit/lint/layers.test.ts proves it fails on an import that
// runs back up.
// src/main.tsx stands above every floor (it renders the app), so it is not one.
export const LAYERS = [
  { floor: 'config', pattern: 'src/config', mayImport: [] },
  // Primitives any floor may draw (a spinner): they import nothing of the app.
  { floor: 'ui', pattern: 'src/ui', mayImport: [] },
  { floor: 'types', pattern: 'src/types', mayImport: [] },
  { floor: 'auth', pattern: 'src/auth', mayImport: ['config', 'ui', 'types'] },
  { floor: 'api', pattern: 'src/api', mayImport: ['config', 'auth'] },
  { floor: 'live', pattern: 'src/live', mayImport: ['config', 'auth', 'api'] },
  { floor: 'lab', pattern: 'src/lab', mayImport: ['config', 'ui', 'auth'] },
  {
    floor: 'components',
    pattern: 'src/components',
    mayImport: ['config', 'ui', 'auth', 'api', 'live'],
  },
  {
    floor: 'pages',
    pattern: 'src/pages',
    mayImport: ['config', 'ui', 'auth', 'api', 'live', 'lab', 'components'],
  },
  {
    floor: 'app',
    pattern: 'src/app',
    mayImport: ['config', 'ui', 'auth', 'api', 'live', 'lab', 'components', 'pages'],
  },
]

/**
 * What the rest of the app (and a developer copying the layer) may import from src/auth/; every
 * other file there is the layer's own business. Paths are relative to src/auth/.
 */
export const AUTH_PUBLIC_SURFACE = [
  // The provider, its context and hooks: the layer's face.
  'auth-provider.tsx',
  'auth-context.ts',
  'use-auth.ts',
  // The credential ({scheme, value}) handed to the fetch client and the socket.
  'credential.ts',
  // Route guards, scope rules and their meanings, the return path.
  'guards/**',
  // Errors as values, and their words.
  'errors/**',
  // The session's shape (types only outside auth).
  'session/session.ts',
  // main.tsx: read and strip a redirect answer before React renders.
  'answers/redirect-result.ts',
  // The sign-in page warms the lazy sign-in code on idle.
  'flows/load-sign-in-steps.ts',
  // The flow lab's tap on a running sign-in.
  'flows/flow-observer.ts',
]
