// The two instruments the lab has for a run's requests. The page's own Resource Timing sees the
// fetches of this tab (code exchange, /v2/info) with their start, first byte (when the server
// sends Timing-Allow-Origin) and end — URLs only, never headers or bodies. The accounts pages
// live in the popup or in the tab after it left, which the app cannot see: the sandbox's request
// log (method, path, arrival and answer times) stands in for them; a real accounts server has no
// such log, and the lab says the pages were not visible.
import { knownMethod } from '../model/sign-in-measures'
import type { RunExchange } from '../model/run-model'

/** Paths on the accounts origin that are API calls, not pages shown to the person. */
const API_PATH = /^\/(v2|v3(\.\d+)?)\//

/** The lab's own reading of the log is no part of any run. */
const CONTROL_PATH = /^\/sandbox(\/|$)/

export function isLoopback(origin: string): boolean {
  try {
    const host = new URL(origin).hostname
    return host === 'localhost' || host === '127.0.0.1' || host === '[::1]'
  } catch {
    return false
  }
}

/** This tab's fetches to LiveChat's origins since `from` (epoch ms). */
export function browserExchanges(
  origins: readonly string[],
  from: number,
  skipPaths: readonly string[] = [],
): RunExchange[] {
  const base = performance.timeOrigin
  const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
  const seen: RunExchange[] = []
  for (const entry of entries) {
    let url: URL
    try {
      url = new URL(entry.name)
    } catch {
      continue
    }
    const start = base + entry.startTime
    if (!origins.includes(url.origin) || start < from) continue
    if (CONTROL_PATH.test(url.pathname) || skipPaths.includes(url.pathname)) continue
    // Navigations (iframes) are no part of a sign-in's fetches; the silent flow uses one.
    if (entry.initiatorType !== 'fetch' && entry.initiatorType !== 'xmlhttprequest') continue
    seen.push({
      method: knownMethod(url.pathname),
      origin: url.origin,
      path: url.pathname,
      start,
      end: entry.responseEnd > 0 ? base + entry.responseEnd : null,
      firstByte: entry.responseStart > 0 ? base + entry.responseStart : null,
      ...(entry.responseStatus > 0 ? { status: entry.responseStatus } : {}),
      source: 'browser',
    })
  }
  return seen
}

interface LogEntry {
  method: string
  path: string
  at: number
  end?: number
  status?: number
}

/**
 * The accounts pages of a run from the sandbox's log, between `from` and `to`; null when the
 * accounts server keeps no log the app may read (a real LiveChat, or the sandbox not reachable).
 */
export async function accountsPageExchanges(
  accountsUrl: string,
  from: number,
  to: number,
): Promise<RunExchange[] | null> {
  if (!isLoopback(accountsUrl)) return null
  try {
    const response = await fetch(`${accountsUrl}/sandbox/requests`)
    if (!response.ok) return null
    const body = (await response.json()) as { requests?: LogEntry[] }
    if (!Array.isArray(body.requests)) return null
    return body.requests
      .filter((r) => r.at >= from && r.at <= to && !API_PATH.test(r.path))
      .filter((r) => !CONTROL_PATH.test(r.path))
      .map((r) => ({
        method: r.method,
        origin: accountsUrl,
        path: r.path,
        start: r.at,
        end: typeof r.end === 'number' ? r.end : null,
        // The server knows when its answer was ready, not when the browser had it all.
        firstByte: null,
        ...(typeof r.status === 'number' ? { status: r.status } : {}),
        source: 'accounts-log' as const,
      }))
  } catch {
    return null
  }
}
