// The half of the auth layer that talks to LiveChat after a click or at startup: the SDK and what
// wraps it, checking a popup's answer, completing, renewing and silently restoring a session,
// leaving for a redirect or implicit sign-in, revoking. Loaded as one module on first use
// (load-sign-in-steps.ts), so the sign-in page's bundle holds none of it (issue 7); one lazy
// boundary instead of one per function keeps the startup code small.
import { createSdk, sweepSdkStorage, withoutSdkMessageListener } from './accounts-sdk'
import { judgeAuthorizeMessage } from '../answers/authorize-message'
import { completeSignIn, renewSession } from './complete-sign-in'
import { noteFlow } from './flow-observer'
import { startImplicitSignIn } from './implicit-flow'
import { startRedirectSignIn } from './redirect-flow'
import { trySilentSignIn } from './silent-flow'
import { endAllSessions, revokeToken } from './token-endpoint'

export const signInSteps = {
  createSdk,
  sweepSdkStorage,
  withoutSdkMessageListener,
  judgeAuthorizeMessage,
  completeSignIn,
  renewSession,
  trySilentSignIn,
  startRedirectSignIn,
  startImplicitSignIn,
  revokeToken,
  endAllSessions,
  noteFlow,
}

export type SignInSteps = typeof signInSteps
