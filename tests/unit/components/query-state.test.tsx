// QueryState, one component for a query's loading, error, empty and loaded states, through the
// real app: the team page draws two of them side by side (agents and groups).
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { delay, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../support/render-app'
import { SANDBOX_ORIGIN, sandbox, server } from '../../support/sandbox-msw'
import { addFault, configurationPath, NINA, requestsTo } from '../../support/workspace-kit'

const LIST_GROUPS = configurationPath('list_groups')

describe('QueryState', () => {
  it('says what is loading, then shows the data in its place', async () => {
    // LiveChat takes its time with the agents, as over a real network.
    server.use(
      http.post(`${SANDBOX_ORIGIN}${configurationPath('list_agents')}`, async ({ request }) => {
        await delay(400)
        return sandbox.app.fetch(request)
      }),
    )
    renderApp({ route: '/team', as: NINA })
    expect(await screen.findByText('Loading agents…')).toBeInTheDocument()
    expect(await screen.findByRole('table', { name: 'Agents' })).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByText(/Loading agents/)).not.toBeInTheDocument())
  })

  it('an empty result is said in words, and the other query on the page is not held up', async () => {
    sandbox.state.world.groups.splice(0)
    renderApp({ route: '/team', as: NINA })
    expect(await screen.findByText('No groups in this license.')).toBeInTheDocument()
    expect(screen.queryByRole('table', { name: 'Groups' })).not.toBeInTheDocument()
    expect(await screen.findByRole('table', { name: 'Agents' })).toBeInTheDocument()
  })

  it('a refusal names the permission the page declares, and Retry loads it', async () => {
    const user = userEvent.setup()
    addFault({ path: LIST_GROUPS, status: 403 })
    renderApp({ route: '/team', as: NINA })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load the groups.')
    expect(within(alert).getByText('groups--all:ro')).toBeInTheDocument()
    // Only the failed query says so: the agents load as usual.
    expect(await screen.findByRole('table', { name: 'Agents' })).toBeInTheDocument()

    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('table', { name: 'Groups' })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(requestsTo(LIST_GROUPS).length).toBeGreaterThanOrEqual(2)
  })
})
