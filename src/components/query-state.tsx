import type { ReactNode } from 'react'
import { Spinner } from '../ui/spinner'
import { FetchNotice } from './fetch-notice'
import { QueryError } from './query-error'

/** What QueryState reads of a TanStack query result (useQuery or useInfiniteQuery). */
export interface QueryLike<TData> {
  data: TData | undefined
  isPending: boolean
  isError: boolean
  error: unknown
  refetch: () => unknown
  fetchStatus: 'fetching' | 'paused' | 'idle'
  failureCount: number
  failureReason: unknown
}

interface QueryStateProps<TData> {
  query: QueryLike<TData>
  /** What is loading, as the agent would say it: "your chats" (the error names it). */
  what: string
  /** The spinner's words while nothing has loaded: "Loading your chats". */
  loading: string
  /** The scopes the request needs, named when LiveChat refuses one (SECURITY.md #47). */
  scopes?: readonly string[]
  /** Whether the loaded data counts as empty; `empty` is shown in its place then. */
  isEmpty?: (data: TData) => boolean
  empty?: ReactNode
  children: (data: TData) => ReactNode
}

/**
 * A query's states in one place: retries under way (offline, rate-limited, failing), the first
 * load, a failure with Retry and the missing permission, an empty result, and the data. Data
 * comes first: what has loaded stays on screen when a later refetch fails, under the error.
 */
export function QueryState<TData>({
  query,
  what,
  loading,
  scopes,
  isEmpty,
  empty,
  children,
}: QueryStateProps<TData>) {
  const { data } = query
  return (
    <>
      <FetchNotice query={query} />
      {query.isPending && <Spinner label={loading} />}
      {query.isError && (
        <QueryError
          error={query.error}
          what={what}
          onRetry={() => void query.refetch()}
          scopes={scopes}
        />
      )}
      {data !== undefined && (isEmpty?.(data) ? empty : children(data))}
    </>
  )
}
