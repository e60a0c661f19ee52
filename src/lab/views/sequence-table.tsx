import { TextAlternative } from './text-alternative'
import type { SequenceDiagram } from '../model/sequence-model'

/** The diagram's text alternative: the same messages, in order, as a table. */
export function SequenceTable({ diagram, caption }: { diagram: SequenceDiagram; caption: string }) {
  const lane = (id: string) => diagram.lanes.find((l) => l.id === id)?.label ?? id
  return (
    <TextAlternative summary="The diagram as a table">
      <table className="table lab-seq-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Message</th>
            <th scope="col">Critical path</th>
          </tr>
        </thead>
        <tbody>
          {diagram.messages.map((message) => (
            <tr key={message.id}>
              <td>+{Math.round(message.at)} ms</td>
              <td>{lane(message.from)}</td>
              <td>{lane(message.to)}</td>
              <th scope="row">
                {message.ok ? '' : 'Failed: '}
                {message.label}
              </th>
              <td>{message.critical ? 'yes' : 'no'}</td>
            </tr>
          ))}
          {diagram.failure && (
            <tr>
              <td>+{Math.round(diagram.failure.at)} ms</td>
              <td colSpan={2}>—</td>
              <th scope="row">Failed: {diagram.failure.reason}</th>
              <td>—</td>
            </tr>
          )}
        </tbody>
      </table>
    </TextAlternative>
  )
}
