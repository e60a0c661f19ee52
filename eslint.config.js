import js from '@eslint/js'
import boundaries from 'eslint-plugin-boundaries'
import importX from 'eslint-plugin-import-x'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { LAYERS, AUTH_PUBLIC_SURFACE } from './scripts/layers.mjs'

const noSandboxOrTests = {
  group: ['**/sandbox/**', 'livechat-sandbox', 'livechat-sandbox/**', '**/tests/**'],
  message: 'src/ must not import the sandbox or tests/.',
}

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
    files: ['src/**/*.{ts,tsx}', 'tests/unit/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    // The data flows one way: nothing in the app imports the sandbox or the tests.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@livechat/accounts-sdk',
              message:
                'Only src/auth/flows/accounts-sdk.ts may import the SDK: it wraps its defects.',
            },
          ],
          patterns: [noSandboxOrTests],
        },
      ],
      'no-console': ['error', { allow: ['warn'] }],
    },
  },
  {
    // The one module allowed to import the SDK.
    files: ['src/auth/flows/accounts-sdk.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSandboxOrTests] }] },
  },
  {
    // Floors (scripts/layers.mjs): a file may import its own floor and the floors below it, never
    // one above; other floors see only the auth layer's public surface.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/include': ['src/**/*'],
      'boundaries/elements': LAYERS.map(({ floor, pattern }) => ({ type: floor, pattern })),
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message:
            '{{from.element.type}} must not import {{to.element.type}} {{to.element.fileInternalPath}}: imports point down the data flow, and into auth only through its public surface (scripts/layers.mjs).',
          // The last matching policy decides.
          policies: [
            ...LAYERS.map(({ floor, mayImport }) => ({
              from: { element: { type: floor } },
              allow: { to: { element: { type: [floor, ...mayImport] } } },
            })),
            // Inside auth anything goes; from outside, only the public surface.
            {
              from: { element: { type: '!auth' } },
              disallow: {
                to: {
                  element: {
                    type: 'auth',
                    fileInternalPath: `!(${AUTH_PUBLIC_SURFACE.join('|')})`,
                  },
                },
              },
            },
          ],
        },
      ],
    },
  },
  {
    // The sandbox package's modules form no import cycle (madge --circular agrees; this rule
    // misses cycles made only of `import type`, so keep types in their own modules).
    files: ['packages/sandbox/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js'] })],
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
