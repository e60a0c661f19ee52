// The live workspace through the real providers under StrictMode, with the sandbox answering
// HTTP and RTM in-process (tests/support/sandbox-msw.ts): the customer simulator moves the world
// and every pane follows by itself (issue 12).
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  customerLeave,
  customerMessage,
  customerTyping,
  startCustomerChat,
} from '../../../packages/sandbox/src/simulator/simulated-customer'
import { DEFAULT_SCOPES } from 'livechat-browser-auth'
import { renderApp } from '../../support/render-app'
import { mintToken } from '../../support/sandbox-msw'
import { SANDBOX_ORIGIN, sandbox } from '../../support/sandbox-msw'
import { agentPath, customerName, NINA, openChatOf, requestsTo } from '../../support/workspace-kit'

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

const live = () => screen.findByText('Live', {}, { timeout: 4000 })
const sockets = (email = NINA) => sandbox.rtm.describe().filter((s) => s.email === email)
const conversation = () => screen.findByRole('log', { name: 'Conversation' })
const chatList = () => screen.findByRole('navigation', { name: 'Chats' })
/** Lets the sandbox's pushes (delivered in microtasks and timers) reach the app. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)))

async function openChat(email = NINA) {
  const chat = openChatOf(email)
  renderApp({ route: `/chats/${chat.id}`, as: email })
  await live()
  await conversation()
  await settle()
  return chat
}

describe('one live connection per signed-in tab', () => {
  it('logs in once under StrictMode, with the organization in the URL and the token only in the login frame', async () => {
    const urls: string[] = []
    const Original = globalThis.WebSocket
    vi.stubGlobal(
      'WebSocket',
      class extends Original {
        constructor(url: string | URL) {
          super(url)
          urls.push(String(url))
        }
      },
    )
    // Every frame the app sent, as the sandbox received it.
    const received = vi.spyOn(sandbox.rtm, 'onText')
    renderApp({ route: '/chats', as: NINA })
    await live()
    expect(screen.getByRole('banner')).toContainElement(screen.getByText('Live'))
    expect(sockets()).toEqual([expect.objectContaining({ logged_in: true })])
    expect(urls).toHaveLength(1)
    expect(urls[0]).toMatch(
      /^ws:\/\/localhost:4010\/v3\.6\/agent\/rtm\/ws\?organization_id=[0-9a-f-]+$/,
    )
    const token = [...sandbox.state.tokens.accessTokens.keys()][0] as string
    expect(urls[0]).not.toContain(token)
    const sent = received.mock.calls.map(([, text]) => text ?? '')
    expect(JSON.parse(sent[0] ?? '{}')).toMatchObject({
      action: 'login',
      payload: { token: `Bearer ${token}` },
    })
    expect(sent.slice(1).some((frame) => frame.includes(token))).toBe(false)
  })

  it('sign-out logs out of LiveChat and leaves no connection for the account', async () => {
    const user = userEvent.setup()
    renderApp({ route: '/chats', as: NINA })
    await live()
    await user.click(screen.getByRole('button', { name: 'Sign out' }))
    expect(await screen.findByText('You signed out.')).toBeInTheDocument()
    await waitFor(() => expect(sockets()).toEqual([]))
  })
})

describe('every pane moves by itself', () => {
  it('a customer message appears in the open thread without a refetch, and its chat goes to the top', async () => {
    const chat = await openChat()
    const fetched = requestsTo(agentPath('get_chat')).length
    await act(async () => {
      customerMessage(sandbox.state, { chatId: chat.id, text: 'Is anyone there?' })
    })
    expect(await within(await conversation()).findByText('Is anyone there?')).toBeInTheDocument()
    expect(requestsTo(agentPath('get_chat'))).toHaveLength(fetched)
    const mine = within(await chatList()).getByRole('region', { name: /^My chats/ })
    expect(within(mine).getAllByRole('link')[0]).toHaveTextContent('Is anyone there?')
  })

  it('a new chat appears among the queued ones with its unread count, and the tab title counts it', async () => {
    renderApp({ route: '/chats', as: NINA })
    await live()
    await chatList()
    await act(async () => {
      startCustomerChat(sandbox.state, {
        groupId: 1,
        text: 'Hello, I need help',
        customerName: 'Quinn Queue',
      })
    })
    const queued = await screen.findByRole('region', { name: /^Queued chats/ })
    const link = await within(queued).findByRole('link', { name: /Quinn Queue/ })
    expect(link).toHaveTextContent('1 unread')
    expect(link).toHaveTextContent('Hello, I need help')
    expect(document.title).toMatch(/^\(\d+\) LiveChat Agent Workspace$/)
  })

  it('typing and the sneak peek show, and stop when the customer stops', async () => {
    const chat = await openChat()
    await act(async () => {
      customerTyping(sandbox.state, { chatId: chat.id, isTyping: true, text: 'Where is my' })
    })
    expect(await screen.findByText(`${customerName(chat)} is typing…`)).toBeInTheDocument()
    expect(screen.getByText('“Where is my”')).toBeInTheDocument()
    await act(async () => {
      customerTyping(sandbox.state, { chatId: chat.id, isTyping: false })
    })
    await waitFor(() => expect(screen.queryByText(/is typing…/)).not.toBeInTheDocument())
  })

  it('a chat the customer closed says so, and the composer with it', async () => {
    const chat = await openChat()
    await act(async () => {
      customerLeave(sandbox.state, { chatId: chat.id })
    })
    expect(
      await within(await conversation()).findByText('The customer closed the chat'),
    ).toBeInTheDocument()
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Message' })).toHaveAccessibleDescription(
        /The customer closed this chat/,
      ),
    )
  })

  it('my routing status follows routing_status_set from another device', async () => {
    renderApp({ route: '/chats', as: NINA })
    await live()
    const accepting = await screen.findByRole('radio', { name: 'Accepting chats' })
    await waitFor(() => expect(accepting).toBeChecked())
    // Another device of Nina's sets it over the Web API; LiveChat pushes it to this socket.
    const token = mintToken(NINA, DEFAULT_SCOPES)
    await act(async () => {
      await fetch(`${SANDBOX_ORIGIN}${agentPath('set_routing_status')}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: 'not_accepting_chats' }),
      })
    })
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: 'Not accepting chats' })).toBeChecked(),
    )
  })

  it('opening a chat marks it seen: its unread count goes, and LiveChat records it', async () => {
    const user = userEvent.setup()
    const chat = openChatOf(NINA)
    renderApp({ route: '/chats', as: NINA })
    await live()
    await chatList()
    await act(async () => {
      customerMessage(sandbox.state, { chatId: chat.id, text: 'Still waiting' })
    })
    const link = (await within(await chatList()).findAllByRole('link')).find(
      (a) => a.getAttribute('href') === `/chats/${chat.id}`,
    ) as HTMLAnchorElement
    await waitFor(() => expect(link).toHaveTextContent(/\d+ unread/))
    const count = Number(/(\d+) unread/.exec(link.textContent ?? '')?.[1])
    const total = () => Number(/^\((\d+)\)/.exec(document.title)?.[1] ?? 0)
    const before = total()
    expect(before).toBeGreaterThanOrEqual(count)
    await user.click(link)
    await conversation()
    await waitFor(() => expect(link).not.toHaveTextContent(/unread/))
    // The tab title's total drops by what this chat had.
    expect(total()).toBe(before - count)
    const last = chat.threads.at(-1)?.events.at(-1)
    await waitFor(() =>
      expect(chat.users.find((u) => u.id === NINA)?.events_seen_up_to).toBe(last?.created_at),
    )
  })
})

describe('taking work', () => {
  it('Take chat on a queued chat makes the composer usable and puts me in the chat', async () => {
    const user = userEvent.setup()
    const { chat_id } = startCustomerChat(sandbox.state, { groupId: 1, text: 'Anybody?' })
    renderApp({ route: `/chats/${chat_id}`, as: NINA })
    await live()
    const box = await screen.findByRole('textbox', { name: 'Message' })
    expect(box).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Take chat' }))
    await waitFor(() => expect(box).toBeEnabled())
    const chat = sandbox.state.world.chats.find((c) => c.id === chat_id)
    expect(chat?.users.find((u) => u.id === NINA)).toMatchObject({ present: true })
    expect(chat?.threads.at(-1)?.queue).toBeUndefined()
    expect(screen.queryByRole('button', { name: 'Take chat' })).not.toBeInTheDocument()
  })

  it('Transfer hands the chat to another agent, and it is no longer mine', async () => {
    const user = userEvent.setup()
    const chat = await openChat()
    await user.click(screen.getByRole('button', { name: 'Transfer' }))
    const form = screen.getByRole('form', { name: 'Transfer the chat' })
    const select = within(form).getByRole('combobox', { name: 'Transfer to' })
    await waitFor(() => expect(within(select).getAllByRole('option').length).toBeGreaterThan(1))
    const option = within(select)
      .getAllByRole('option')
      .find((o) => (o as HTMLOptionElement).value.startsWith('agent:')) as HTMLOptionElement
    const target = option.value.slice('agent:'.length)
    await user.selectOptions(select, option)
    await user.click(within(form).getByRole('button', { name: 'Move chat' }))
    await waitFor(() =>
      expect(chat.users.find((u) => u.id === target)).toMatchObject({ present: true }),
    )
    expect(chat.users.some((u) => u.id === NINA && u.present)).toBe(false)
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' })).toBeDisabled())
    expect(screen.getByRole('heading', { level: 2, name: /^Chat with/ })).toHaveFocus()
  })

  it('Follow: I watch a chat of my group without taking it', async () => {
    const user = userEvent.setup()
    const { chat_id } = startCustomerChat(sandbox.state, { groupId: 1, text: 'Hi' })
    renderApp({ route: `/chats/${chat_id}`, as: NINA })
    await live()
    await user.click(await screen.findByRole('button', { name: 'Follow' }))
    expect(await screen.findByRole('button', { name: 'Unfollow' })).toBeInTheDocument()
    expect(sandbox.state.world.chats.find((c) => c.id === chat_id)?.followers).toContain(NINA)
    // Following, new messages arrive live.
    await act(async () => {
      customerMessage(sandbox.state, { chatId: chat_id, text: 'Hello again' })
    })
    expect(await within(await conversation()).findByText('Hello again')).toBeInTheDocument()
  })

  it('without chats--access:rw, Take chat is disabled and says which permission is missing', async () => {
    const { chat_id } = startCustomerChat(sandbox.state, { groupId: 1, text: 'Hi' })
    const scopes = DEFAULT_SCOPES.filter((s) => s !== 'chats--access:rw').concat('chats--access:ro')
    renderApp({ route: `/chats/${chat_id}`, as: NINA, scopes })
    await live()
    expect(await screen.findByRole('button', { name: 'Take chat' })).toBeDisabled()
    expect(screen.getAllByText(/chats--access:rw/).length).toBeGreaterThan(0)
  })
})

describe('the connection’s life', () => {
  it('a dropped socket says Reconnecting…, comes back Live, and what the customer wrote meanwhile shows', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
    const chat = await openChat()
    await act(async () => {
      sandbox.rtm.drop({ email: NINA })
      // Written while this tab has no socket: no push reaches it, only the resync can.
      customerMessage(sandbox.state, { chatId: chat.id, text: 'Sent while you were away' })
    })
    expect(await screen.findByText('Reconnecting…')).toBeInTheDocument()
    expect(screen.getByText(/next try in \d s/)).toBeInTheDocument()
    await live()
    expect(
      await within(await conversation()).findByText('Sent while you were away'),
    ).toBeInTheDocument()
    expect(sockets()).toHaveLength(1)
  })

  it('access_token_revoked signs this tab out with the reason', async () => {
    renderApp({ route: '/chats', as: NINA })
    await live()
    await act(async () => {
      for (const token of sandbox.state.tokens.accessTokens.values())
        sandbox.state.tokens.revokeAccessToken(token)
    })
    expect(
      await screen.findByText('LiveChat ended your session. Sign in again to continue.'),
    ).toBeInTheDocument()
  })

  it('agent_logged_out_remotely signs this tab out with the reason', async () => {
    renderApp({ route: '/chats', as: NINA })
    await live()
    await act(async () => {
      sandbox.rtm.disconnect({ email: NINA }, 'agent_logged_out_remotely')
    })
    expect(
      await screen.findByText(/signed out of LiveChat from another device/),
    ).toBeInTheDocument()
  })

  it('connection_evicted stops with the reason and a way forward: Reconnect here', async () => {
    const user = userEvent.setup()
    renderApp({ route: '/chats', as: NINA })
    await live()
    await act(async () => {
      sandbox.rtm.disconnect({ email: NINA }, 'connection_evicted')
    })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(/replaced this one/)
    expect(screen.getByText('Offline')).toBeInTheDocument()
    await user.click(within(alert).getByRole('button', { name: 'Reconnect here' }))
    await live()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('the browser going offline says so at once; back online, it is Live again by itself', async () => {
    await openChat()
    await act(async () => {
      window.dispatchEvent(new Event('offline'))
    })
    expect(await screen.findByRole('alert')).toHaveTextContent(/You are offline/)
    expect(screen.getByText('Offline')).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveAccessibleDescription(
      /You are offline: messages can be sent when your connection is back/,
    )
    await act(async () => {
      window.dispatchEvent(new Event('online'))
    })
    await live()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('while not live, the status control says it cannot work', async () => {
    renderApp({ route: '/chats', as: NINA })
    await live()
    await act(async () => {
      sandbox.rtm.disconnect({ email: NINA }, 'too_many_connections')
    })
    expect(await screen.findByRole('group', { name: 'Change my routing status' })).toBeDisabled()
    expect(
      screen.getByText(/your status can be changed when the connection is back/),
    ).toBeInTheDocument()
  })
})

describe('keyboard first', () => {
  it('arrow keys move through the chats, Enter opens one and focus lands on it; Ctrl+Enter sends', async () => {
    const user = userEvent.setup()
    renderApp({ route: '/chats', as: NINA })
    await live()
    const list = await chatList()
    const links = within(list).getAllByRole('link')
    expect(links.filter((link) => link.tabIndex === 0)).toHaveLength(1)
    links[0]?.focus()
    await user.keyboard('{ArrowDown}')
    expect(links[1]).toHaveFocus()
    await user.keyboard('{End}')
    expect(links.at(-1)).toHaveFocus()
    await user.keyboard('{Home}{ArrowDown}{ArrowUp}')
    expect(links[0]).toHaveFocus()
    const mine = within(list).getByRole('region', { name: /^My chats/ })
    const target = within(mine).getAllByRole('link')[0] as HTMLAnchorElement
    target.focus()
    await user.keyboard('{Enter}')
    const heading = await screen.findByRole('heading', { level: 2, name: /^Chat with/ })
    await waitFor(() => expect(heading).toHaveFocus())
    const box = await screen.findByRole('textbox', { name: 'Message' })
    await user.click(box)
    await user.keyboard('On my way{Control>}{Enter}{/Control}')
    expect(await within(await conversation()).findByText('On my way')).toBeInTheDocument()
    await waitFor(() =>
      expect(
        within(screen.getByRole('log', { name: 'Conversation' })).queryByText('Sending…'),
      ).not.toBeInTheDocument(),
    )
    // Shown once: the optimistic copy became the pushed event.
    expect(
      within(screen.getByRole('log', { name: 'Conversation' })).getAllByText('On my way'),
    ).toHaveLength(1)
  })
})
