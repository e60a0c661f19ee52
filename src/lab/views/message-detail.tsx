import type { Message, SequenceDiagram } from '../model/sequence-model'
import { describeMessage } from './sequence-diagram-view'

/** The selected arrow's facts (already redacted): the side panel beside the diagram. */
export function MessageDetail({
  diagram,
  message,
}: {
  diagram: SequenceDiagram
  message: Message | null
}) {
  return (
    <aside className="lab-detail" aria-labelledby="lab-detail-title" aria-live="polite">
      <h3 id="lab-detail-title">{message ? message.label : 'Step details'}</h3>
      {!message && (
        <p className="muted">
          Select an arrow in the diagram (click it, or Tab to it and press Enter) to see what was
          sent or answered. Tokens, codes and verifiers are never shown; state is truncated.
        </p>
      )}
      {message && (
        <>
          <p className="muted">{describeMessage(diagram, message)}</p>
          {message.note && <p className={message.ok ? '' : 'lab-detail__error'}>{message.note}</p>}
          {message.rows && message.rows.length > 0 ? (
            <table className="lab-fields">
              <caption className="visually-hidden">{message.label}: fields</caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {message.rows.map(([key, value], index) => (
                  <tr key={`${key}-${index}`}>
                    <th scope="row">{key}</th>
                    <td>
                      <code>{value}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            !message.note && <p className="muted">No fields to show for this message.</p>
          )}
        </>
      )}
    </aside>
  )
}
