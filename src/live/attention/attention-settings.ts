// The agent's attention settings: sound on/off, desktop notifications on/off. Kept in
// localStorage (two booleans, nothing secret) so every tab shares them; the `storage` event tells
// the other tabs when one changes them.
export interface AttentionSettings {
  sound: boolean
  desktop: boolean
}

export const SETTINGS_KEY = 'livechat-attention:settings'
const DEFAULTS: AttentionSettings = { sound: true, desktop: false }

let cached: { raw: string | null; value: AttentionSettings } | null = null
const listeners = new Set<() => void>()

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(SETTINGS_KEY)
  } catch {
    return null
  }
}

/** The same object while storage holds the same text (useSyncExternalStore needs that). */
export function readSettings(): AttentionSettings {
  const raw = readRaw()
  if (cached && cached.raw === raw) return cached.value
  let value = DEFAULTS
  try {
    const { sound, desktop } = (JSON.parse(raw ?? '{}') ?? {}) as Record<string, unknown>
    // Only what reads as a yes or no counts; anything else is the default.
    value = { sound: sound !== false, desktop: desktop === true }
  } catch {
    // Unreadable: the defaults.
  }
  cached = { raw, value }
  return value
}

export function writeSettings(change: Partial<AttentionSettings>): void {
  const next = { ...readSettings(), ...change }
  try {
    window.localStorage.setItem(SETTINGS_KEY, JSON.stringify(next))
  } catch {
    // No storage: this page load keeps them.
    cached = { raw: null, value: next }
  }
  for (const listener of listeners) listener()
}

export function subscribeSettings(listener: () => void): () => void {
  listeners.add(listener)
  const onStorage = (event: StorageEvent) => {
    if (event.key === SETTINGS_KEY || event.key === null) listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}
