import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { XSS_IMG, XSS_LINK } from '../../../packages/sandbox/src/seed/conversations'
import { DEFAULT_SCOPES } from 'livechat-browser-auth'
import { renderApp } from '../../support/render-app'
import { sandbox } from '../../support/sandbox-msw'
import {
  activeChats,
  addFault,
  agentPath,
  customerName,
  NINA,
  OLIVIA,
  openChatOf,
  requestsTo,
} from '../../support/workspace-kit'

afterEach(() => {
  vi.restoreAllMocks()
})

function chatWithText(text: string) {
  const chat = sandbox.state.world.chats.find((c) =>
    c.threads.some((t) => t.events.some((e) => 'text' in e && e.text.includes(text))),
  )
  if (!chat) throw new Error(`no chat says ${text}`)
  return chat
}

describe('/chats/:chatId', () => {
  it('shows the thread: messages, system messages, internal notes and files as links', async () => {
    const chat = openChatOf(NINA)
    renderApp({ route: `/chats/${chat.id}`, as: NINA })
    expect(
      await screen.findByRole('heading', { level: 2, name: `Chat with ${customerName(chat)}` }),
    ).toBeInTheDocument()
    const log = screen.getByRole('log', { name: 'Conversation' })
    const thread = chat.threads.at(-1)
    for (const event of thread?.events ?? []) {
      if (event.type !== 'file' && !event.deleted)
        expect(within(log).getByText(event.text)).toBeInTheDocument()
    }
  })

  it('#71: renders chat content as text, never as HTML (hostile seed messages)', async () => {
    const chat = chatWithText(XSS_IMG)
    const { container } = renderApp({ route: `/chats/${chat.id}`, as: NINA })
    const log = await screen.findByRole('log', { name: 'Conversation' })
    expect(within(log).getByText(`Hi ${XSS_IMG} can you see this?`)).toBeInTheDocument()
    expect(
      within(log).getByText(`The tracking page says ${XSS_LINK} but nothing happens`),
    ).toBeInTheDocument()
    expect(container.querySelector('img')).toBeNull()
    for (const link of within(log).queryAllByRole('link'))
      expect(link.getAttribute('href')).toMatch(/^https?:/)
  })

  it('#71: links files only for http(s) URLs, with rel="noopener noreferrer"', async () => {
    const chat = sandbox.state.world.chats.find((c) =>
      c.threads.at(-1)?.events.some((e) => e.type === 'file'),
    )
    if (!chat) throw new Error('seed has no file in a latest thread')
    const events = chat.threads.at(-1)?.events ?? []
    const file = events.find((e) => e.type === 'file')
    if (!file || file.type !== 'file') throw new Error('no file')
    // A second file pointing at a script URL must stay text.
    events.push({ ...file, id: `${file.id}x`, name: 'evil.pdf', url: 'javascript:alert(1)' })
    renderApp({
      route: `/chats/${chat.id}`,
      as: OLIVIA,
      scopes: [...DEFAULT_SCOPES, 'chats--all:ro'],
    })
    const log = await screen.findByRole('log', { name: 'Conversation' })
    const link = within(log).getByRole('link', { name: file.name })
    expect(link).toHaveAttribute('href', file.url)
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    expect(within(log).queryByRole('link', { name: 'evil.pdf' })).not.toBeInTheDocument()
    expect(within(log).getByText(/evil\.pdf/)).toBeInTheDocument()
  })

  it('sends a message: it shows at once (optimistic), lands in the sandbox thread, and the box empties', async () => {
    const user = userEvent.setup()
    const chat = openChatOf(NINA)
    renderApp({ route: `/chats/${chat.id}`, as: NINA })
    const box = await screen.findByRole('textbox', { name: 'Message' })
    await user.type(box, 'Your parcel arrives tomorrow.')
    sandbox.state.latencyMs = 400
    await user.click(screen.getByRole('button', { name: 'Send' }))
    const log = screen.getByRole('log', { name: 'Conversation' })
    // Shown before LiveChat has it.
    expect(within(log).getByText('Your parcel arrives tomorrow.')).toBeInTheDocument()
    expect(within(log).getByText('Sending…')).toBeInTheDocument()
    expect(
      chat.threads
        .at(-1)
        ?.events.some((e) => 'text' in e && e.text === 'Your parcel arrives tomorrow.'),
    ).toBe(false)
    expect(box).toHaveValue('')
    await waitFor(() => {
      const events = chat.threads.at(-1)?.events ?? []
      expect(events.at(-1)).toMatchObject({
        type: 'message',
        text: 'Your parcel arrives tomorrow.',
        author_id: NINA,
      })
    })
    await waitFor(() => expect(within(log).queryByText('Sending…')).not.toBeInTheDocument())
    expect(requestsTo(agentPath('send_event'))).toHaveLength(1)
  })

  it('#53: a failed send is rolled back, explained, not retried, and the text returns to the box', async () => {
    const user = userEvent.setup()
    const chat = openChatOf(NINA)
    const before = chat.threads.at(-1)?.events.length
    addFault({ path: agentPath('send_event'), status: 503 })
    renderApp({ route: `/chats/${chat.id}`, as: NINA })
    const box = await screen.findByRole('textbox', { name: 'Message' })
    await user.type(box, 'Refund approved.')
    await user.click(screen.getByRole('button', { name: 'Send' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(/not sent/i)
    expect(alert).toHaveTextContent(/LiveChat is having trouble/)
    expect(box).toHaveValue('Refund approved.')
    const log = screen.getByRole('log', { name: 'Conversation' })
    await waitFor(() => expect(within(log).queryByText('Refund approved.')).not.toBeInTheDocument())
    expect(requestsTo(agentPath('send_event'))).toHaveLength(1)
    expect(chat.threads.at(-1)?.events.length).toBe(before)
    // Sending again works and the box empties.
    await user.click(screen.getByRole('button', { name: 'Send' }))
    await waitFor(() =>
      expect(chat.threads.at(-1)?.events.at(-1)).toMatchObject({ text: 'Refund approved.' }),
    )
    expect(box).toHaveValue('')
  })

  it('disables the composer with the reason when chats.conversation--access:rw was not granted', async () => {
    const chat = openChatOf(NINA)
    const scopes = DEFAULT_SCOPES.filter(
      (s) => s !== 'chats.conversation--access:rw' && s !== 'chats--access:rw',
    ).concat('chats--access:ro')
    renderApp({ route: `/chats/${chat.id}`, as: NINA, scopes })
    const box = await screen.findByRole('textbox', { name: 'Message' })
    expect(box).toBeDisabled()
    expect(box).toHaveAccessibleDescription(/chats\.conversation--access:rw/)
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Close chat' })).toBeDisabled()
  })

  it('closes the chat after a confirmation (deactivate_chat), then the composer says it is closed', async () => {
    const user = userEvent.setup()
    const chat = openChatOf(NINA)
    renderApp({ route: `/chats/${chat.id}`, as: NINA })
    await user.click(await screen.findByRole('button', { name: 'Close chat' }))
    await user.click(screen.getByRole('button', { name: 'Yes, close chat' }))
    await waitFor(() => expect(chat.threads.at(-1)?.active).toBe(false))
    expect(await screen.findByRole('textbox', { name: 'Message' })).toBeDisabled()
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Message' })).toHaveAccessibleDescription(
        /closed/,
      ),
    )
    expect(screen.queryByRole('button', { name: 'Close chat' })).not.toBeInTheDocument()
  })

  it('links to the customer and shows earlier conversations of the chat', async () => {
    const user = userEvent.setup()
    const chat = sandbox.state.world.chats.find(
      (c) =>
        c.threads.length >= 2 &&
        c.access.group_ids.includes(1) &&
        c.threads.every((t) => !t.restricted_access),
    )
    if (!chat) throw new Error('no multi-thread Sales chat')
    renderApp({ route: `/chats/${chat.id}`, as: NINA })
    const customerPane = await screen.findByRole('complementary', { name: 'Customer' })
    expect(await within(customerPane).findByText(customerName(chat))).toBeInTheDocument()
    const profile = within(customerPane).getByRole('link', { name: 'Full profile' })
    const customerId = chat.users.find((u) => u.type === 'customer')?.id
    expect(profile).toHaveAttribute('href', `/customers/${customerId}`)
    await user.click(screen.getByRole('link', { name: 'Earlier conversation' }))
    const previous = chat.threads.at(-2)
    const firstText = previous?.events.find((e) => e.type === 'message' && !e.deleted)
    if (!firstText || firstText.type !== 'message') throw new Error('no message')
    expect(await screen.findByText(firstText.text)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Latest conversation' })).toBeInTheDocument()
    expect(screen.queryByRole('textbox', { name: 'Message' })).not.toBeInTheDocument()
  })

  it('#47: a chat outside my groups gives a clear message, no re-auth, and I stay signed in', async () => {
    const foreign = activeChats().find(
      (c) => c.access.group_ids.every((id) => id === 2) && !c.users.some((u) => u.id === NINA),
    )
    if (!foreign) throw new Error('no Support-only chat')
    renderApp({ route: `/chats/${foreign.id}`, as: NINA })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(/do not have access/i)
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument()
    expect(requestsTo('/v2/info')).toHaveLength(1)
    expect(requestsTo(agentPath('get_chat'))).toHaveLength(1)
  })
})
