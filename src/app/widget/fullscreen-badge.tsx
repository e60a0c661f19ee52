import { useEffect } from 'react'
import { useAgentApp } from '../../agent-app/use-agent-app'
import { useUnreadTotal } from '../../live/use-live-cache'

/**
 * The fullscreen widget's unread total on its icon in the Agent App (the same total as the tab
 * title's), cleared when the workspace goes (sign-out). Only a count crosses to the host.
 */
export function FullscreenBadge() {
  const total = useUnreadTotal()
  const agentApp = useAgentApp()
  const widget = agentApp.status === 'connected' ? agentApp.widget : null
  useEffect(() => {
    widget?.setNotificationBadge(total).catch(() => undefined)
  }, [widget, total])
  useEffect(
    () => () => {
      widget?.setNotificationBadge(0).catch(() => undefined)
    },
    [widget],
  )
  return null
}
