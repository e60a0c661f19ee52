// `Authorization: Basic <base64("<account_id>:<PAT>")>` (docs/PAT.md):
// strict Base64 (the misleading unencoded `<id>:<PAT>` of the Configuration API samples must fail, docs/PAT.md),
// UTF-8, split at the FIRST colon (RFC 7617: the user-id, a UUID, has none).

/** Standard alphabet, padded, no whitespace: what `btoa` and the console produce. */
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

export interface BasicCredentials {
  user: string
  password: string
}

export function parseBasicCredentials(encoded: string): BasicCredentials | null {
  if (encoded === '' || !STRICT_BASE64.test(encoded)) return null
  let decoded: string
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(encoded, 'base64'))
  } catch {
    return null
  }
  const colon = decoded.indexOf(':')
  if (colon <= 0 || colon === decoded.length - 1) return null
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

export function encodeBasicCredentials(user: string, password: string): string {
  return Buffer.from(`${user}:${password}`, 'utf8').toString('base64')
}
