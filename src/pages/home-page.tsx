import { useQuery } from '@tanstack/react-query'
import { accountQueries } from '../api/accounts'
import { agentQueries } from '../api/agents'
import { groupName, groupQueries } from '../api/groups'
import { fromLoginStatus } from '../api/routing-statuses'
import { useApiClient } from '../api/use-api-client'
import { QueryState } from '../components/query-state'
import { Page } from '../components/page'
import { RoutingStatusControl } from '../components/live/routing-status-control'
import { useHasScopes } from 'livechat-browser-auth/react'

const PROFILE = ['accounts--my:ro'] as const
const STATUS = ['agents--my:ro'] as const
/** What the page reads with: its route's guard (app/workspace-routes.tsx) requires them all. */
export const homePageScopes = [...PROFILE, ...STATUS]

/** My profile and routing status; changing the status needs agents--my:rw besides. */
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
      <QueryState query={me} what="your profile" loading="Loading your profile" scopes={PROFILE}>
        {(profile) => (
          <div className="grid">
            <section className="panel" aria-labelledby="profile-title">
              <h2 id="profile-title">My profile</h2>
              <dl className="facts">
                <dt>Name</dt>
                <dd>{profile.name}</dd>
                <dt>Email</dt>
                <dd>{profile.email}</dd>
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
              <QueryState
                query={agent}
                what="your agent details"
                loading="Loading your status"
                scopes={STATUS}
              >
                {(details) => (
                  <RoutingStatusControl fallback={fromLoginStatus(details.login_status)} />
                )}
              </QueryState>
            </section>
          </div>
        )}
      </QueryState>
    </Page>
  )
}
