import { useEffect } from 'react'
import { useUnreadTotal } from '../../live/use-live-cache'

const TITLE = 'LiveChat Agent Workspace'

/** The tab's title carries the total of unread messages: "(3) LiveChat Agent Workspace". */
export function UnreadTitle() {
  const total = useUnreadTotal()
  useEffect(() => {
    document.title = total > 0 ? `(${total}) ${TITLE}` : TITLE
    return () => {
      document.title = TITLE
    }
  }, [total])
  return null
}
