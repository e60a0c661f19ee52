import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { chatActions } from '../api/chat-actions'
import { ActionError } from './action-error'
import { useApiClient } from '../api/use-api-client'

/** Closing a chat cannot be undone, so it asks once more before calling deactivate_chat. */
export function CloseChat({
  chatId,
  disabledReason,
}: {
  chatId: string
  disabledReason: string | null
}) {
  const api = useApiClient()
  const close = useMutation(chatActions.close(api, chatId))
  const [confirming, setConfirming] = useState(false)

  return (
    <div className="close-chat">
      {close.isError && <ActionError what="The chat was not closed." error={close.error} />}
      {confirming ? (
        <div className="actions" role="group" aria-label="Confirm closing the chat">
          <span>Close this chat for everyone?</span>
          <button
            type="button"
            className="button button--primary"
            disabled={close.isPending}
            onClick={() => close.mutate(undefined, { onSettled: () => setConfirming(false) })}
          >
            {close.isPending ? 'Closing…' : 'Yes, close chat'}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button"
          disabled={disabledReason !== null}
          title={disabledReason ?? undefined}
          onClick={() => setConfirming(true)}
        >
          Close chat
        </button>
      )}
      {disabledReason && <p className="muted">{disabledReason}</p>}
    </div>
  )
}
