// Where an authorize answer sits in the URL, and taking it out: the keys of a fragment answer and
// of a code answer's query, found in raw `key=value` pairs (so `state[]` and `state%5B0%5D` count
// as `state`), and the address bar and current history entry rewritten without them.
import { CODE_QUERY_KEYS, HASH_KEYS } from '../protocol/callback-keys'

/** The base name of a raw `key=value` pair: `state[]` and `state%5B0%5D` are `state`. */
function keyOf(pair: string): string {
  const equals = pair.indexOf('=')
  let key = equals === -1 ? pair : pair.slice(0, equals)
  try {
    key = decodeURIComponent(key)
  } catch {
    // An undecodable key is compared raw.
  }
  const bracket = key.indexOf('[')
  return bracket === -1 ? key : key.slice(0, bracket)
}

function pairsOf(part: string): string[] {
  const text = part.startsWith('#') || part.startsWith('?') ? part.slice(1) : part
  return text === '' ? [] : text.split('&')
}

function hasAuthKey(part: string, keys: ReadonlySet<string>): boolean {
  return pairsOf(part).some((pair) => keys.has(keyOf(pair)))
}

/** Which parts of this URL carry an answer: the fragment (token), the query (code) or neither. */
export function answerIn(url: Pick<Location, 'search' | 'hash'>): {
  hash: boolean
  query: boolean
} {
  return { hash: hasAuthKey(url.hash, HASH_KEYS), query: hasAuthKey(url.search, CODE_QUERY_KEYS) }
}

/**
 * Rewrites the address bar and the current history entry (keeping its state) without the
 * answer: a fragment answer goes whole, a query loses only the auth keys (the app's own stay).
 */
export function stripAnswer(
  { pathname, search, hash }: Pick<Location, 'pathname' | 'search' | 'hash'>,
  historyState: unknown,
): void {
  const { hash: inHash, query: inQuery } = answerIn({ search, hash })
  const kept = inQuery
    ? pairsOf(search).filter((pair) => pair !== '' && !CODE_QUERY_KEYS.has(keyOf(pair)))
    : null
  const query = kept === null ? search : kept.length > 0 ? `?${kept.join('&')}` : ''
  try {
    window.history.replaceState(historyState, '', `${pathname}${query}${inHash ? '' : hash}`)
  } catch {
    // A sandboxed document may refuse; nothing else can be done from here.
  }
}
