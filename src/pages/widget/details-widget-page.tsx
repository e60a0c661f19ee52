import { useHasScopes } from 'livechat-browser-auth/react'
import { useAgentApp, useCustomerHint } from '../../agent-app/use-agent-app'
import { WidgetCustomer } from '../../components/widget/widget-customer'
import { Spinner } from '../../ui/spinner'

/**
 * /widget/details, signed in: the customer of the chat the Agent App has open, with their
 * previous chats and a greeting for the message box. What the host says is a hint (an id); the
 * page shows only what LiveChat's API answers for it.
 */
export function DetailsWidgetPage() {
  const agentApp = useAgentApp()
  const hint = useCustomerHint()
  const canReadCustomers = useHasScopes()(['customers:ro'])
  const widget = agentApp.status === 'connected' ? agentApp.widget : null
  return (
    <main id="main" className="widget" aria-labelledby="widget-title">
      <h1 id="widget-title" className="visually-hidden">
        Customer details
      </h1>
      {agentApp.status === 'standalone' && (
        <p className="notice">
          This is the app’s widget for LiveChat’s Agent App: add it to the Details panel of a chat
          (see docs/agent-app-widgets.md, “Run it inside the Agent App”), or{' '}
          <a href="/">open the full app</a>.
        </p>
      )}
      {agentApp.status === 'connecting' && <Spinner label="Connecting to the Agent App" />}
      {agentApp.status === 'unavailable' && (
        <p role="alert" className="alert">
          The Agent App did not answer. Reload the chat in LiveChat to try again.
        </p>
      )}
      {widget && !canReadCustomers && (
        <p className="notice">
          Showing customers needs the <code>customers:ro</code> permission, which this sign-in did
          not grant.
        </p>
      )}
      {widget && canReadCustomers && !hint && (
        <p className="muted">Open a chat in LiveChat to see its customer here.</p>
      )}
      {widget && canReadCustomers && hint && <WidgetCustomer hint={hint} widget={widget} />}
    </main>
  )
}
