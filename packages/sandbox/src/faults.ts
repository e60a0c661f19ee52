// Fault injection and the request log. Every non-control request is logged (method, path,
// arrival and answer times, status), waits `state.latencyMs`, and may be answered by the first matching FaultRule
// instead of the real handler (which then never runs: no side effects). Control requests
// (/sandbox, /sandbox/*) are never delayed, failed or logged, so a test can always clear a fault.
import type { MiddlewareHandler } from 'hono'
import { ERROR_TYPES, errorBody, errorTypeForStatus, isApiErrorType } from './api/errors'
import type { FaultRule } from './fault-rule'
import type { SandboxState } from './state'

/** Oldest entries are dropped past this, so a long-running demo server stays small. */
const REQUEST_LOG_CAP = 10_000

export function isControlPath(path: string): boolean {
  return path === '/sandbox' || path.startsWith('/sandbox/')
}

export function faultMiddleware(state: SandboxState): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path
    if (isControlPath(path)) return next()
    const entry: SandboxState['requestLog'][number] = {
      method: c.req.method,
      path,
      at: state.now(),
    }
    state.requestLog.push(entry)
    if (state.requestLog.length > REQUEST_LOG_CAP)
      state.requestLog.splice(0, state.requestLog.length - REQUEST_LOG_CAP)

    if (state.latencyMs > 0) await sleep(state.latencyMs)
    const rule = takeFault(state, c.req.method, path)
    if (rule) {
      if (rule.delayMs) await sleep(rule.delayMs)
      const response = faultResponse(state, rule, path)
      entry.status = response.status
      entry.end = state.now()
      return response
    }
    await next()
    entry.status = c.res.status
    entry.end = state.now()
  }
}

export function faultMatches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.remaining <= 0) return false
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false
  return rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path
}

/** The first live rule for this request, with one use taken; spent rules are dropped. */
function takeFault(state: SandboxState, method: string, path: string): FaultRule | undefined {
  const rule = state.faults.find((r) => faultMatches(r, method, path))
  if (!rule) return undefined
  rule.remaining -= 1
  if (rule.remaining <= 0) state.faults = state.faults.filter((r) => r !== rule)
  return rule
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304])

export function faultResponse(state: SandboxState, rule: FaultRule, path: string): Response {
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  if (rule.retryAfter !== undefined) headers.set('Retry-After', rule.retryAfter)
  let body: string
  switch (rule.body) {
    case 'malformed':
      headers.set('Content-Type', 'application/json; charset=UTF-8')
      body = '{"error":{"type":"internal","message":"Inter'
      break
    case 'empty':
      headers.set('Content-Type', 'application/json; charset=UTF-8')
      body = ''
      break
    case 'html':
      headers.set('Content-Type', 'text/html; charset=UTF-8')
      body = `<!doctype html><html><head><title>${rule.status} Error</title></head><body><h1>${rule.status} Error</h1><p>The server encountered a temporary error.</p></body></html>`
      break
    default:
      headers.set('Content-Type', 'application/json; charset=UTF-8')
      body = JSON.stringify(
        rule.json !== undefined ? rule.json : defaultFaultBody(state, rule, path),
      )
  }
  return new Response(NULL_BODY_STATUSES.has(rule.status) ? null : body, {
    status: rule.status,
    headers,
  })
}

/** What the real host would say for this status: agent API style on /v3.*, accounts style elsewhere. */
export function defaultFaultBody(state: SandboxState, rule: FaultRule, path: string): unknown {
  if (rule.status < 400) return {}
  if (/^\/v3(\.\d+)?\//.test(path)) {
    const type =
      rule.errorType && isApiErrorType(rule.errorType)
        ? rule.errorType
        : errorTypeForStatus(rule.status)
    const data = type === 'misdirected_request' ? { region: state.options.apiRegion } : undefined
    return errorBody(type, ERROR_TYPES[type].message, data)
  }
  const error = rule.errorType ?? accountsErrorForStatus(rule.status)
  return { error, error_description: `Injected fault: ${error}` }
}

function accountsErrorForStatus(status: number): string {
  const exact: Record<number, string> = {
    400: 'invalid_request',
    401: 'unauthorized',
    403: 'access_denied',
    404: 'resource_not_found',
    422: 'invalid_request',
    429: 'temporarily_unavailable',
    500: 'server_error',
    503: 'temporarily_unavailable',
  }
  return exact[status] ?? (status >= 500 ? 'server_error' : 'invalid_request')
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
