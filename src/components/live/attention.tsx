import { useCallback } from 'react'
import { useMatch, useNavigate } from 'react-router-dom'
import { paths } from '../../config/paths'
import { useAttention } from '../../live/attention/use-attention'

/** Rings for what needs the agent (live/attention); a notification's click opens its chat. */
export function Attention() {
  const match = useMatch('/chats/:chatId')
  const navigate = useNavigate()
  const openChat = useCallback((chatId: string) => navigate(paths.chat(chatId)), [navigate])
  useAttention({ chatOnScreen: match?.params.chatId ?? null, openChat })
  return null
}
