// A stand-in for the browser's Notification API: records what was shown, lets the test click a
// notification, and says whatever permission the test sets.
import { vi } from 'vitest'

export class FakeNotification {
  static permission: NotificationPermission = 'granted'
  static answer: NotificationPermission = 'granted'
  static shown: FakeNotification[] = []
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = FakeNotification.answer
    return FakeNotification.answer
  })

  onclick: (() => void) | null = null
  closed = false

  constructor(
    readonly title: string,
    readonly options: NotificationOptions = {},
  ) {
    FakeNotification.shown.push(this)
  }

  close() {
    this.closed = true
  }

  /** Installs the fake as `Notification` with this permission; undo with vi.unstubAllGlobals(). */
  static install(permission: NotificationPermission = 'granted') {
    FakeNotification.permission = permission
    FakeNotification.answer = 'granted'
    FakeNotification.shown = []
    FakeNotification.requestPermission.mockClear()
    vi.stubGlobal('Notification', FakeNotification)
  }
}
