import { agentAppOriginsProblem } from './agent-app-origins'
import { readConfig, type ConfigResult } from './env'

const read = readConfig(import.meta.env, window.location.origin)
// A build with a malformed VITE_LIVECHAT_AGENT_APP_ORIGINS never ships (security-headers.ts stops
// it), so only the dev server, which starts anyway, has it to show; production builds drop this.
const origins = import.meta.env.DEV ? agentAppOriginsProblem(import.meta.env) : null

/** The app's configuration, read from the build's env once at startup. */
export const configResult: ConfigResult = origins
  ? { ok: false, problems: [...(read.ok ? [] : read.problems), origins] }
  : read
