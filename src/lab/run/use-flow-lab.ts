// The Flow lab's hook: the lab store's state (a run, the last result per flow, a Run all in
// progress), kept in step with the AuthProvider, and the actions a click starts.
import { useEffect, useSyncExternalStore } from 'react'
import { useAuth } from '../../auth/use-auth'
import { connectAuth, getSnapshot, retain, startRun, startRunAll, subscribe } from './lab-store'

export function useFlowLab() {
  const auth = useAuth()
  const lab = useSyncExternalStore(subscribe, getSnapshot)
  useEffect(retain, [])
  useEffect(() => connectAuth(auth), [auth])
  return { ...lab, status: auth.status, start: startRun, startAll: startRunAll }
}
