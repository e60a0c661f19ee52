// The Notification API behind a small adapter (tests pass a fake): the permission as the browser
// has it, the request (only ever from the agent's click), and one notification per alert whose
// click brings this tab forward and opens the chat.
import type { Alert } from './runtime/attention-rules'

export type DesktopPermission = NotificationPermission | 'unsupported'

export interface DesktopNotifier {
  permission(): DesktopPermission
  /** Call from a click: browsers ignore (or penalise) a request nobody asked for. */
  request(): Promise<DesktopPermission>
  show(alert: Alert, onClick: () => void): void
}

export function browserNotifier(): DesktopNotifier {
  const supported = () => typeof Notification === 'function'
  return {
    permission: () => (supported() ? Notification.permission : 'unsupported'),
    request: async () => (supported() ? Notification.requestPermission() : 'unsupported'),
    show(alert, onClick) {
      if (!supported() || Notification.permission !== 'granted') return
      // The tag replaces an older notification for the same event instead of stacking a copy.
      const notification = new Notification(alert.title, { body: alert.body, tag: alert.key })
      notification.onclick = () => {
        window.focus()
        onClick()
        notification.close()
      }
    },
  }
}
