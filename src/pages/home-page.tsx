import { useQuery } from '@tanstack/react-query'
import { accountQueries } from '../api/accounts'
import { agentQueries } from '../api/agents'
import { groupName, groupQueries } from '../api/groups'
import { fromLoginStatus } from '../api/routing-statuses'
import { useApiClient } from '../api/use-api-client'
import { FetchNotice } from '../components/fetch-notice'
import { Page } from '../components/page'
import { QueryError } from '../components/query-error'
import { RoutingStatusControl } from '../components/live/routing-status-control'
import { Spinner } from '../ui/spinner'
import { useHasScopes } from 'livechat-browser-auth/react'

/** Needs accounts--my:ro and agents--my:ro (declared on the route); changing status agents--my:rw. */
export function HomePage() {
  const api = useApiClient()
  const hasScopes = useHasScopes()
  const me = useQuery(accountQueries.me(api))
  const email = me.data?.email
  // The agent id is the login email, which only the accounts record tells us.
  const agent = useQuery({ ...agentQueries.detail(api, email ?? ''), enabled: email !== undefined })
  const groups = useQuery({ ...groupQueries.list(api), enabled: hasScopes(['groups--all:ro']) })

  return (
    <Page title={me.data ? `Welcome, ${me.data.name}` : 'Welcome'}>
      <FetchNotice query={me} />
      {me.isPending && <Spinner label="Loading your profile" />}
      {me.isError && (
        <QueryError
          error={me.error}
          what="your profile"
          onRetry={() => void me.refetch()}
          scopes={['accounts--my:ro']}
        />
      )}
      {me.data && (
        <div className="grid">
          <section className="panel" aria-labelledby="profile-title">
            <h2 id="profile-title">My profile</h2>
            <dl className="facts">
              <dt>Name</dt>
              <dd>{me.data.name}</dd>
              <dt>Email</dt>
              <dd>{me.data.email}</dd>
              {agent.data && (
                <>
                  <dt>Role</dt>
                  <dd>{agent.data.role ?? '—'}</dd>
                  {agent.data.job_title && (
                    <>
                      <dt>Job title</dt>
                      <dd>{agent.data.job_title}</dd>
                    </>
                  )}
                  <dt>Groups</dt>
                  <dd>
                    {(agent.data.groups ?? [])
                      .map((g) => groupName(groups.data, g.id))
                      .join(', ') || '—'}
                  </dd>
                  {agent.data.max_chats_count !== undefined && (
                    <>
                      <dt>Chat limit</dt>
                      <dd>{agent.data.max_chats_count} at a time</dd>
                    </>
                  )}
                </>
              )}
            </dl>
          </section>
          <section className="panel" aria-labelledby="status-title">
            <h2 id="status-title">My routing status</h2>
            <FetchNotice query={agent} />
            {agent.isPending && <Spinner label="Loading your status" />}
            {agent.isError && (
              <QueryError
                error={agent.error}
                what="your agent details"
                onRetry={() => void agent.refetch()}
                scopes={['agents--my:ro']}
              />
            )}
            {agent.data && (
              <RoutingStatusControl fallback={fromLoginStatus(agent.data.login_status)} />
            )}
          </section>
        </div>
      )}
    </Page>
  )
}
