import { useQuery } from '@tanstack/react-query'
import { ApiError } from 'livechat-browser-auth'
import { useState } from 'react'
import { customerQueries } from '../../api/customers'
import { useApiClient } from '../../api/use-api-client'
import type { AgentAppWidget } from '../../agent-app/agent-app-sdk'
import { greeting, type CustomerHint } from '../../agent-app/host-events'
import { Spinner } from '../../ui/spinner'
import { QueryError } from '../query-error'
import { PreviousChats } from './previous-chats'

const SCOPES = ['customers:ro']

/** LiveChat's answers for a customer this agent may not see (or an id that is no customer). */
const UNSEEN = new Set(['not_found', 'validation', 'authorization', 'missing_access'])

/**
 * The customer the Agent App named, as LiveChat's API knows them: the host's id is looked up with
 * the agent's own token, and only the API's answer is shown (as text).
 */
export function WidgetCustomer({
  hint,
  widget,
}: {
  hint: CustomerHint
  /** The Agent App, to put a greeting in its message box; null while not connected. */
  widget: AgentAppWidget | null
}) {
  const api = useApiClient()
  const customer = useQuery(customerQueries.detail(api, hint.customerId))
  const [putFailed, setPutFailed] = useState(false)

  if (customer.isPending) return <Spinner label="Loading the customer" />
  if (customer.isError) {
    if (customer.error instanceof ApiError && UNSEEN.has(customer.error.kind))
      return (
        <p role="status" className="notice">
          LiveChat does not show you this chat’s customer, so there is nothing to show here.
        </p>
      )
    return (
      <QueryError
        error={customer.error}
        what="the customer"
        scopes={SCOPES}
        onRetry={() => void customer.refetch()}
      />
    )
  }
  const data = customer.data
  const name = data.name?.trim() || data.email || 'Anonymous customer'
  const insertGreeting = () => {
    setPutFailed(false)
    widget?.putMessage(greeting(data.name)).catch(() => setPutFailed(true))
  }
  return (
    <>
      <h2 className="widget__customer">{name}</h2>
      {data.email && data.email !== name && <p className="muted">{data.email}</p>}
      <button
        type="button"
        className="button button--primary"
        disabled={!widget}
        onClick={insertGreeting}
      >
        Insert greeting
      </button>
      {putFailed && (
        <p role="alert" className="alert">
          The Agent App did not take the greeting. Type it in the message box instead.
        </p>
      )}
      <PreviousChats customerId={data.id} />
    </>
  )
}
