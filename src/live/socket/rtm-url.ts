// Where the socket connects (docs/livechat/rtm.md#connection-url, docs/livechat/rtm.md#region). The
// organization goes in the query string; the token never does — it travels only in the `login`
// frame.

/**
 * The RTM URL for an organization, optionally naming the region LiveChat sent us to. The host
 * stays the configured one: the CSP allows exactly that origin (security-headers.ts), and
 * LiveChat routes by `organization_id` since 2025 (HIST), so a misdirection is retried once
 * there, with the region named, rather than on a host the app may not reach.
 */
export function rtmUrlFor(base: string, organizationId: string, region?: string | null): string {
  const url = new URL(base)
  url.search = ''
  url.searchParams.set('organization_id', organizationId)
  if (region) url.searchParams.set('region', region)
  return url.href
}
