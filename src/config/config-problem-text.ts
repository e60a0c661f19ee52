// What each configuration problem means and how to fix it, in words: the auth package's words
// for its settings, and the app's own for the one setting it reads itself. Only the setup page
// (a broken build) needs them.
import { describeConfigProblem as describeAuthConfigProblem } from 'livechat-browser-auth'
import type { ConfigProblem } from './env'

export function describeConfigProblem({ issue, value, example }: ConfigProblem): string {
  if (issue === 'not-boolean') return `"${value ?? ''}" must be true or false.`
  return describeAuthConfigProblem({ issue, value, example })
}
