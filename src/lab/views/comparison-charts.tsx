import { BarChart, type BarRow } from './bar-chart'
import { compareAll, formatMs, formatRoundTrips, type FlowComparison } from '../model/comparison'
import type { Results } from '../run/run-storage'

type TimeKey = 'toToken' | 'toValidated' | 'toFirstData'

const TIMES: [TimeKey, string][] = [
  ['toToken', 'Time to token'],
  ['toValidated', 'Time to validated session'],
  ['toFirstData', 'Time to first data'],
]

const QUALITATIVE: [keyof FlowComparison['brief'], string][] = [
  ['pageReload', 'Page reload'],
  ['userSaw', 'What the user saw'],
  ['popupBlocked', 'Popup blocker'],
  ['widget', 'Inside a widget'],
]

/** The last run of each flow as charts (measured times, round trips against the floor). */
export function ComparisonCharts({ results }: { results: Results }) {
  const rows = compareAll(results)
  const timeRows = (key: TimeKey): BarRow[] =>
    rows.map(({ name, row }) => ({
      label: name,
      value: row?.[key] ?? null,
      text: row ? formatMs(row[key]) : 'not run yet',
    }))
  const tripRows: BarRow[] = rows.map(({ name, row }) => ({
    label: name,
    value: row?.roundTrips ?? null,
    text: row ? formatRoundTrips(row) : 'not run yet',
    ...(row ? { mark: row.floor } : {}),
  }))
  return (
    <div className="lab-compare">
      <div className="lab-compare__charts">
        {TIMES.map(([key, title]) => (
          <BarChart key={key} title={`${title} (ms)`} rows={timeRows(key)} />
        ))}
        <BarChart
          title="Round trips to LiveChat"
          rows={tripRows}
          markLabel="Dotted: the protocol floor of a first sign-in (sign-in and consent pages shown); a run where LiveChat already knew the agent needs fewer."
        />
      </div>
      <table className="table lab-qualities">
        <caption>What else differed</caption>
        <thead>
          <tr>
            <th scope="col">Flow</th>
            {QUALITATIVE.map(([key, label]) => (
              <th scope="col" key={key}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ flow, name, row }) => (
            <tr key={flow}>
              <th scope="row">{name}</th>
              {QUALITATIVE.map(([key]) => (
                <td key={key}>{row ? row.brief[key] : 'Not run yet'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
