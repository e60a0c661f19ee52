// /sandbox/customer/*: the customer simulator's HTTP face (issue 11's contract table), so demos
// and tests can make the world move. JSON or the control page's forms.
import { Hono, type Context } from 'hono'
import {
  customerLeave,
  customerMessage,
  customerTyping,
  SimulatorError,
  startCustomerChat,
} from '../simulator/simulated-customer'
import type { SandboxState } from '../state'
import {
  ControlError,
  numberField,
  organizationField,
  readInput,
  reply,
  replyError,
  stringField,
  type ControlInput,
} from './control-input'

/** Form checkboxes and selects send strings; JSON sends booleans. */
function booleanField(data: Record<string, unknown>, key: string): unknown {
  const raw = data[key]
  if (raw === 'true' || raw === 'on') return true
  if (raw === 'false') return false
  // An unchecked checkbox sends nothing: in a form that means false.
  return raw
}

export function customerRoutes(state: SandboxState): Hono {
  const routes = new Hono()

  const action =
    (run: (input: ControlInput) => { result: object; message: string }) => async (c: Context) => {
      const input = await readInput(c)
      try {
        const { result, message } = run(input)
        return reply(c, input, result, message)
      } catch (error) {
        const failure =
          error instanceof SimulatorError ? new ControlError(error.message, error.status) : error
        return replyError(c, input, failure)
      }
    }

  routes.post(
    '/customer/chat',
    action(({ data }) => {
      const result = startCustomerChat(state, {
        organizationId: organizationField(state, data),
        groupId: numberField(data, 'group_id', { min: 0, max: 1_000_000 }),
        text: data.text,
        customerName: stringField(data, 'customer_name'),
      })
      return { result, message: `Customer started chat ${result.chat_id}` }
    }),
  )

  routes.post(
    '/customer/message',
    action(({ data }) => {
      const result = customerMessage(state, { chatId: data.chat_id, text: data.text })
      return { result, message: `Customer wrote in chat ${result.chat_id}` }
    }),
  )

  routes.post(
    '/customer/typing',
    action(({ data, fromForm }) => {
      const isTyping = booleanField(data, 'is_typing')
      const result = customerTyping(state, {
        chatId: data.chat_id,
        isTyping: fromForm && isTyping === undefined ? false : isTyping,
        text: data.text,
      })
      return { result, message: `Customer typing in chat ${result.chat_id}` }
    }),
  )

  routes.post(
    '/customer/leave',
    action(({ data }) => {
      const result = customerLeave(state, { chatId: data.chat_id })
      return { result, message: `Customer left chat ${result.chat_id}` }
    }),
  )

  return routes
}
