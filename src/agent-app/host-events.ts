// What the Agent App tells a widget, read as untrusted input. The SDK's child side accepts a
// message from any window that knows the protocol's shape (docs/agent-app-widgets.md), so every
// event is a hint: a `customer_profile` gives an id to look up with the agent's own token, never
// a name or an email to show. Pure.

/** The part of `livechat:customer_profile` the widget uses: ids to check through the API. */
export interface CustomerHint {
  customerId: string
  /** The chat the Agent App has open, when it said (and the id is well-formed). */
  chatId: string | null
}

/** LiveChat's customer ids are UUIDs and chat ids ten characters; anything this shape is fine. */
const ID = /^[A-Za-z0-9_.:@-]{1,128}$/

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The hint in a `customer_profile` event, or null when the event is malformed (no usable
 * customer id). Names, emails and the rest are ignored: the API says who the customer is.
 */
export function readCustomerProfile(data: unknown): CustomerHint | null {
  if (!isObject(data) || typeof data.id !== 'string' || !ID.test(data.id)) return null
  const chat = isObject(data.chat) ? data.chat : null
  const chatId = typeof chat?.id === 'string' && ID.test(chat.id) ? chat.id : null
  return { customerId: data.id, chatId }
}

/** The greeting **Insert greeting** puts in the message box: "Hi Ann, ". */
export function greeting(name: string | undefined): string {
  const first = name?.trim().split(/\s+/)[0]
  return first ? `Hi ${first}, ` : 'Hi, '
}
