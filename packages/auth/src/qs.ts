// livechat-browser-auth/qs: an optional, browser-sized stand-in for `qs`, the accounts SDK's one
// dependency that matters for size. Alias it in your bundler (Vite:
// `resolve: { alias: { qs: 'livechat-browser-auth/qs' } }`) and the SDK's chunk shrinks from about
// 22 KB to about 6 KB gzip; the package works the same without it.
//
// The SDK calls qs.stringify on its authorize parameters and on the app's own URL parameters it
// restores after a redirect, and qs.parse on the answer in the fragment or query. This keeps what
// it relies on, with qs's defaults: RFC 3986 encoding, undefined skipped, null as empty, nested
// values as `a[b]=` / `a[0]=`, '+' decoded as a space, repeated keys as an array, a malformed
// escape kept as written, and keys that would shadow Object.prototype dropped. Unlike qs, a
// bracketed key stays flat when parsed (`a[b]` is one key), which stringifies back to the same
// text: the SDK only reads flat answers and round-trips the app's own parameters. The package's
// tests hold it to the real qs on the SDK's inputs.

const has = Object.prototype.hasOwnProperty

function encode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

function decode(text: string): string {
  const spaced = text.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    return spaced
  }
}

/** qs drops a key whose name, or any of its [segments], is an Object.prototype property. */
function shadowsPrototype(key: string): boolean {
  return key.split(/[[\]]/).some((part) => part !== '' && has.call(Object.prototype, part))
}

function pairs(key: string, value: unknown, out: string[]): void {
  if (value === undefined) return
  if (value instanceof Date) value = value.toISOString()
  if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value))
      pairs(`${key}[${k}]`, (value as Record<string, unknown>)[k], out)
    return
  }
  out.push(`${encode(key)}=${encode(value === null ? '' : String(value))}`)
}

export function stringify(object: unknown): string {
  const out: string[] = []
  if (object !== null && typeof object === 'object') {
    for (const key of Object.keys(object)) pairs(key, (object as Record<string, unknown>)[key], out)
  }
  return out.join('&')
}

export function parse(
  text: string,
  options?: { ignoreQueryPrefix?: boolean },
): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {}
  if (typeof text !== 'string' || text === '') return result
  const query = options?.ignoreQueryPrefix ? text.replace(/^\?/, '') : text
  for (const part of query.split('&')) {
    if (part === '') continue
    const at = part.indexOf('=')
    const key = decode(at === -1 ? part : part.slice(0, at))
    const value = at === -1 ? '' : decode(part.slice(at + 1))
    if (key === '' || shadowsPrototype(key)) continue
    const before = result[key]
    if (!has.call(result, key)) result[key] = value
    else result[key] = ([] as string[]).concat(before as string | string[], value)
  }
  return result
}

// The SDK imports qs's default export.
export default { parse, stringify }
