// Who may frame the widget routes: VITE_LIVECHAT_AGENT_APP_ORIGINS, a comma-separated list of
// origins (LiveChat's Agent App by default). Read by the build (security-headers.ts writes it
// into `frame-ancestors`) and by the app's setup screen, so a typo stops both with the same words.
// Pure: no DOM, no import.meta.
import type { ConfigProblem } from './env'

/** LiveChat's Agent App, where the Developer Console's widgets are shown. */
export const DEFAULT_AGENT_APP_ORIGINS = ['https://my.livechatinc.com'] as const

export type AgentAppOrigins =
  { ok: true; origins: string[] } | { ok: false; value: string; reason: string }

/** Loopback hosts, the only ones allowed over plain http (a local Agent App stand-in). */
const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])$/

/**
 * Each entry must be exactly an origin (scheme, host, optional port; no path, no wildcard, no
 * scheme-only source), https unless it is loopback: `frame-ancestors` would otherwise let far
 * more than the Agent App frame the widget, or none at all.
 */
export function parseAgentAppOrigins(raw: string | undefined): AgentAppOrigins {
  if (raw === undefined || raw.trim() === '')
    return { ok: true, origins: [...DEFAULT_AGENT_APP_ORIGINS] }
  const origins: string[] = []
  for (const entry of raw.split(',').map((part) => part.trim())) {
    if (entry === '') continue
    const problem = originProblem(entry)
    if (problem) return { ok: false, value: entry, reason: problem }
    if (!origins.includes(entry)) origins.push(entry)
  }
  return origins.length > 0
    ? { ok: true, origins }
    : { ok: false, value: raw, reason: 'lists no origin' }
}

function originProblem(entry: string): string | null {
  if (entry.includes('*')) return 'is a wildcard; name each origin'
  let url: URL
  try {
    url = new URL(entry)
  } catch {
    return 'is not an origin such as https://my.livechatinc.com'
  }
  if (url.origin !== entry)
    return 'is not exactly an origin (scheme, host and port; no path or trailing slash)'
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return null
  return 'must use https (plain http only for localhost)'
}

/** The setup screen's words for a malformed list, by its variable; null when it is fine. */
export function agentAppOriginsProblem(
  env: Record<string, string | boolean | undefined>,
): ConfigProblem | null {
  const raw = env.VITE_LIVECHAT_AGENT_APP_ORIGINS
  const parsed = parseAgentAppOrigins(typeof raw === 'string' ? raw : undefined)
  if (parsed.ok) return null
  return {
    variable: 'VITE_LIVECHAT_AGENT_APP_ORIGINS',
    issue: 'not-origin-list',
    value: parsed.value,
    reason: parsed.reason,
  }
}
