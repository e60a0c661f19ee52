// Attention inside the signed-in workspace (issue 24): loads its runtime once the workspace is up,
// keeps it for the workspace's life, and tells it this tab's view (the chat on screen, visible or
// not) whenever that changes.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useLayoutEffect, useRef } from 'react'
import { useApiClient } from '../../api/use-api-client'
import { usePageVisible } from '../use-live-cache'
import { useLive } from '../use-live'
import type { AttentionRun } from './runtime/start-attention'

export function useAttention({
  chatOnScreen,
  openChat,
}: {
  /** The chat this tab shows (/chats/:chatId), if any. */
  chatOnScreen: string | null
  openChat: (chatId: string) => void
}): void {
  const { subscribe } = useLive()
  const client = useQueryClient()
  const api = useApiClient()
  const visible = usePageVisible()
  const latest = useRef({ api, openChat, view: { chatId: chatOnScreen, visible } })
  useLayoutEffect(() => {
    latest.current = { api, openChat, view: { chatId: chatOnScreen, visible } }
  })
  const run = useRef<AttentionRun | null>(null)

  useEffect(() => {
    let stopped = false
    void import('./runtime/start-attention').then(({ startAttention }) => {
      if (stopped) return
      run.current = startAttention({
        subscribe,
        client,
        api: () => latest.current.api,
        openChat: (chatId) => latest.current.openChat(chatId),
      })
      run.current.report(latest.current.view)
    })
    return () => {
      stopped = true
      run.current?.stop()
      run.current = null
    }
  }, [subscribe, client])

  useEffect(() => {
    run.current?.report({ chatId: chatOnScreen, visible })
  }, [chatOnScreen, visible])
}
