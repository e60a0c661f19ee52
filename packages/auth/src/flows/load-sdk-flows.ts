// The lazy half of the popup and redirect flows: @livechat/accounts-sdk (~6 KB gzip with the
// `qs` stand-in, ~22 KB without) and what wraps it. Loaded when the agent shows the intent to use
// one (`client.preload('popup')` on pointer or focus) or clicks it; the popup's window still opens
// inside the click. The other half, which needs no SDK, is client/load-client-steps.ts.
import { loadOnce } from './load-once'

const sdkSteps = loadOnce(() => import('./sdk-flows').then((m) => m.signInSteps))

export const loadSignInSteps = sdkSteps.load
export const preloadSignInSteps = sdkSteps.preload
