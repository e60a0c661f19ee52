import { useCallback } from 'react'
import { useLocation, useNavigate } from 'react-router-dom'
import { paths } from '../../config/paths'
import { useAttention } from '../../live/attention/use-attention'

/** The chat a path shows: `/chats/:chatId` (paths.chat), or null. */
function chatIn(pathname: string): string | null {
  const [, root, chatId] = pathname.split('/')
  if (`/${root}` !== paths.chats || !chatId) return null
  try {
    return decodeURIComponent(chatId)
  } catch {
    return null
  }
}

/** Rings for what needs the agent (live/attention); a notification's click opens its chat. */
export function Attention() {
  const { pathname } = useLocation()
  const navigate = useNavigate()
  const openChat = useCallback((chatId: string) => navigate(paths.chat(chatId)), [navigate])
  useAttention({ chatOnScreen: chatIn(pathname), openChat })
  return null
}
