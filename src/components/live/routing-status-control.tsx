import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId } from 'react'
import {
  routingMutations,
  routingStatusLabel,
  SETTABLE_STATUSES,
  type RoutingStatus,
  type SettableStatus,
} from '../../api/routing-statuses'
import { useApiClient } from '../../api/use-api-client'
import { liveQueries } from '../../live/cache/live-queries'
import { useLive } from '../../live/use-live'
import { useMyProfile } from '../../live/use-live-cache'
import { ActionError } from '../action-error'
import { LackingScope } from '../scope-text'
import { useHasScopes } from 'livechat-browser-auth/react'

const SET_MINE = 'agents--my:rw'

/**
 * My routing status as this session has it (login's my_profile, kept true by
 * `routing_status_set` from any device: docs/livechat/rtm.md#routing-status), or `fallback` until the
 * socket has logged in. Off while the socket is down: what it shows could be stale.
 */
export function RoutingStatusControl({ fallback }: { fallback?: RoutingStatus }) {
  const api = useApiClient()
  const client = useQueryClient()
  const { status } = useLive()
  const hasScopes = useHasScopes()
  const setStatus = useMutation({
    ...routingMutations.setMine(api),
    onSuccess: (_data, chosen) =>
      client.setQueryData(liveQueries.myProfile(api).queryKey, (profile) =>
        profile ? { ...profile, routing_status: chosen } : profile,
      ),
  })
  const name = useId()
  const current = useMyProfile()?.routing_status ?? fallback
  // While saving, the choice shows what the agent picked; a failure snaps back to LiveChat's value.
  const shown = setStatus.isPending ? setStatus.variables : current
  const canChange = hasScopes([SET_MINE])
  const offline = status.state === 'reconnecting' || status.state === 'offline'

  return (
    <div className="routing-status">
      <p>
        You are <strong>{routingStatusLabel(current).toLowerCase()}</strong>.
      </p>
      <fieldset className="choice" disabled={!canChange || offline || setStatus.isPending}>
        <legend>Change my routing status</legend>
        {SETTABLE_STATUSES.map((value) => (
          <label key={value} className="choice__option">
            <input
              type="radio"
              name={name}
              value={value}
              checked={shown === value}
              onChange={() => setStatus.mutate(value as SettableStatus)}
            />
            {routingStatusLabel(value)}
          </label>
        ))}
      </fieldset>
      {!canChange && <LackingScope scope={SET_MINE} action="Changing it" />}
      {canChange && offline && (
        <p className="muted">
          Not connected to LiveChat: your status can be changed when the connection is back.
        </p>
      )}
      {setStatus.isPending && <p role="status">Saving…</p>}
      {setStatus.isError && (
        <ActionError what="Your status was not changed." error={setStatus.error} />
      )}
    </div>
  )
}
