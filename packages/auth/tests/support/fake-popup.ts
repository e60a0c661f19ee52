// A popup window as the flows see it, for jsdom (which opens none): `closed`, `close()`,
// `focus()`; and who listens for `message` on the page, whoever attached the listener.
import { vi } from 'vitest'

export interface FakePopup {
  closed: boolean
  close: () => void
  focus: () => void
}

export function fakePopup(): FakePopup {
  const popup: FakePopup = {
    closed: false,
    close: vi.fn(() => {
      popup.closed = true
    }),
    focus: vi.fn(),
  }
  return popup
}

/** The `message` listeners attached to window from now on, kept up to date (spies: restore them). */
export function trackMessageListeners(): Set<unknown> {
  const listeners = new Set<unknown>()
  const add = window.addEventListener.bind(window)
  const remove = window.removeEventListener.bind(window)
  vi.spyOn(window, 'addEventListener').mockImplementation((type, listener, options) => {
    if (type === 'message') listeners.add(listener)
    add(type, listener, options)
  })
  vi.spyOn(window, 'removeEventListener').mockImplementation((type, listener, options) => {
    if (type === 'message') listeners.delete(listener)
    remove(type, listener, options)
  })
  return listeners
}
