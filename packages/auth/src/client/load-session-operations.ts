// session-operations.ts, loaded once and shared: at startup for a restore or a redirect callback,
// ahead of need (`client.preload()`), or when a sign-in completes.
import { loadOnce } from '../flows/load-once'

const operations = loadOnce(() => import('./session-operations').then((m) => m.sessionOperations))

export const loadSessionOperations = operations.load
export const preloadSessionOperations = operations.preload
