import { useMutation } from '@tanstack/react-query'
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { chatActions, newCustomId } from '../api/chat-actions'
import { failureText } from './action-error'
import { chatQueries } from '../api/chats'
import { useApiClient } from '../api/use-api-client'
import { confirmEvent } from '../live/cache/thread-patches'
import { isLive, useLiveStatus } from '../live/use-live'

interface ChatComposerProps {
  chatId: string
  /** Who is writing (agent id), for the optimistic copy of the message. */
  authorId: string
  /** Why the agent cannot write here, or null when they can. */
  disabledReason: string | null
  /** Something the agent should know while writing (e.g. not live right now). */
  note?: string | null
}

/**
 * Writes a message. It appears in the thread at once (optimistic) and is taken back if LiveChat
 * refuses it; the text then returns to the box, so nothing typed is ever lost. A failed send is
 * never repeated automatically (a 5xx may still have delivered it; SECURITY.md #53). While the
 * socket is live, its `incoming_event` push replaces the optimistic copy (matched by
 * `custom_id`, live/cache/thread-patches.ts) and nothing is refetched; otherwise the thread is.
 */
export function ChatComposer({ chatId, authorId, disabledReason, note }: ChatComposerProps) {
  const api = useApiClient()
  const live = isLive(useLiveStatus())
  const [draft, setDraft] = useState('')
  const options = chatActions.sendMessage(api, chatId)
  const send = useMutation({
    ...options,
    onSuccess: ({ event_id }, message, _result, { client }) => {
      // The response before the push: the copy takes its real id, and the push replaces it.
      client.setQueryData(chatQueries.detail(api, chatId).queryKey, (chat) =>
        chat ? confirmEvent(chat, message.customId, event_id) : chat,
      )
    },
    onSettled: live ? undefined : options.onSettled,
    onError: (error, message, result, context) => {
      options.onError?.(error, message, result, context)
      // Whatever was typed since goes after the returned text, not over it.
      setDraft((current) => (current.trim() === '' ? message.text : `${message.text}\n${current}`))
    },
  })
  const inputId = useId()
  const hintId = useId()

  const submit = () => {
    const text = draft
    if (disabledReason || text.trim() === '') return
    setDraft('')
    send.mutate({ text, authorId, customId: newCustomId() })
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    submit()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      submit()
    }
  }

  return (
    <form className="composer" onSubmit={onSubmit} aria-label="Write a message">
      {send.isError && (
        <div role="alert" className="alert">
          <p>
            <strong>Your message was not sent.</strong> {failureText(send.error)} Your text is back
            in the box; send it again when ready.
          </p>
        </div>
      )}
      <label htmlFor={inputId}>Message</label>
      <textarea
        id={inputId}
        className="composer__input"
        rows={3}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        disabled={disabledReason !== null}
        aria-describedby={hintId}
      />
      <p id={hintId} className="muted composer__hint">
        {disabledReason ?? note ?? 'Ctrl+Enter sends. Customers see what you write here.'}
      </p>
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={disabledReason !== null || draft.trim() === ''}
        >
          Send
        </button>
      </div>
    </form>
  )
}
