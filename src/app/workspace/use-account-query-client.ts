import { useEffect, useRef, useState } from 'react'
import { createQueryClient } from './query-client'

/**
 * A query cache for one signed-in account, dropped the moment its tree goes away (sign-out),
 * not at garbage collection. Deferred by a tick so StrictMode's rehearsal unmount (immediately
 * re-mounted) does not wipe queries in flight and fetch everything twice.
 */
export function useAccountQueryClient() {
  const [queryClient] = useState(createQueryClient)
  const pendingClear = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => {
    clearTimeout(pendingClear.current)
    return () => {
      pendingClear.current = setTimeout(() => queryClient.clear(), 0)
    }
  }, [queryClient])
  return queryClient
}
