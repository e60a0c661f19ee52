// Attention in the live workspace (issue 24), through the real providers under StrictMode with the
// sandbox answering HTTP and RTM in-process: what the customer simulator does rings (a desktop
// notification, here a fake Notification with the permission granted) or not, with the tab
// visible or hidden and the chat on screen or not, and once only across the socket's resync.
import { act, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  customerMessage,
  startCustomerChat,
} from '../../../../packages/sandbox/src/simulator/simulated-customer'
import { SETTINGS_KEY } from '../../../../src/live/attention/attention-settings'
import { renderApp } from '../../../support/render-app'
import { sandbox } from '../../../support/sandbox-msw'
import { activeChats, customerName, NINA, openChatOf } from '../../../support/workspace-kit'
import { FakeNotification } from './fake-notification'

const live = () => screen.findByText('Live', {}, { timeout: 4000 })
const conversation = () => screen.findByRole('log', { name: 'Conversation' })
/** Lets the sandbox's pushes (delivered in microtasks and timers) reach the app. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)))
const titles = () => FakeNotification.shown.map((n) => n.title)

function setVisibility(state: 'visible' | 'hidden') {
  act(() => {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
  })
}

/** Another open chat Nina is in, besides `chatId`. */
function otherChatOfNina(chatId: string) {
  const other = activeChats().find(
    (c) => c.id !== chatId && c.users.some((u) => u.id === NINA && u.type === 'agent' && u.present),
  )
  if (!other) throw new Error('seed has one open chat only for Nina')
  return other
}

beforeEach(() => {
  FakeNotification.install('granted')
  localStorage.setItem(SETTINGS_KEY, JSON.stringify({ sound: true, desktop: true }))
})
afterEach(() => {
  vi.unstubAllGlobals()
  setVisibility('visible')
})

describe('a desktop notification for what needs the agent', () => {
  it(
    'a customer writing rings unless the chat is on screen in the visible tab; a click opens it',
    { timeout: 20_000 },
    async () => {
      const onScreen = openChatOf(NINA)
      const other = otherChatOfNina(onScreen.id)
      renderApp({ route: `/chats/${onScreen.id}`, as: NINA })
      await live()
      await conversation()
      await settle()

      await act(async () => {
        customerMessage(sandbox.state, { chatId: onScreen.id, text: 'Seen as it arrives' })
      })
      expect(await within(await conversation()).findByText('Seen as it arrives')).toBeVisible()
      await settle()
      expect(titles()).toEqual([])

      await act(async () => {
        customerMessage(sandbox.state, { chatId: other.id, text: 'Over here, please' })
      })
      await waitFor(() => expect(titles()).toEqual([`${customerName(other)} wrote`]))
      expect(FakeNotification.shown[0]?.options.body).toBe('Over here, please')

      // Hidden, the chat on screen rings too: the agent is not looking at it.
      setVisibility('hidden')
      await act(async () => {
        customerMessage(sandbox.state, { chatId: onScreen.id, text: 'Are you there?' })
      })
      await waitFor(() => expect(titles()).toHaveLength(2))
      expect(FakeNotification.shown[1]?.options.body).toBe('Are you there?')
      setVisibility('visible')

      const focus = vi.spyOn(window, 'focus').mockImplementation(() => undefined)
      act(() => FakeNotification.shown[0]?.onclick?.())
      expect(focus).toHaveBeenCalled()
      expect(FakeNotification.shown[0]?.closed).toBe(true)
      expect(
        await screen.findByRole('heading', { name: new RegExp(customerName(other)), level: 2 }),
      ).toBeInTheDocument()
    },
  )

  it(
    'a chat queued in my group rings once; the resync after a drop rings nothing again, a new chat does',
    { timeout: 20_000 },
    async () => {
      renderApp({ route: '/chats', as: NINA })
      await live()
      await settle()
      await act(async () => {
        startCustomerChat(sandbox.state, {
          groupId: 1,
          text: 'Can someone help?',
          customerName: 'Quinn Queue',
        })
      })
      await waitFor(() => expect(titles()).toEqual(['Quinn Queue is waiting in the queue']))
      expect(FakeNotification.shown[0]?.options).toMatchObject({ body: 'Can someone help?' })

      // The socket drops and logs in again: the cache resyncs; nothing already rung rings again.
      vi.spyOn(Math, 'random').mockReturnValue(0.5)
      await act(async () => {
        sandbox.rtm.drop({ email: NINA })
      })
      expect(await screen.findByText('Reconnecting…')).toBeInTheDocument()
      await live()
      await settle()
      expect(titles()).toHaveLength(1)
      await act(async () => {
        startCustomerChat(sandbox.state, { groupId: 1, text: 'Me too', customerName: 'Robin Rows' })
      })
      await waitFor(() => expect(titles()).toHaveLength(2))
      expect(titles()[1]).toBe('Robin Rows is waiting in the queue')
    },
  )

  it('nothing rings with desktop notifications off, or without the permission', async () => {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ sound: false, desktop: false }))
    renderApp({ route: '/chats', as: NINA })
    await live()
    await settle()
    await act(async () => {
      startCustomerChat(sandbox.state, { groupId: 1, text: 'Hello?' })
    })
    await settle()
    expect(titles()).toEqual([])
  })
})
