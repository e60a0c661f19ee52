import { describeConfigProblem } from '../config/config-problem-text'
import type { ConfigProblem } from '../config/env'

/**
 * Shown instead of the app when configuration is missing or malformed: what to set and where,
 * never a blank page.
 */
export function SetupPage({ problems }: { problems: ConfigProblem[] }) {
  return (
    <main className="page page--center">
      <div className="card card--wide">
        <h1>Finish setting up the app</h1>
        <p>
          The app needs a few settings before agents can sign in. Set these environment variables
          (for example in <code>.env.local</code>) and rebuild or restart the dev server:
        </p>
        <ul className="problem-list" aria-label="Settings to fix">
          {problems.map((problem) => (
            <li key={problem.variable}>
              <code>{problem.variable}</code>: {describeConfigProblem(problem)}
            </li>
          ))}
        </ul>
        <p>
          Signing in with a personal access token (for development and personal use) is offered in
          development and sandbox builds; set <code>VITE_LIVECHAT_ALLOW_PAT=true</code> to offer it
          in a production build of a private app for your own use.
        </p>
        <p>
          No LiveChat app yet? Run <code>npm start</code>: it starts a local LiveChat sandbox and
          configures the app for it.
        </p>
      </div>
    </main>
  )
}
