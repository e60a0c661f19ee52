// The attention controller: each push → the rules → at most one alert per event → the sound and
// the desktop notification, in the one tab that rings, as the agent's settings say.
import type { RtmPushFrame } from '../../socket/rtm-frames'
import { alertFor, type Alert, type AttentionView } from './attention-rules'
import type { AttentionSettings } from '../attention-settings'
import type { Sound } from './chime'
import type { DesktopNotifier } from '../desktop-notifier'
import type { TabCoordination } from './tab-coordination'

/** Events remembered as rung: plenty for a session, bounded for a tab open all week. */
const REMEMBERED = 500

export interface AttentionDeps {
  settings: () => AttentionSettings
  sound: Pick<Sound, 'play'>
  desktop: Pick<DesktopNotifier, 'show'>
  tabs: Pick<TabCoordination, 'isLeader' | 'isWatched'>
  openChat: (chatId: string) => void
}

export interface Attention {
  /** Call after the push was applied to the cache. Returns the alert when this tab rang. */
  onPush(push: RtmPushFrame, view: Omit<AttentionView, 'isWatched'>): Alert | null
}

export function createAttention(deps: AttentionDeps): Attention {
  const rung = new Set<string>()
  return {
    onPush(push, view) {
      const alert = alertFor(push, { ...view, isWatched: (chatId) => deps.tabs.isWatched(chatId) })
      if (!alert || rung.has(alert.key)) return null
      rung.add(alert.key)
      if (rung.size > REMEMBERED) rung.delete(rung.values().next().value as string)
      if (!deps.tabs.isLeader()) return null
      const settings = deps.settings()
      if (settings.sound) deps.sound.play()
      if (settings.desktop) deps.desktop.show(alert, () => deps.openChat(alert.chatId))
      return alert
    },
  }
}
