// The layer rule in eslint.config.js (floors in scripts/layers.mjs) is only worth having if it
// fails: each case lints a deliberate import at a path inside src/ with the project's own config.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function problemsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`)
}

describe('imports point down the data flow (eslint-plugin-boundaries)', () => {
  it.each([
    [
      'a guard reaching up into the components',
      'src/auth/guards/back-up.tsx',
      "import { Layout } from '../../components/layout'\nexport const x = Layout\n",
      'auth must not import components',
    ],
    [
      'the api layer importing a page',
      'src/api/back-up.ts',
      "import { HomePage } from '../pages/home-page'\nexport const x = HomePage\n",
      'api must not import pages',
    ],
    [
      'config importing auth',
      'src/config/back-up.ts',
      "import { useAuth } from '../auth/use-auth'\nexport const x = useAuth\n",
      'config must not import auth',
    ],
    [
      'a component importing the app shell',
      'src/components/back-up.tsx',
      "import { AppRoutes } from '../app/router'\nexport const x = AppRoutes\n",
      'components must not import app',
    ],
    [
      'a page importing a flow instead of useAuth',
      'src/pages/back-up.tsx',
      "import { startPopupSignIn } from '../auth/flows/popup-flow'\nexport const x = startPopupSignIn\n",
      'pages must not import auth flows/popup-flow.ts',
    ],
    [
      'a lazy import reaching up (the guard that once loaded a page itself)',
      'src/auth/guards/back-up.tsx',
      "export const load = () => import('../../pages/missing-scopes-page')\n",
      'auth must not import pages',
    ],
    [
      'the app shell importing the session reducer',
      'src/app/back-up.tsx',
      "import { authReducer } from '../auth/session/auth-reducer'\nexport const x = authReducer\n",
      'app must not import auth session/auth-reducer.ts',
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
      'auth using config and the ui primitives',
      'src/auth/guards/fine.tsx',
      "import { paths } from '../../config/paths'\nimport { Spinner } from '../../ui/spinner'\nexport const x = [paths, Spinner]\n",
    ],
    [
      'a page using the public surface of auth',
      'src/pages/fine.tsx',
      "import { useAuth } from '../auth/use-auth'\nimport { describeScope } from '../auth/guards/scope-meanings'\nimport type { Session } from '../auth/session/session'\nexport const x: [unknown, unknown, Session | null] = [useAuth, describeScope, null]\n",
    ],
    [
      'one flow importing another part of auth',
      'src/auth/flows/fine.ts',
      "import { authReducer } from '../session/auth-reducer'\nexport const x = authReducer\n",
    ],
  ])('passes %s', async (_case, filePath, code) => {
    expect(await problemsOf(filePath, code)).toEqual([])
  })
})
