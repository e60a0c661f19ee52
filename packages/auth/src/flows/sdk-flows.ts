// The half of the sign-in code that needs @livechat/accounts-sdk: the SDK and what wraps it,
// watching a popup and checking its answer, leaving for a redirect sign-in. Loaded as one module
// when a popup or redirect sign-in is near (load-sdk-flows.ts), so neither the sign-in page's
// bundle nor a silent restore holds the SDK.
import { watchPopup } from './popup-watchdog'
import { startRedirectSignIn } from './redirect-flow'

export const sdkFlows = { watchPopup, startRedirectSignIn }

export type SdkFlows = typeof sdkFlows
