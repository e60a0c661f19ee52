// client-steps.ts, loaded once and shared: at startup for a restore or a redirect callback, ahead
// of need (`client.preload()`), or when a sign-in completes.
import { loadOnce } from '../flows/load-once'

const steps = loadOnce(() => import('./session-operations').then((m) => m.clientSteps))

export const loadClientSteps = steps.load
export const preloadClientSteps = steps.preload
