// "Customer is typing…" and the sneak peek (livechat-rtm-api.md §11.10): signals, not data, so
// they live beside the query cache rather than in it, and each one expires by itself after
// about 5 s, since a stop signal may never come.
import { systemClock, type Clock, type TimerHandle } from '../socket/clock'

export const TYPING_EXPIRY_MS = 5_000

export interface Typing {
  authorId: string
  /** The sneak peek: what the customer is typing, before they send it. */
  text: string | null
}

export interface TypingStore {
  subscribe(listener: () => void): () => void
  /** Stable per state, as useSyncExternalStore needs. */
  get(chatId: string): Typing | null
  /** Someone types (with a sneak peek, or none); `typing: false` ends it at once. */
  set(chatId: string, authorId: string, typing: boolean, text?: string | null): void
  /** The author's message arrived, or the chat closed: the signal is over. */
  clear(chatId: string, authorId?: string): void
  dispose(): void
}

export function createTypingStore(clock: Clock = systemClock): TypingStore {
  const byChat = new Map<string, Typing>()
  const timers = new Map<string, TimerHandle>()
  const listeners = new Set<() => void>()
  const emit = () => listeners.forEach((listener) => listener())

  const store: TypingStore = {
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    get: (chatId) => byChat.get(chatId) ?? null,
    set: (chatId, authorId, typing, text = null) => {
      if (!typing) return store.clear(chatId, authorId)
      clock.clearTimeout(timers.get(chatId))
      const current = byChat.get(chatId)
      // A plain typing signal keeps the peek already shown; a new peek replaces it.
      byChat.set(chatId, {
        authorId,
        text: text ?? (current?.authorId === authorId ? current.text : null),
      })
      timers.set(
        chatId,
        clock.setTimeout(() => store.clear(chatId), TYPING_EXPIRY_MS),
      )
      emit()
    },
    clear: (chatId, authorId) => {
      const current = byChat.get(chatId)
      if (!current || (authorId !== undefined && current.authorId !== authorId)) return
      clock.clearTimeout(timers.get(chatId))
      timers.delete(chatId)
      byChat.delete(chatId)
      emit()
    },
    dispose: () => {
      timers.forEach((timer) => clock.clearTimeout(timer))
      timers.clear()
      byChat.clear()
      listeners.clear()
    },
  }
  return store
}
