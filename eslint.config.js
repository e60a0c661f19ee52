import js from '@eslint/js'
import boundaries from 'eslint-plugin-boundaries'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { AUTH_ENTRY_POINTS, LAYERS, PACKAGE_ENTRIES, PACKAGE_LAYERS } from './scripts/layers.mjs'

const noSandboxOrTests = {
  group: ['**/sandbox/**', 'livechat-sandbox', 'livechat-sandbox/**', '**/tests/**'],
  message: 'src/ must not import the sandbox or tests/.',
}

/** The app and its tests use the auth package like any consumer: through its entry points. */
const authEntryPointsOnly = [
  {
    regex: `^livechat-browser-auth/(?!(${AUTH_ENTRY_POINTS.map((e) => e.split('/')[1])
      .filter(Boolean)
      .join('|')})$)`,
    message: `Import the auth package through its entry points only: ${AUTH_ENTRY_POINTS.join(', ')}.`,
  },
  {
    group: ['**/packages/auth/**', '**/packages/auth'],
    message: `Import the auth package through its entry points only: ${AUTH_ENTRY_POINTS.join(', ')}.`,
  },
]

const theAgentAppSdk = {
  name: '@livechat/agent-app-sdk',
  message:
    'Only src/agent-app/agent-app-sdk.ts may import the Agent App SDK: the widget routes alone load it (a lazy chunk).',
}

const theSdk = {
  name: '@livechat/accounts-sdk',
  message:
    'Only packages/auth/src/sdk/accounts-sdk.ts may import the SDK: it wraps its defects (the app uses livechat-browser-auth).',
}

/** The package's entry files, src/<name>.ts, by name. */
const ENTRY_FILES = PACKAGE_ENTRIES.flatMap(({ files }) => files.map((f) => f.replace(/\.ts$/, '')))

/** Resolves TypeScript sources, and the packages to their sources as the app's tools do. */
const resolver = createNodeResolver({
  extensions: ['.ts', '.tsx', '.js', '.mjs'],
  conditionNames: [
    'livechat-browser-auth:source',
    'livechat-sandbox:source',
    'types',
    'import',
    'default',
  ],
})

/**
 * eslint-plugin-boundaries over `files`: each layer may import itself and the layers it lists
 * (scripts/layers.mjs), nothing above; `where` ends the message.
 */
const layerRules = ({ files, include, layers, where }) => ({
  files,
  plugins: { boundaries },
  settings: {
    'boundaries/include': include,
    'boundaries/elements': layers.map(({ layer, pattern }) => ({ type: layer, pattern })),
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        message: `{{from.element.type}} must not import {{to.element.type}}: ${where} (scripts/layers.mjs).`,
        policies: layers.map(({ layer, mayImport }) => ({
          from: { element: { type: layer } },
          allow: { to: { element: { type: [layer, ...mayImport] } } },
        })),
      },
    ],
  },
})

export default tseslint.config(
  {
    ignores: [
      'dist',
      '**/dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain browser scripts the sandbox serves as they are (its Agent App's host).
    files: ['packages/sandbox/assets/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: [
      'src/**/*.{ts,tsx}',
      'tests/{unit,repo,support}/**/*.{ts,tsx}',
      'packages/auth/{src,tests}/**/*.{ts,tsx}',
    ],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    // The data flows one way: nothing in the app imports the sandbox or the tests, the SDK is the
    // auth package's business, and the package is used through its entry points.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [theSdk, theAgentAppSdk], patterns: [noSandboxOrTests, ...authEntryPointsOnly] },
      ],
      'no-console': ['error', { allow: ['warn'] }],
    },
  },
  {
    // The one module allowed to import the Agent App SDK.
    files: ['src/agent-app/agent-app-sdk.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [theSdk], patterns: [noSandboxOrTests, ...authEntryPointsOnly] },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: authEntryPointsOnly }] },
  },
  // Layers: a file may import its own layer and the layers below it, never one above.
  layerRules({
    files: ['src/**/*.{ts,tsx}'],
    include: ['src/**/*'],
    layers: LAYERS,
    where: 'imports point down the data flow',
  }),
  {
    // The auth package: a library, so no console, and the SDK only through its adapter.
    files: ['packages/auth/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [theSdk], patterns: [noSandboxOrTests] }],
      'no-console': 'error',
    },
  },
  // The auth package's own layers.
  layerRules({
    files: ['packages/auth/src/**/*.{ts,tsx}'],
    include: ['packages/auth/src/*/**/*'],
    layers: PACKAGE_LAYERS,
    where: 'inside the auth package imports point down its layers',
  }),
  {
    // Nothing inside the package imports an entry point (they re-export it).
    files: ['packages/auth/src/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [theSdk],
          patterns: [
            noSandboxOrTests,
            {
              regex: `^\\.\\./(${ENTRY_FILES.join('|')})(\\.tsx?)?$`,
              message: 'Inside the auth package, import the module itself, not an entry point.',
            },
          ],
        },
      ],
    },
  },
  ...PACKAGE_ENTRIES.map(({ files, mayImport }) => ({
    // Each entry point re-exports its own layers: the core one never React.
    files: files.map((file) => `packages/auth/src/${file}`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [theSdk],
          patterns: [
            {
              regex: `^\\./(?!(${mayImport.join('|')})/)`,
              message: `This entry point re-exports only ${mayImport.join(', ')} (scripts/layers.mjs).`,
            },
          ],
        },
      ],
    },
  })),
  {
    // The one module allowed to import the SDK.
    files: ['packages/auth/src/sdk/accounts-sdk.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSandboxOrTests] }] },
  },
  {
    // No import cycles anywhere: the app, the packages and the tests. The rule skips `import type`
    // (it has no option to count them); tests/repo/import-cycles.test.ts walks every import,
    // types included, and fails on a cycle of any kind.
    files: [
      'src/**/*.{ts,tsx}',
      'tests/**/*.{ts,tsx}',
      'packages/*/src/**/*.{ts,tsx}',
      'packages/*/tests/**/*.{ts,tsx}',
    ],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [resolver],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
)
