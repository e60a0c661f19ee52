// Where the socket connects (livechat-rtm-api.md §1.1, §11.1, §11.13). The organization goes in
// the query string; the token never does — it travels only in the `login` frame.

/** LiveChat's region hosts before organization routing (HIST): `dal` is the plain host. */
const LIVECHAT_API_HOST = /^api(-[a-z0-9-]+)?\.livechatinc\.com$/

/**
 * The RTM URL for an organization, optionally in another region. A region changes the host
 * only for LiveChat's own API hosts (`api.livechatinc.com` ↔ `api-fra.livechatinc.com`); any
 * other host (a proxy, the sandbox) serves every region itself, so the URL names the region
 * in the query instead.
 */
export function rtmUrlFor(base: string, organizationId: string, region?: string | null): string {
  const url = new URL(base)
  url.search = ''
  url.searchParams.set('organization_id', organizationId)
  if (region) {
    if (LIVECHAT_API_HOST.test(url.hostname)) {
      url.hostname = region === 'dal' ? 'api.livechatinc.com' : `api-${region}.livechatinc.com`
    } else {
      url.searchParams.set('region', region)
    }
  }
  return url.href
}
