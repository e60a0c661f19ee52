// The half of the sign-in code that needs no SDK: completing (code exchange, /v2/info
// validation), renewing and silently restoring a session, leaving for the implicit grant,
// revoking. One module loaded on first use (load-sign-in-steps.ts), so a restore at startup
// costs a few KB, not the SDK.
import { completeSignIn, renewSession } from './complete-sign-in'
import { noteFlow } from './flow-observer'
import { startImplicitSignIn } from './implicit-flow'
import { trySilentSignIn } from './silent-flow'
import { endAllSessions, revokeToken } from './token-endpoint'

export const sessionSteps = {
  completeSignIn,
  renewSession,
  trySilentSignIn,
  startImplicitSignIn,
  revokeToken,
  endAllSessions,
  noteFlow,
}

export type SessionSteps = typeof sessionSteps
