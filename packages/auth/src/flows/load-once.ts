// A lazily imported module, loaded once and shared by everyone who asks; a failed load (offline,
// a deploy replaced the chunk) may be retried. `loaded()` serves code that must run in one
// synchronous task (the popup's click).
export interface LoadOnce<T> {
  load(): Promise<T>
  loaded(): T | null
  /** Starts loading ahead of need; a failure here is retried when a flow asks. */
  preload(): void
}

export function loadOnce<T>(importer: () => Promise<T>): LoadOnce<T> {
  let value: T | null = null
  let loading: Promise<T> | null = null
  const load = () => {
    loading ??= importer().then(
      (module) => {
        value = module
        return module
      },
      (error: unknown) => {
        loading = null
        throw error
      },
    )
    return loading
  }
  return {
    load,
    loaded: () => value,
    preload: () => {
      load().catch(() => undefined)
    },
  }
}
