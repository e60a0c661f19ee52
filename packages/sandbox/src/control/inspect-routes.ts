// /sandbox/clock, /sandbox/requests and /sandbox/chats/:id: move time forward (token expiry,
// page_id expiry), count what the app sent, and read raw chat state in assertions.
import { Hono } from 'hono'
import type { SandboxState } from '../state'
import { ControlError, numberField, readInput, reply, replyError } from './control-input'

export function inspectRoutes(state: SandboxState): Hono {
  const routes = new Hono()

  routes.post('/clock', async (c) => {
    const input = await readInput(c)
    try {
      const seconds = numberField(input.data, 'advanceSeconds', { min: 0, max: 10 * 365 * 86_400 })
      if (seconds === undefined) throw new ControlError('advanceSeconds is required')
      state.clockOffsetMs += seconds * 1000
      // Tokens may have expired on the new clock: live sockets find out now (RTM U16).
      state.credentialsChanged()
      const now = new Date(state.now()).toISOString()
      return reply(
        c,
        input,
        { now, clockOffsetMs: state.clockOffsetMs },
        `Clock advanced by ${seconds} s`,
      )
    } catch (error) {
      return replyError(c, input, error)
    }
  })

  routes.get('/requests', (c) => {
    const prefix = c.req.query('path')
    const requests = prefix
      ? state.requestLog.filter((r) => r.path.startsWith(prefix))
      : state.requestLog
    return c.json({ requests })
  })

  routes.delete('/requests', (c) => {
    const removed = state.requestLog.length
    state.requestLog = []
    return c.json({ removed })
  })

  routes.get('/chats/:id', (c) => {
    const id = c.req.param('id')
    const chat = [...state.worlds.values()]
      .flatMap((world) => world.chats)
      .find((ch) => ch.id === id)
    if (!chat) return c.json({ error: 'No such chat' }, 404)
    return c.json(chat)
  })

  return routes
}
