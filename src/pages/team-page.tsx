import { useQuery } from '@tanstack/react-query'
import { agentQueries } from '../api/agents'
import { groupName, groupQueries } from '../api/groups'
import { fromLoginStatus, routingQueries, routingStatusLabel } from '../api/routing-statuses'
import { useApiClient } from '../api/use-api-client'
import { FetchNotice } from '../components/fetch-notice'
import { Page } from '../components/page'
import { QueryError } from '../components/query-error'
import { Spinner } from '../ui/spinner'

/** Agents and groups with their routing status (route: agents--all:ro, groups--all:ro). */
export function TeamPage() {
  const api = useApiClient()
  const agents = useQuery(agentQueries.list(api))
  const statuses = useQuery(routingQueries.list(api))
  const groups = useQuery(groupQueries.list(api))

  // The Agent Chat API's live status wins; Configuration's login_status is the fallback.
  const statusOf = (agentId: string, loginStatus: string | undefined) =>
    statuses.data?.find((s) => s.agent_id === agentId)?.status ?? fromLoginStatus(loginStatus)

  return (
    <Page title="Team" lead="Who is in the license, their groups, and whether they take chats.">
      <section aria-labelledby="agents-title">
        <h2 id="agents-title">Agents</h2>
        <FetchNotice query={agents} />
        {agents.isPending && <Spinner label="Loading agents" />}
        {agents.isError && (
          <QueryError
            error={agents.error}
            what="the agents"
            onRetry={() => void agents.refetch()}
            scopes={['agents--all:ro']}
          />
        )}
        {agents.isSuccess && agents.data.length === 0 && (
          <p className="empty">No agents in this license.</p>
        )}
        {agents.isSuccess && agents.data.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Agents</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Groups</th>
                  <th scope="col">Routing status</th>
                </tr>
              </thead>
              <tbody>
                {agents.data.map((agent) => (
                  <tr key={agent.id}>
                    <th scope="row">{agent.name}</th>
                    <td>{agent.id}</td>
                    <td>{agent.role ?? '—'}</td>
                    <td>
                      {(agent.groups ?? []).map((g) => groupName(groups.data, g.id)).join(', ') ||
                        '—'}
                    </td>
                    <td>{routingStatusLabel(statusOf(agent.id, agent.login_status))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="groups-title">
        <h2 id="groups-title">Groups</h2>
        <FetchNotice query={groups} />
        {groups.isPending && <Spinner label="Loading groups" />}
        {groups.isError && (
          <QueryError
            error={groups.error}
            what="the groups"
            onRetry={() => void groups.refetch()}
            scopes={['groups--all:ro']}
          />
        )}
        {groups.isSuccess && groups.data.length === 0 && (
          <p className="empty">No groups in this license.</p>
        )}
        {groups.isSuccess && groups.data.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Groups</caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">ID</th>
                  <th scope="col">Routing status</th>
                </tr>
              </thead>
              <tbody>
                {groups.data.map((group) => (
                  <tr key={group.id}>
                    <th scope="row">{group.name}</th>
                    <td>{group.id}</td>
                    <td>{routingStatusLabel(group.routing_status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Page>
  )
}
