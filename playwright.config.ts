import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium-path.mjs'

// Real Chromium (Debian's, never a downloaded build) against the real sandbox server and the
// app served two ways: the Vite dev server as `npm start` runs it (:5173) and the production
// build through `vite preview` (:4173). Tests run one at a time because they share one sandbox,
// which each test resets through its control API.
const vite = 'node node_modules/vite/bin/vite.js'

export default defineConfig({
  testDir: '.',
  testMatch: [
    'packages/sandbox/tests/**/*.spec.ts',
    'tests/e2e/**/*.spec.ts',
    // The auth package's own Chromium tests (the quick start in a fresh app).
    'packages/auth/tests/e2e/**/*.spec.ts',
  ],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: 'http://localhost:5173',
    trace: 'off',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS],
    },
  },
  webServer: [
    {
      command: 'node node_modules/tsx/dist/cli.mjs packages/sandbox/src/cli.ts',
      url: 'http://localhost:4010/sandbox/health',
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      command: `${vite} --mode development`,
      url: 'http://localhost:5173',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `${vite} build --mode sandbox --logLevel warn && ${vite} preview --mode sandbox`,
      url: 'http://localhost:4173',
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
})
