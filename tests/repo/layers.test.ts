// The layer rules in eslint.config.js (scripts/layers.mjs) are only worth having if
// they fail: each case lints a deliberate import at a path inside src/ or packages/auth/src/ with
// the project's own config.
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

// Loading the config, its plugins and the TypeScript parser takes seconds on a busy machine: done
// once here, so each case below times only its own lint.
// The package's files also build the import graph that import-x/no-cycle walks.
beforeAll(async () => {
  await eslint.lintText("export { useApiClient } from '../api/use-api-client'\n", {
    filePath: 'src/pages/warm-up.ts',
  })
  await eslint.lintText("export { createAuthClient } from '../client/auth-client'\n", {
    filePath: 'packages/auth/src/react/warm-up.ts',
  })
}, 60_000)

async function problemsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`)
}

describe('the app: imports point down the data flow (eslint-plugin-boundaries)', () => {
  it.each([
    [
      'the api layer importing a page',
      'src/api/back-up.ts',
      "import { HomePage } from '../pages/home-page'\nexport const x = HomePage\n",
      'api must not import pages',
    ],
    [
      'config importing the api layer',
      'src/config/back-up.ts',
      "import { useApiClient } from '../api/use-api-client'\nexport const x = useApiClient\n",
      'config must not import api',
    ],
    [
      'a component importing the app shell',
      'src/components/back-up.tsx',
      "import { AppRoutes } from '../app/router'\nexport const x = AppRoutes\n",
      'components must not import app',
    ],
    [
      'the sign-in side importing the workspace (its API client)',
      'src/public/back-up.tsx',
      "import { useApiClient } from '../api/use-api-client'\nexport const x = useApiClient\n",
      'public must not import api',
    ],
    [
      'the sign-in side importing a workspace component',
      'src/public/back-up.tsx',
      "import { Layout } from '../components/layout'\nexport const x = Layout\n",
      'public must not import components',
    ],
    [
      'the Agent App connection reaching for the API layer (it only carries hints)',
      'src/agent-app/back-up.ts',
      "import { customerQueries } from '../api/customers'\nexport const x = customerQueries\n",
      'agent-app must not import api',
    ],
    [
      'a lazy import reaching up (the guard that once loaded a page itself)',
      'src/components/back-up.tsx',
      "export const load = () => import('../pages/missing-scopes-page')\n",
      'components must not import pages',
    ],
  ])('fails on %s', async (_case, filePath, code, expected) => {
    const problems = await problemsOf(filePath, code)
    expect(
      problems.some((p) => p.startsWith('boundaries/dependencies') && p.includes(expected)),
    ).toBe(true)
  })

  it.each([
    ['by path', "import { createSandbox } from '../../packages/sandbox/src/app'"],
    ['by package name', "import { createSandbox } from 'livechat-sandbox'"],
  ])('fails when src/ imports the sandbox %s', async (_case, line) => {
    const problems = await problemsOf(
      'src/api/back-up.ts',
      `${line}\nexport const x = createSandbox\n`,
    )
    expect(problems).toContainEqual(
      expect.stringContaining('src/ must not import the sandbox or tests/'),
    )
  })

  it.each([
    [
      'a page importing a flow by its path in the package',
      'src/pages/back-up.tsx',
      "import { startPopupSignIn } from 'livechat-browser-auth/src/flows/popup-flow'\nexport const x = startPopupSignIn\n",
    ],
    [
      'the app shell importing the session reducer from packages/',
      'src/app/back-up.tsx',
      "import { authReducer } from '../../packages/auth/src/session/auth-reducer'\nexport const x = authReducer\n",
    ],
    [
      'an app test reaching into the package',
      'tests/unit/pages/back-up.test.tsx',
      "import { startPopupSignIn } from '../../packages/auth/src/flows/popup-flow'\nexport const x = startPopupSignIn\n",
    ],
  ])(
    'fails on %s: the auth package only through its entry points',
    async (_case, filePath, code) => {
      expect(await problemsOf(filePath, code)).toContainEqual(
        expect.stringContaining('Import the auth package through its entry points only'),
      )
    },
  )

  it('fails when the app imports the accounts SDK itself', async () => {
    expect(
      await problemsOf(
        'src/pages/back-up.tsx',
        "import AccountsSDK from '@livechat/accounts-sdk'\nexport const x = AccountsSDK\n",
      ),
    ).toContainEqual(expect.stringContaining('Only packages/auth/src/sdk/accounts-sdk.ts'))
  })

  it('fails when anything but src/agent-app/agent-app-sdk.ts imports the Agent App SDK', async () => {
    expect(
      await problemsOf(
        'src/pages/back-up.tsx',
        "import { createDetailsWidget } from '@livechat/agent-app-sdk'\nexport const x = createDetailsWidget\n",
      ),
    ).toContainEqual(expect.stringContaining('Only src/agent-app/agent-app-sdk.ts'))
  })

  it.each([
    [
      'config using the auth package, which sits below it',
      'src/config/fine.ts',
      "import { checkAuthConfig } from 'livechat-browser-auth'\nexport const x = checkAuthConfig\n",
    ],
    [
      'a page using the entry points and the ui primitives',
      'src/pages/fine.tsx',
      "import { describeScope, type Session } from 'livechat-browser-auth'\nimport { useAuth } from 'livechat-browser-auth/react'\nimport { RequireAuth } from 'livechat-browser-auth/react-router'\nimport { Spinner } from '../ui/spinner'\nexport const x: [unknown, unknown, unknown, unknown, Session | null] = [describeScope, useAuth, RequireAuth, Spinner, null]\n",
    ],
  ])('passes %s', async (_case, filePath, code) => {
    expect(await problemsOf(filePath, code)).toEqual([])
  })
})

describe('the app: no import cycles (import-x/no-cycle)', () => {
  it('fails on a cycle inside src/', async () => {
    // limit-gate re-exports the countdown: the countdown importing the gate back closes a loop.
    const problems = await problemsOf(
      'src/lab/later/limit-wait.tsx',
      "import { createGate } from './limit-gate'\nexport const LimitWait = () => createGate\n",
    )
    expect(problems).toContainEqual(expect.stringContaining('import-x/no-cycle'))
  })
})

describe('the auth package: its own layers, entry points and no cycles', () => {
  it.each([
    [
      'a flow importing the client',
      'packages/auth/src/flows/back-up.ts',
      "import { createAuthClient } from '../client/auth-client'\nexport const x = createAuthClient\n",
      'flows must not import client',
    ],
    [
      'a protocol primitive importing a flow',
      'packages/auth/src/protocol/back-up.ts',
      "import { startPopupSignIn } from '../flows/popup-flow'\nexport const x = startPopupSignIn\n",
      'protocol must not import flows',
    ],
    [
      'a type-only import running back up',
      'packages/auth/src/flows/back-up.ts',
      "import type { Session } from '../session/session'\nexport type X = Session\n",
      'flows must not import session',
    ],
    [
      'the framework-free client importing the React adapter',
      'packages/auth/src/client/back-up.ts',
      "import { useAuth } from '../react/use-auth'\nexport const x = useAuth\n",
      'client must not import react',
    ],
  ])('fails on %s', async (_case, filePath, code, expected) => {
    const problems = await problemsOf(filePath, code)
    expect(
      problems.some((p) => p.startsWith('boundaries/dependencies') && p.includes(expected)),
    ).toBe(true)
  })

  it('fails when a module inside imports an entry point', async () => {
    expect(
      await problemsOf(
        'packages/auth/src/session/back-up.ts',
        "import { createAuthClient } from '../index'\nexport const x = createAuthClient\n",
      ),
    ).toContainEqual(expect.stringContaining('not an entry point'))
  })

  it('fails when the framework-free entry point re-exports the React adapter', async () => {
    expect(
      await problemsOf(
        'packages/auth/src/index.ts',
        "export { useAuth } from './react/use-auth'\n",
      ),
    ).toContainEqual(expect.stringContaining('This entry point re-exports only config'))
  })

  it('fails on an import cycle (import-x/no-cycle)', async () => {
    // auth-error-text → oauth-error → auth-error: importing the words back closes a loop.
    const problems = await problemsOf(
      'packages/auth/src/errors/auth-error.ts',
      "import { describeAuthError } from './auth-error-text'\nexport const x = describeAuthError\nexport class AuthError extends Error {}\n",
    )
    expect(problems).toContainEqual(expect.stringContaining('import-x/no-cycle'))
  })

  it('fails when anything but the SDK adapter imports the SDK', async () => {
    expect(
      await problemsOf(
        'packages/auth/src/flows/back-up.ts',
        "import AccountsSDK from '@livechat/accounts-sdk'\nexport const x = AccountsSDK\n",
      ),
    ).toContainEqual(expect.stringContaining('Only packages/auth/src/sdk/accounts-sdk.ts'))
  })

  it('passes a flow using the protocol primitives, the SDK adapter and the errors', async () => {
    expect(
      await problemsOf(
        'packages/auth/src/flows/fine.ts',
        "import { randomState } from '../protocol/random'\nimport { createSdk } from '../sdk/accounts-sdk'\nimport { AuthError } from '../errors/auth-error'\nexport const x = [randomState, createSdk, AuthError]\n",
      ),
    ).toEqual([])
  })
})
