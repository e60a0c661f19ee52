// The Flow lab's hook: the lab store's state (a run, the last result per flow, a Run all in
// progress), kept in step with the auth client, and the actions a click starts.
import { use, useEffect, useSyncExternalStore } from 'react'
import { useAuth } from 'livechat-browser-auth/react'
import { labStoreOfThisPage } from './lab-store'
import { LabStoreContext } from './lab-store-context'

export function useFlowLab() {
  const store = use(LabStoreContext) ?? labStoreOfThisPage()
  const auth = useAuth()
  const lab = useSyncExternalStore(store.subscribe, store.getSnapshot)
  const { observe } = auth
  useEffect(() => store.retain(observe), [store, observe])
  useEffect(() => store.connectAuth(auth), [store, auth])
  return {
    ...lab,
    status: auth.status,
    start: store.startRun,
    startAll: store.startRunAll,
    // Only the gate holds a run back, so whenever one waits its countdown has loaded.
    gate: store.loadedGate(),
  }
}
