// The lazy half of the popup and redirect flows: @livechat/accounts-sdk (~6 KB gzip with the
// `qs` stand-in, ~22 KB without) and what wraps it. Loaded when the agent shows the intent to use
// one (`client.preload('popup')` on pointer or focus) or clicks it; the popup's window still opens
// inside the click. The other half, which needs no SDK, is client/load-session-operations.ts.
import { loadOnce } from './load-once'

const sdkFlows = loadOnce(() => import('./sdk-flows').then((m) => m.sdkFlows))

export const loadSdkFlows = sdkFlows.load
export const preloadSdkFlows = sdkFlows.preload
