interface InfiniteState {
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => unknown
  isFetchNextPageError: boolean
}

/** The foot of a paged list: a button for the next page, or a clear "that's all". */
export function LoadMore({
  query,
  noun,
  endText,
}: {
  query: InfiniteState
  noun: string
  endText: string
}) {
  return (
    <div className="load-more">
      {query.isFetchNextPageError && (
        <p role="alert" className="alert">
          Could not load more {noun}. Try again.
        </p>
      )}
      {query.hasNextPage ? (
        <button
          type="button"
          className="button"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {query.isFetchingNextPage ? `Loading more ${noun}…` : `Load more ${noun}`}
        </button>
      ) : (
        <p className="muted">{endText}</p>
      )}
    </div>
  )
}
