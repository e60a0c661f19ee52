import { TextAlternative } from './text-alternative'
import { COMPARISON_ROWS, compareAll } from '../model/comparison'
import type { Results } from '../run/run-storage'

/** The charts' text alternative: every measure of the last run of each flow, side by side. */
export function ComparisonTable({ results }: { results: Results }) {
  const columns = compareAll(results)
  return (
    <TextAlternative summary="The comparison as a table">
      <table className="table lab-comparison">
        <caption className="visually-hidden">
          Last run of each flow (measured in this browser)
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {columns.map(({ flow, name, row: values }) => (
              <th scope="col" key={flow}>
                {name}
                {values && (
                  <span className="muted">
                    {' '}
                    ({values.variant}, {values.status})
                  </span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {COMPARISON_ROWS.map(([key, label, value]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              {columns.map(({ flow, row: values }) => (
                <td key={flow} data-flow={flow} data-measure={key}>
                  {values ? value(values) : 'Not run yet'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TextAlternative>
  )
}
