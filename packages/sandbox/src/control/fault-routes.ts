// /sandbox/latency and /sandbox/faults: slow every request down, or make the next N requests
// to a path fail with a chosen status and body (docs/AGENT-API.md "Fault injection").
import { randomUUID } from 'node:crypto'
import { Hono } from 'hono'
import type { FaultBody, FaultRule } from '../fault-rule'
import type { SandboxState } from '../state'
import {
  ControlError,
  numberField,
  readInput,
  reply,
  replyError,
  stringField,
} from './control-input'

const BODIES: readonly FaultBody[] = ['json', 'malformed', 'empty', 'html']

export function faultRoutes(state: SandboxState): Hono {
  const routes = new Hono()

  routes.post('/latency', async (c) => {
    const input = await readInput(c)
    try {
      const ms = numberField(input.data, 'ms', { min: 0, max: 120_000 })
      if (ms === undefined) throw new ControlError('ms is required')
      state.latencyMs = Math.round(ms)
      return reply(c, input, { latencyMs: state.latencyMs }, `Latency set to ${state.latencyMs} ms`)
    } catch (error) {
      return replyError(c, input, error)
    }
  })

  routes.get('/faults', (c) => c.json({ faults: state.faults }))

  routes.post('/faults', async (c) => {
    const input = await readInput(c)
    try {
      const rule = parseFault(input.data)
      state.faults.push(rule)
      return reply(
        c,
        input,
        { id: rule.id, fault: rule },
        `Fault added: ${rule.status} on ${rule.path}`,
      )
    } catch (error) {
      return replyError(c, input, error)
    }
  })

  routes.delete('/faults', (c) => {
    const removed = state.faults.length
    state.faults = []
    return c.json({ removed })
  })

  // HTML forms cannot send DELETE.
  routes.post('/faults/clear', async (c) => {
    const input = await readInput(c)
    const removed = state.faults.length
    state.faults = []
    return reply(c, input, { removed }, `Cleared ${removed} fault(s)`)
  })

  routes.delete('/faults/:id', (c) => {
    const before = state.faults.length
    state.faults = state.faults.filter((rule) => rule.id !== c.req.param('id'))
    if (state.faults.length === before) return c.json({ error: 'No such fault' }, 404)
    return c.json({ removed: 1 })
  })

  return routes
}

function parseFault(data: Record<string, unknown>): FaultRule {
  const path = stringField(data, 'path')
  if (!path || !path.startsWith('/'))
    throw new ControlError('path is required and must start with /')
  if (path === '/sandbox' || path.startsWith('/sandbox/'))
    throw new ControlError('control paths cannot be faulted')
  const status = numberField(data, 'status', { min: 200, max: 599 })
  if (status === undefined || !Number.isInteger(status))
    throw new ControlError('status is required (200–599)')
  const count = numberField(data, 'count', { min: 1, max: 1_000_000 }) ?? 1
  const body = (stringField(data, 'body') ?? 'json') as FaultBody
  if (!BODIES.includes(body)) throw new ControlError(`body must be one of: ${BODIES.join(', ')}`)
  const method = stringField(data, 'method')?.toUpperCase()
  const retryAfterRaw = data.retryAfter
  const retryAfter =
    typeof retryAfterRaw === 'number' ? String(retryAfterRaw) : stringField(data, 'retryAfter')
  const delayMs = numberField(data, 'delayMs', { min: 0, max: 120_000 })
  const errorType = stringField(data, 'errorType')
  let json = data.json
  if (typeof json === 'string') {
    // From the form, JSON arrives as text.
    try {
      json = JSON.parse(json)
    } catch {
      throw new ControlError('json must be valid JSON')
    }
  }
  const rule: FaultRule = { id: randomUUID(), path, remaining: Math.floor(count), status, body }
  if (method && method !== 'ANY') rule.method = method
  if (json !== undefined) rule.json = json
  if (retryAfter !== undefined && retryAfter !== '') rule.retryAfter = retryAfter
  if (delayMs !== undefined) rule.delayMs = Math.round(delayMs)
  if (errorType !== undefined && errorType !== '') rule.errorType = errorType
  return rule
}
