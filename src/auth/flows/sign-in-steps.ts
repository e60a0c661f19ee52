// The half of the sign-in code that needs @livechat/accounts-sdk: the SDK and what wraps it,
// checking a popup's answer, leaving for a redirect sign-in. Loaded as one module when a popup or
// redirect sign-in is near (load-sign-in-steps.ts), so neither the sign-in page's bundle nor a
// silent restore holds the SDK.
import { createSdk, sweepSdkStorage, withoutSdkMessageListener } from './accounts-sdk'
import { judgeAuthorizeMessage } from '../answers/authorize-message'
import { noteFlow } from './flow-observer'
import { startRedirectSignIn } from './redirect-flow'
import { canNavigateToAuthorize } from './redirect-guard'

export const signInSteps = {
  createSdk,
  sweepSdkStorage,
  withoutSdkMessageListener,
  judgeAuthorizeMessage,
  startRedirectSignIn,
  noteFlow,
  // The flow lab waits for the loop breaker instead of running into its refusal.
  canNavigateToAuthorize,
}

export type SignInSteps = typeof signInSteps
