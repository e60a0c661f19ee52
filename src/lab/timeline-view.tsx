import type { Run } from './run-model'

function offset(run: Run, at: number): string {
  return `+${Math.round(at - run.startedAt)} ms`
}

/** One run, step by step, each with its time since the click. */
export function TimelineView({ run }: { run: Run }) {
  return (
    <ol className="lab-timeline" aria-label={`Timeline of the ${run.options.flow} run`}>
      {run.steps.map((step, index) => (
        <li key={`${step.kind}-${index}`} data-step={step.kind} data-ok={step.ok ? 'yes' : 'no'}>
          <strong>{step.ok ? step.label : `Failed: ${step.label}`}</strong>{' '}
          <span className="muted">{offset(run, step.at)}</span>
          {step.note && <p>{step.note}</p>}
          {step.rows && step.rows.length > 0 && (
            <table className="lab-params">
              <caption className="visually-hidden">{step.label}: fields</caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {step.rows.map(([key, value], row) => (
                  <tr key={`${key}-${row}`}>
                    <th scope="row">{key}</th>
                    <td>
                      <code>{value}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </li>
      ))}
    </ol>
  )
}
