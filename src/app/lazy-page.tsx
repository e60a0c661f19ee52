import { lazy, Suspense, type ComponentType, type ReactNode } from 'react'
import { Spinner } from '../ui/spinner'

/**
 * A page from its own chunk, by its named export, with `preload()` to fetch it ahead of need.
 * Once its code is here it renders at once: React.lazy alone would still suspend on its first
 * render (its import resolves a microtask later), show the fallback, and then hold the page
 * back for React's Suspense reveal throttle (about 300 ms) — and a suspended first render also
 * throws away what it had taken (the workspace's prefetched responses).
 */
export function lazyPage<K extends string, P extends object = object>(
  loader: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
) {
  let loaded: ComponentType<P> | undefined
  let loading: Promise<ComponentType<P>> | undefined
  const preload = () => {
    loading ??= loader().then(
      (module) => (loaded = module[name]),
      (error: unknown) => {
        loading = undefined // a failed chunk load may be retried
        throw error
      },
    )
    return loading
  }
  const Lazy = lazy(() => preload().then((component) => ({ default: component })))
  function LazyPage(props: P) {
    const Component = loaded ?? Lazy
    return <Component {...props} />
  }
  LazyPage.displayName = `Lazy(${name})`
  return Object.assign(LazyPage, { preload })
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
