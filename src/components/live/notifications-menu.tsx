import { useCallback, useRef, useState, useSyncExternalStore } from 'react'
import {
  readSettings,
  subscribeSettings,
  writeSettings,
} from '../../live/attention/attention-settings'
import { browserNotifier, type DesktopPermission } from '../../live/attention/desktop-notifier'
import { useCloseOnEscape } from '../use-close-on-escape'

const notifier = browserNotifier()
/** One menu per page (the header's). */
const PANEL_ID = 'notifications-panel'

const PERMISSION_WORDS: Record<DesktopPermission, string> = {
  granted: 'Allowed by the browser.',
  denied:
    'Blocked by the browser: allow them in the site settings (beside the address), then reload.',
  default: 'Not allowed yet.',
  unsupported: 'Not in this browser.',
}

/**
 * The header's Notifications menu: sound on/off, desktop notifications on/off with the browser's
 * permission (asked only from the click on "Enable desktop notifications"), shared by every tab.
 */
export function NotificationsMenu() {
  const [open, setOpen] = useState(false)
  const close = useCallback(() => setOpen(false), [])
  const settings = useSyncExternalStore(subscribeSettings, readSettings)
  const [permission, setPermission] = useState<DesktopPermission>(() => notifier.permission())
  const button = useRef<HTMLButtonElement>(null)

  useCloseOnEscape(open, close, button)

  const enable = async () => {
    const answer = permission === 'granted' ? permission : await notifier.request()
    setPermission(answer)
    if (answer !== 'granted') return
    writeSettings({ desktop: true })
    // This button goes away: focus goes back to the menu's, not to the page's start.
    button.current?.focus()
  }

  const desktopOn = settings.desktop && permission === 'granted'
  return (
    <div className="attention-menu">
      <button
        ref={button}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={PANEL_ID}
        onClick={() => {
          // The permission may have changed in the browser's site settings since.
          setPermission(notifier.permission())
          setOpen((was) => !was)
        }}
      >
        Notifications
      </button>
      <div id={PANEL_ID} className="panel attention-menu__panel" hidden={!open}>
        <fieldset>
          <legend>Notifications</legend>
          <label>
            <input
              type="checkbox"
              checked={settings.sound}
              onChange={(event) => writeSettings({ sound: event.target.checked })}
            />
            Sound
          </label>
          <label>
            <input
              type="checkbox"
              checked={desktopOn}
              disabled={permission !== 'granted'}
              onChange={(event) => writeSettings({ desktop: event.target.checked })}
            />
            Desktop notifications
          </label>
          <p className="muted">{PERMISSION_WORDS[permission]}</p>
          {!desktopOn && (permission === 'default' || permission === 'granted') && (
            <button type="button" className="button" onClick={() => void enable()}>
              Enable desktop notifications
            </button>
          )}
        </fieldset>
      </div>
    </div>
  )
}
