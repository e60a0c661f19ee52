// /sandbox/*: the control API that demos and tests use to reset the world, switch the
// documented-unknown behaviours, inject faults, mint/expire/revoke tokens, move the clock and
// inspect requests and chats; GET /sandbox is the same as an HTML page. Reference:
// docs/AGENT-API.md "Control API".
import { Hono } from 'hono'
import { DEFAULT_OPTIONS, type SandboxOptions } from '../options/sandbox-options'
import type { SandboxState } from '../state'
import { bulkRoutes } from './bulk'
import { ControlError, readInput, reply, replyError } from './control-input'
import { customerRoutes } from './customer-routes'
import { renderControlPage } from './page/control-page'
import { faultRoutes } from './fault-routes'
import { inspectRoutes } from './inspect-routes'
import { patRoutes } from './pat-routes'
import { redirectUriRoutes } from './redirect-uri-routes'
import { rtmRoutes } from './rtm-routes'
import type { RtmHub } from '../rtm/hub'
import { tokenRoutes } from './token-routes'

export function controlRoutes(state: SandboxState, rtm: RtmHub): Hono {
  const control = new Hono()

  control.get('/', (c) =>
    renderControlPage(state, rtm, { message: c.req.query('message'), error: c.req.query('error') }),
  )

  control.get('/health', (c) => c.json({ ok: true }))

  control.post('/reset', async (c) => {
    const input = await readInput(c)
    const options = input.fromForm ? {} : ((input.data.options ?? {}) as Partial<SandboxOptions>)
    state.reset(options)
    return reply(c, input, { ok: true, options: state.options }, 'Sandbox reset')
  })

  control.get('/options', (c) => c.json(state.options))

  control.post('/options', async (c) => {
    const input = await readInput(c)
    try {
      const patch = input.fromForm
        ? coerceFormOptions(input.data)
        : (input.data as Partial<SandboxOptions>)
      state.setOptions(patch)
      return reply(c, input, state.options, 'Options saved')
    } catch (error) {
      return replyError(c, input, error)
    }
  })

  control.route('/', faultRoutes(state))
  control.route('/', tokenRoutes(state))
  control.route('/', inspectRoutes(state))
  control.route('/', bulkRoutes(state))
  control.route('/', patRoutes(state, rtm))
  control.route('/', redirectUriRoutes(state))
  control.route('/', rtmRoutes(state, rtm))
  control.route('/', customerRoutes(state))

  return control
}

/** Form fields are strings: give each the type its default has. Unknown fields are refused. */
function coerceFormOptions(data: Record<string, unknown>): Partial<SandboxOptions> {
  const patch: Record<string, unknown> = {}
  for (const [key, raw] of Object.entries(data)) {
    if (!Object.hasOwn(DEFAULT_OPTIONS, key)) throw new ControlError(`unknown option ${key}`)
    const kind = typeof DEFAULT_OPTIONS[key as keyof SandboxOptions]
    if (kind === 'number') {
      const value = Number(raw)
      if (!Number.isFinite(value) || value < 0)
        throw new ControlError(`${key} must be a non-negative number`)
      patch[key] = value
    } else if (kind === 'boolean') {
      patch[key] = raw === 'true' || raw === 'on'
    } else {
      patch[key] = raw
    }
  }
  return patch as Partial<SandboxOptions>
}
