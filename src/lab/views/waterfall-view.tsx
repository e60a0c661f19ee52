import { useId } from 'react'
import { TextAlternative } from './text-alternative'
import { SEEN_BY, type WaterfallBar } from '../model/waterfall-model'

const WIDTH = 860
const LABEL = 300
const ROW = 26
const PLOT = WIDTH - LABEL - 70

function ms(value: number): string {
  return `${Math.round(value)} ms`
}

function describe(bar: WaterfallBar): string {
  const parts = [`starts at ${ms(bar.start)}`]
  if (bar.end === null) parts.push('never answered')
  else if (bar.firstByte !== null)
    parts.push(`waits ${ms(bar.firstByte - bar.start)}`, `transfers ${ms(bar.end - bar.firstByte)}`)
  else parts.push(`takes ${ms(bar.end - bar.start)} (wait and transfer not split)`)
  return `${bar.label}${bar.critical ? ' (critical path)' : ''}: ${parts.join(', ')}`
}

/** One bar per request: a striped wait (to the first byte) and a solid transfer. */
export function WaterfallView({
  bars,
  total,
  title,
}: {
  bars: WaterfallBar[]
  total: number
  title: string
}) {
  const tableId = useId()
  const x = (at: number) => LABEL + (Math.max(0, at) / total) * PLOT
  const height = 30 + bars.length * ROW + 24
  const stripes = `lab-stripes-${useId().replace(/[^a-zA-Z0-9]/g, '')}`
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * total)
  return (
    <figure className="lab-figure">
      <svg
        className="lab-waterfall"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={`${title}: ${bars.length ? bars.map(describe).join('; ') : 'no requests measured yet'}`}
        aria-details={tableId}
      >
        <defs>
          <pattern
            id={stripes}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" className="lab-waterfall__wait-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="lab-waterfall__wait-line" />
          </pattern>
        </defs>
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="lab-axis" x1={x(tick)} x2={x(tick)} y1={18} y2={height - 20} />
            <text className="lab-axis__label" x={x(tick)} y={height - 6} textAnchor="middle">
              {ms(tick)}
            </text>
          </g>
        ))}
        {bars.map((bar, index) => {
          const y = 24 + index * ROW
          const end = bar.end ?? bar.start
          const split = bar.firstByte ?? bar.start
          return (
            <g key={bar.id} className={bar.critical ? 'lab-waterfall__row--critical' : undefined}>
              <text className="lab-waterfall__label" x={LABEL - 8} y={y + 13} textAnchor="end">
                {bar.critical ? '● ' : ''}
                {bar.label}
              </text>
              {bar.firstByte !== null && (
                <rect
                  x={x(bar.start)}
                  y={y + 2}
                  width={Math.max(1, x(split) - x(bar.start))}
                  height={ROW - 8}
                  fill={`url(#${stripes})`}
                  className="lab-waterfall__wait"
                />
              )}
              <rect
                className="lab-waterfall__transfer"
                x={x(split)}
                y={y + 2}
                width={Math.max(2, x(end) - x(split))}
                height={ROW - 8}
              />
              <text className="lab-waterfall__value" x={x(end) + 6} y={y + 13}>
                {bar.end === null ? 'no answer' : ms(bar.end - bar.start)}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption className="muted">
        ● on the critical path · striped: waiting for the first byte · solid: the answer arriving
        (one solid bar where the browser or the server did not tell the two apart)
      </figcaption>
      <TextAlternative summary="The waterfall as a table" id={tableId}>
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Start</th>
              <th scope="col">Wait</th>
              <th scope="col">Transfer</th>
              <th scope="col">End</th>
              <th scope="col">Critical path</th>
              <th scope="col">Seen by</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.id}>
                <th scope="row">{bar.label}</th>
                <td>{ms(bar.start)}</td>
                <td>{bar.firstByte === null ? '—' : ms(bar.firstByte - bar.start)}</td>
                <td>
                  {bar.firstByte === null || bar.end === null ? '—' : ms(bar.end - bar.firstByte)}
                </td>
                <td>{bar.end === null ? 'no answer' : ms(bar.end)}</td>
                <td>{bar.critical ? 'yes' : 'no'}</td>
                <td>{SEEN_BY[bar.seenBy]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TextAlternative>
    </figure>
  )
}
