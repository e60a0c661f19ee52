// "Customer is typing…" and the sneak peek (docs/livechat/rtm.md#typing-and-sneak-peek): the last
// signal per chat, with when it came. A stop signal may never come, so a signal is over ~5 s after
// it arrived: the view asks `typingNow` with the time, rather than a timer clearing it.
import { queryOptions, skipToken, type QueryClient } from '@tanstack/react-query'
import type { ApiClient } from 'livechat-browser-auth'
import { liveQueries } from './live-queries'

export const TYPING_EXPIRY_MS = 5_000

export interface Typing {
  authorId: string
  /** The sneak peek: what the customer is typing, before they send it. */
  text: string | null
  /** When the signal came (epoch ms). */
  at: number
}

export const typingQuery = (api: ApiClient, chatId: string) =>
  queryOptions<Typing | null>({
    queryKey: [...liveQueries.all(api), 'typing', chatId] as const,
    queryFn: skipToken,
    staleTime: Infinity,
  })

/**
 * Someone types (with a sneak peek, or none), or stops (`typing: false`), or their message came
 * (`typing: false` with their id): a plain typing signal keeps the peek already shown.
 */
export function setTyping(
  client: QueryClient,
  api: ApiClient,
  chatId: string,
  authorId: string | null,
  typing: boolean,
  text: string | null = null,
): void {
  client.setQueryData(typingQuery(api, chatId).queryKey, (current) => {
    if (!typing)
      return current && (authorId === null || current.authorId === authorId) ? null : current
    const peek = text ?? (current?.authorId === authorId ? current.text : null)
    return { authorId: authorId as string, text: peek, at: Date.now() }
  })
}

/** The signal if it is still current at `now`. */
export function typingNow(typing: Typing | null | undefined, now: number): Typing | null {
  return typing && now - typing.at < TYPING_EXPIRY_MS ? typing : null
}
