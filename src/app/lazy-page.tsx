import { lazy, Suspense, type ComponentType, type ReactNode } from 'react'
import { Spinner } from '../ui/spinner'

/** A page from its own chunk, by its named export. */
export function lazyPage<K extends string>(
  loader: () => Promise<Record<K, ComponentType>>,
  name: K,
) {
  return lazy(() => loader().then((module) => ({ default: module[name] })))
}

/** Where a lazy page appears: a spinner until its chunk has loaded. */
export function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="page">
          <Spinner />
        </div>
      }
    >
      {children}
    </Suspense>
  )
}
