// The control page's "Customers" section: the customer simulator as labelled forms (start a
// chat, write, type, leave) and the autopilot switch (docs/RTM.md "Customer simulator").
import { latestThread } from '../../api/views'
import type { SandboxState } from '../../state'
import { field, options } from './html'

/** Chats that have a customer, newest first: what the forms can act on. */
function customerChats(state: SandboxState): [string, string][] {
  const { world } = state
  return world.chats
    .filter((chat) => chat.users.some((u) => u.type === 'customer'))
    .slice(0, 60)
    .map((chat) => {
      const customerId = chat.users.find((u) => u.type === 'customer')?.id
      const customer = world.customers.find((c) => c.id === customerId)
      const group = world.groups.find((g) => g.id === chat.access.group_ids[0])?.name ?? '—'
      const status = latestThread(chat)?.active ? 'active' : 'closed'
      return [chat.id, `${chat.id} · ${customer?.name ?? 'anonymous'} · ${group} · ${status}`]
    })
}

export function customersSection(state: SandboxState): string {
  const groups = options(state.world.groups.map((g) => [String(g.id), `${g.name} (${g.id})`]))
  const chats = customerChats(state)
  const activeChats = options(chats.filter(([, label]) => label.endsWith('active')))
  const anyChat = options(chats)
  const on = state.options.autopilot
  return `<section aria-labelledby="customers-heading"><h2 id="customers-heading">Customers</h2>
  <p>Simulated customers make the world move: every action reaches agents’ RTM sockets as the pushes a real customer causes. The same actions are <code>POST /sandbox/customer/chat</code>, <code>/message</code>, <code>/typing</code> and <code>/leave</code>.</p>
  <h3 id="autopilot-heading">Autopilot</h3>
  <p>Autopilot is <strong>${on ? 'on' : 'off'}</strong>: ${on ? 'customers answer agents’ messages and new chats arrive now and then.' : 'nothing happens by itself.'}</p>
  <form method="post" action="/sandbox/options" aria-labelledby="autopilot-heading">
    ${field(
      'autopilot',
      'Automatic customers',
      `<select id="autopilot" name="autopilot">${options(
        [
          ['false', 'Off'],
          ['true', 'On'],
        ],
        String(on),
      )}</select>`,
    )}
    <button type="submit">Save autopilot</button>
  </form>
  <h3 id="customer-chat-heading">A new customer starts a chat</h3>
  <form method="post" action="/sandbox/customer/chat" aria-labelledby="customer-chat-heading">
    ${field('customer-group', 'Group', `<select id="customer-group" name="group_id">${groups}</select>`)}
    ${field('customer-name', 'Customer name (optional)', '<input id="customer-name" name="customer_name" size="20">')}
    ${field('customer-first', 'First message', '<input id="customer-first" name="text" required size="36">')}
    <button type="submit">Start customer chat</button>
  </form>
  <h3 id="customer-message-heading">The customer writes</h3>
  <form method="post" action="/sandbox/customer/message" aria-labelledby="customer-message-heading">
    ${field('message-chat', 'Chat', `<select id="message-chat" name="chat_id">${anyChat}</select>`, 'A closed chat gets a new thread')}
    ${field('message-text', 'Message from the customer', '<input id="message-text" name="text" required size="36">')}
    <button type="submit">Send as customer</button>
  </form>
  <h3 id="customer-typing-heading">The customer types</h3>
  <form method="post" action="/sandbox/customer/typing" aria-labelledby="customer-typing-heading">
    ${field('typing-chat', 'Chat being typed in', `<select id="typing-chat" name="chat_id">${activeChats}</select>`)}
    <span class="check"><input type="checkbox" id="typing-on" name="is_typing" value="true" checked><label for="typing-on">Is typing</label></span>
    ${field('typing-text', 'Text being typed (optional)', '<input id="typing-text" name="text" size="28">')}
    <button type="submit">Send typing</button>
  </form>
  <h3 id="customer-leave-heading">The customer leaves</h3>
  <form method="post" action="/sandbox/customer/leave" aria-labelledby="customer-leave-heading">
    ${field('leave-chat', 'Chat to close', `<select id="leave-chat" name="chat_id">${activeChats}</select>`)}
    <button type="submit">Close chat as customer</button>
  </form></section>`
}
