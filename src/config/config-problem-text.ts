// What each configuration problem means and how to fix it, in words: the auth package's words
// for its settings, and the app's own for the one setting it reads itself. Only the setup page
// (a broken build) needs them.
import { describeConfigProblem as describeAuthConfigProblem } from 'livechat-browser-auth'
import type { ConfigProblem } from './env'

export function describeConfigProblem({ issue, value, example, reason }: ConfigProblem): string {
  if (issue === 'not-boolean') return `"${value ?? ''}" must be true or false.`
  if (issue === 'not-origin-list')
    return `"${value ?? ''}" ${reason ?? 'is not an origin'}: list the origins allowed to frame the widgets, comma-separated (e.g. https://my.livechatinc.com).`
  return describeAuthConfigProblem({ issue, value, example })
}
