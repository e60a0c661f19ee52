import { useQuery } from '@tanstack/react-query'
import { agentQueries } from '../api/agents'
import { groupName, groupQueries } from '../api/groups'
import { fromLoginStatus, routingQueries, routingStatusLabel } from '../api/routing-statuses'
import { useApiClient } from '../api/use-api-client'
import { QueryState } from '../components/query-state'
import { Page } from '../components/page'
import { DataTable } from '../components/data-table'

const AGENTS = ['agents--all:ro'] as const
const GROUPS = ['groups--all:ro'] as const
/** What the page reads with: its route's guard (app/workspace-routes.tsx) requires them all. */
export const teamPageScopes = [...AGENTS, ...GROUPS]

/** Agents and groups with their routing status. */
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
        <QueryState
          query={agents}
          what="the agents"
          loading="Loading agents"
          scopes={AGENTS}
          isEmpty={(list) => list.length === 0}
          empty={<p className="empty">No agents in this license.</p>}
        >
          {(list) => (
            <DataTable
              caption="Agents"
              columns={['Name', 'Email', 'Role', 'Groups', 'Routing status']}
            >
              {list.map((agent) => (
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
            </DataTable>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="groups-title">
        <h2 id="groups-title">Groups</h2>
        <QueryState
          query={groups}
          what="the groups"
          loading="Loading groups"
          scopes={GROUPS}
          isEmpty={(list) => list.length === 0}
          empty={<p className="empty">No groups in this license.</p>}
        >
          {(list) => (
            <DataTable caption="Groups" columns={['Group', 'ID', 'Routing status']}>
              {list.map((group) => (
                <tr key={group.id}>
                  <th scope="row">{group.name}</th>
                  <td>{group.id}</td>
                  <td>{routingStatusLabel(group.routing_status)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </QueryState>
      </section>
    </Page>
  )
}
