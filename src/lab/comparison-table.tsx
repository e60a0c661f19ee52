import { FLOWS, type Flow } from '../config/env'
import { compare, type FlowComparison } from './comparison'
import type { Results } from './run-storage'

const ROWS: [keyof FlowComparison, string][] = [
  ['timeToToken', 'Time to a validated token'],
  ['timeToData', 'Time to first data'],
  ['roundTrips', 'Round trips to LiveChat'],
  ['pageReload', 'Full page reload'],
  ['userSaw', 'What the user saw'],
  ['iframe', 'Inside an iframe'],
  ['thirdPartyCookies', 'Third-party cookies blocked'],
  ['popupBlocked', 'When the popup is blocked'],
]

const NAMES: Record<Flow, string> = {
  popup: 'Popup',
  redirect: 'Redirect',
  implicit: 'Implicit grant',
}

/** The last run of each flow, side by side; a flow not run yet says so. */
export function ComparisonTable({ results }: { results: Results }) {
  const columns = FLOWS.map((flow) => {
    const run = results[flow]
    return { flow, run, values: run ? compare(run) : null }
  })
  return (
    <table className="lab-comparison">
      <caption>Last run of each flow (measured in this browser)</caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          {columns.map(({ flow, run }) => (
            <th scope="col" key={flow}>
              {NAMES[flow]}
              {run && (
                <span className="muted">
                  {' '}
                  ({run.options.flow === 'implicit' ? 'token' : run.options.responseType},{' '}
                  {run.status})
                </span>
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ROWS.map(([key, label]) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            {columns.map(({ flow, values }) => (
              <td key={flow} data-flow={flow} data-measure={key}>
                {values ? values[key] : 'Not run yet'}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
