import { createContext, use, useEffect, useRef, useState, type ReactNode } from 'react'

const ApiScopeContext = createContext<AbortSignal | null>(null)
ApiScopeContext.displayName = 'ApiScopeContext'

/**
 * The lifetime of the signed-in workspace as an AbortSignal: when it goes away (sign-out, or
 * another account), every request still in flight is aborted and no late answer lands
 * (SECURITY.md #57). Queries do not hand TanStack Query's own signal to fetch: a consumed signal
 * makes StrictMode's rehearsal unmount cancel and re-send every request on first visit.
 */
export function ApiScope({ children }: { children: ReactNode }) {
  const [controller] = useState(() => new AbortController())
  // StrictMode unmounts and re-mounts once to rehearse: abort only if no re-mount follows.
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => {
    clearTimeout(pending.current)
    return () => {
      pending.current = setTimeout(() => controller.abort(), 0)
    }
  }, [controller])
  return <ApiScopeContext value={controller.signal}>{children}</ApiScopeContext>
}

/** The workspace's signal, or undefined outside a workspace. */
export function useApiScopeSignal(): AbortSignal | undefined {
  return use(ApiScopeContext) ?? undefined
}
