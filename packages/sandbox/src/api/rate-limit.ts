// The optional rate limiter (docs/AGENT-API.md): N requests per token and
// method in a sliding window, off by default (`apiRateLimit: 0`). Over the limit the caller
// gets 429 `too_many_requests` with a Retry-After in seconds. Hits are kept in the caller's
// organization's world, so a reset forgets them.
import type { World } from '../seed/world-records'
import type { SandboxState } from '../state'
import { ApiFailure } from './errors'

export function enforceRateLimit(
  state: SandboxState,
  world: World,
  token: string,
  method: string,
): void {
  const limit = state.options.apiRateLimit
  if (!limit || limit <= 0) return
  const windowMs = state.options.apiRateLimitWindowSeconds * 1000
  const now = state.now()
  const key = `${token} ${method}`
  const hits = (world.rateHits.get(key) ?? []).filter((at) => now - at < windowMs)
  if (hits.length >= limit) {
    world.rateHits.set(key, hits)
    const retryAfter = Math.max(1, Math.ceil(((hits[0] ?? now) + windowMs - now) / 1000))
    throw new ApiFailure('too_many_requests', 'Too many requests', undefined, {
      'Retry-After': String(retryAfter),
    })
  }
  hits.push(now)
  world.rateHits.set(key, hits)
}
