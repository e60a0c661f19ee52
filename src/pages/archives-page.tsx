import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useId, useState, type ChangeEvent, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router-dom'
import { agentQueries } from '../api/agents'
import { archiveQueries, type ArchiveFilters } from '../api/archives'
import { customerOf, displayName } from '../api/chat-view'
import { groupName, groupQueries } from '../api/groups'
import { useApiClient } from '../api/use-api-client'
import { QueryState } from '../components/query-state'
import { formatDateTime } from '../components/format'
import { LoadMore } from '../components/load-more'
import { Page } from '../components/page'
import { paths } from '../config/paths'
import { useHasScopes } from 'livechat-browser-auth/react'
import { DataTable } from '../components/data-table'

/** A `YYYY-MM-DD` day of the agent's own calendar as an RFC 3339 instant (start or end of day). */
export function dayToInstant(day: string, edge: 'start' | 'end'): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined
  const date = new Date(`${day}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}`)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** The filters live in the address (shareable, Back works); the request is built from them. */
function filtersFrom(search: URLSearchParams): ArchiveFilters {
  const filters: ArchiveFilters = {}
  const query = search.get('q')?.trim()
  if (query) filters.query = query
  const from = dayToInstant(search.get('from') ?? '', 'start')
  if (from) filters.from = from
  const to = dayToInstant(search.get('to') ?? '', 'end')
  if (to) filters.to = to
  const agent = search.get('agent')
  if (agent) filters.agents = [agent]
  const group = search.get('group')
  if (group !== null && /^\d+$/.test(group)) filters.groupIds = [Number(group)]
  return filters
}

/** What the page reads with: its route's guard (app/workspace-routes.tsx) requires the same. */
export const archivesPageScopes = ['chats--access:ro'] as const

/** Past conversations (list_archives), filtered, paged to the end. */
export function ArchivesPage() {
  const api = useApiClient()
  const hasScopes = useHasScopes()
  const [search, setSearch] = useSearchParams()
  const filters = filtersFrom(search)
  const archives = useInfiniteQuery(archiveQueries.list(api, filters))
  const rows = archives.data?.pages.flatMap((page) => page.chats) ?? []
  const found = archives.data?.pages[0]?.found_chats
  const groups = useQuery({ ...groupQueries.list(api), enabled: hasScopes(['groups--all:ro']) })

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const next = new URLSearchParams()
    for (const name of ['q', 'from', 'to', 'agent', 'group']) {
      const value = form.get(name)
      if (typeof value === 'string' && value.trim() !== '') next.set(name, value.trim())
    }
    setSearch(next)
  }

  return (
    <Page title="Archives" lead="Past and present conversations in your groups, newest first.">
      <ArchiveFilterForm
        key={search.toString()}
        search={search}
        onSubmit={onSubmit}
        onClear={() => setSearch({})}
      />
      <QueryState
        query={archives}
        what="the archives"
        loading="Loading archives"
        scopes={archivesPageScopes}
        isEmpty={() => rows.length === 0}
        empty={<p className="empty">No conversations match these filters.</p>}
      >
        {() => (
          <>
            {found !== undefined && (
              <p className="muted" aria-live="polite">
                Showing {rows.length} of about {found} conversations.
              </p>
            )}
            <DataTable
              caption="Archived conversations"
              columns={['Customer', 'Started', 'Agents', 'Group', 'Tags']}
            >
              {rows.map((row) => {
                const agents = (row.users ?? []).filter(
                  (u) => u.type === 'agent' && (row.thread?.user_ids ?? []).includes(u.id),
                )
                return (
                  <tr key={`${row.id}/${row.thread?.id ?? ''}`}>
                    <th scope="row">
                      <Link
                        to={`${paths.chat(row.id)}${row.thread ? `?thread=${encodeURIComponent(row.thread.id)}` : ''}`}
                      >
                        {displayName(customerOf(row.users))}
                      </Link>
                    </th>
                    <td>{formatDateTime(row.thread?.created_at)}</td>
                    <td>{agents.map((a) => displayName(a)).join(', ') || '—'}</td>
                    <td>
                      {(row.access?.group_ids ?? [])
                        .map((id) => groupName(groups.data, id))
                        .join(', ')}
                    </td>
                    <td>{row.thread?.tags?.join(', ') || '—'}</td>
                  </tr>
                )
              })}
            </DataTable>
            <LoadMore
              query={archives}
              noun="conversations"
              endText="You have reached the end of the archives."
            />
          </>
        )}
      </QueryState>
    </Page>
  )
}

interface FilterFormProps {
  search: URLSearchParams
  onSubmit: (event: FormEvent<HTMLFormElement>) => void
  onClear: () => void
}

/** Controlled, so a choice survives the agent and group lists arriving after the form. */
function ArchiveFilterForm({ search, onSubmit, onClear }: FilterFormProps) {
  const api = useApiClient()
  const hasScopes = useHasScopes()
  const agents = useQuery({ ...agentQueries.list(api), enabled: hasScopes(['agents--all:ro']) })
  const groups = useQuery({ ...groupQueries.list(api), enabled: hasScopes(['groups--all:ro']) })
  const id = useId()
  const [values, setValues] = useState(() => ({
    q: search.get('q') ?? '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    agent: search.get('agent') ?? '',
    group: search.get('group') ?? '',
  }))
  const bind = (name: keyof typeof values) => ({
    id: `${id}-${name}`,
    name,
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
  })
  const agentKnown = agents.data?.some((a) => a.id === values.agent) ?? false
  const groupKnown = groups.data?.some((g) => String(g.id) === values.group) ?? false
  return (
    <form className="filters" onSubmit={onSubmit} aria-label="Filter archives">
      <div className="field">
        <label htmlFor={`${id}-q`}>Search messages</label>
        <input type="search" {...bind('q')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <input type="date" {...bind('from')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To</label>
        <input type="date" {...bind('to')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-agent`}>Agent</label>
        <select {...bind('agent')}>
          <option value="">Any agent</option>
          {(agents.data ?? []).map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
          {values.agent !== '' && !agentKnown && (
            <option value={values.agent}>{values.agent}</option>
          )}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-group`}>Group</label>
        <select {...bind('group')}>
          <option value="">Any group</option>
          {(groups.data ?? []).map((group) => (
            <option key={group.id} value={String(group.id)}>
              {group.name}
            </option>
          ))}
          {values.group !== '' && !groupKnown && (
            <option value={values.group}>Group {values.group}</option>
          )}
        </select>
      </div>
      <div className="actions filters__actions">
        <button type="submit" className="button button--primary">
          Apply filters
        </button>
        <button type="button" className="button" onClick={onClear}>
          Clear
        </button>
      </div>
    </form>
  )
}
