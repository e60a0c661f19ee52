import { useId, type KeyboardEvent } from 'react'
import type { LaneId, Message, SequenceDiagram } from '../model/sequence-model'

const WIDTH = 860
const LEFT = 78
const LANE_GAP = (WIDTH - LEFT - 150) / 3
const TOP = 52
const ROW = 30
/** Long pauses (a person choosing in the accounts pages) are drawn short, with their length. */
const PAUSE_MS = 400

function laneX(index: number): number {
  return LEFT + 20 + index * LANE_GAP
}

export function describeMessage(diagram: SequenceDiagram, message: Message): string {
  const lane = (id: LaneId) => diagram.lanes.find((l) => l.id === id)?.label ?? id
  const where =
    message.from === message.to
      ? `at ${lane(message.from)}`
      : `${lane(message.from)} to ${lane(message.to)}`
  const flags = [message.critical ? 'critical path' : '', message.ok ? '' : 'failed']
    .filter(Boolean)
    .join(', ')
  return `+${Math.round(message.at)} ms, ${where}: ${message.label}${flags ? ` (${flags})` : ''}`
}

interface Placed {
  message: Message
  y: number
  pause: number | null
}

function place(messages: Message[]): Placed[] {
  let y = TOP
  let last = 0
  return messages.map((message, index) => {
    const gap = message.at - last
    const pause = index > 0 && gap > PAUSE_MS ? gap : null
    y += index === 0 ? 0 : ROW + (pause ? 14 : Math.min(gap, PAUSE_MS) * 0.04)
    last = message.at
    return { message, y, pause }
  })
}

/**
 * The run as a sequence diagram: lanes left to right, time downwards (each arrow at its measured
 * time, long pauses shortened and labelled), the critical path drawn thick, a failure as a red
 * end. Every arrow is a button that selects it for the side panel.
 */
export function SequenceDiagramView({
  diagram,
  title,
  selected,
  onSelect,
}: {
  diagram: SequenceDiagram
  title: string
  selected: string | null
  onSelect: (id: string) => void
}) {
  const titleId = useId()
  const descId = useId()
  // Marker ids go into url(#…): letters and digits only.
  const head = `lab-head-${useId().replace(/[^a-zA-Z0-9]/g, '')}`
  const placed = place(diagram.messages)
  const laneIndex = (id: LaneId) => diagram.lanes.findIndex((l) => l.id === id)
  const bottom = (placed.at(-1)?.y ?? TOP) + (diagram.failure ? 70 : 34)
  const yOfKind = (kinds: Message['kind'][], first: boolean) => {
    const found = placed.filter((p) => kinds.includes(p.message.kind))
    return (first ? found[0] : found.at(-1))?.y
  }
  // The time the app was away (full-page flows) or the popup was open, as a band.
  const awayFrom = yOfKind(['leave'], true)
  const awayTo =
    yOfKind(['return', 'answer'], false) ?? (diagram.status === 'running' ? bottom : undefined)
  const awayLane = diagram.lanes[1]?.label.startsWith('Popup') ? 1 : 0
  const summary = `${diagram.messages.length} messages; ${
    diagram.status === 'running'
      ? 'still running'
      : diagram.failure
        ? `failed: ${diagram.failure.reason}`
        : 'completed'
  }. The table below lists the same messages.`

  const onKey = (event: KeyboardEvent, id: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      onSelect(id)
    }
  }

  return (
    <svg
      className="lab-seq"
      viewBox={`0 0 ${WIDTH} ${bottom}`}
      role="group"
      aria-roledescription="sequence diagram"
      aria-labelledby={titleId}
      aria-describedby={descId}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{summary}</desc>
      <defs>
        {['', '-critical', '-failed'].map((variant) => (
          <marker
            key={variant}
            id={`${head}${variant}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0 0 L10 5 L0 10 z" className={`lab-seq__head lab-seq__head${variant}`} />
          </marker>
        ))}
      </defs>
      {awayFrom !== undefined && awayTo !== undefined && awayTo > awayFrom && (
        <rect
          className="lab-seq__away"
          x={laneX(awayLane) - 16}
          width={32}
          y={awayFrom}
          height={awayTo - awayFrom}
          aria-hidden="true"
        />
      )}
      <g role="list" aria-label="Lanes">
        {diagram.lanes.map((lane, index) => (
          <g role="listitem" aria-label={lane.label} key={lane.id}>
            <text
              className="lab-seq__lane"
              x={laneX(index)}
              y={22}
              textAnchor="middle"
              aria-hidden="true"
            >
              {lane.label}
            </text>
            <line
              className="lab-seq__life"
              x1={laneX(index)}
              x2={laneX(index)}
              y1={32}
              y2={bottom - 8}
            />
          </g>
        ))}
      </g>
      <g role="list" aria-label="Messages, in time order">
        {placed.map(({ message, y, pause }) => {
          const from = laneX(laneIndex(message.from))
          const to = laneX(laneIndex(message.to))
          const self = message.from === message.to
          const classes = [
            'lab-seq__msg',
            `lab-seq__msg--${message.kind}`,
            message.critical ? 'lab-seq__msg--critical' : '',
            message.ok ? '' : 'lab-seq__msg--failed',
            selected === message.id ? 'lab-seq__msg--selected' : '',
          ]
          const labelX = self ? from + 12 : Math.min(from, to) + 10
          return (
            // The texts sit beside the button, not in it: its name says all they say, and more.
            <g role="listitem" key={message.id} className={classes.filter(Boolean).join(' ')}>
              <g
                role="button"
                tabIndex={0}
                aria-pressed={selected === message.id}
                aria-label={describeMessage(diagram, message)}
                className="lab-seq__button"
                onClick={() => onSelect(message.id)}
                onKeyDown={(event) => onKey(event, message.id)}
              >
                <rect
                  className="lab-seq__hit"
                  x={2}
                  y={y - ROW / 2 - 2}
                  width={WIDTH - 4}
                  height={ROW}
                  rx={4}
                />
                {self ? (
                  <circle className="lab-seq__dot" cx={from} cy={y} r={5} />
                ) : (
                  <line
                    className="lab-seq__line"
                    x1={from}
                    x2={to}
                    y1={y}
                    y2={y}
                    markerEnd={`url(#${head}${message.ok ? (message.critical ? '-critical' : '') : '-failed'})`}
                  />
                )}
              </g>
              <g className="lab-seq__texts" aria-hidden="true">
                {pause !== null && (
                  <text className="lab-seq__pause" x={4} y={y - ROW / 2 - 2}>
                    ⋯ {(pause / 1000).toFixed(1)} s
                  </text>
                )}
                <text className="lab-seq__time" x={4} y={y + 4}>
                  +{Math.round(message.at)} ms
                </text>
                <text className="lab-seq__label" x={labelX} y={y - 6}>
                  {message.ok ? '' : '✕ '}
                  {message.label}
                </text>
              </g>
            </g>
          )
        })}
        {diagram.failure && (
          <g
            role="listitem"
            aria-label={`Failed at +${Math.round(diagram.failure.at)} ms: ${diagram.failure.reason}`}
          >
            <rect
              className="lab-seq__fail"
              x={LEFT}
              y={bottom - 56}
              width={WIDTH - LEFT - 8}
              height={44}
              rx={6}
            />
            <text className="lab-seq__fail-text" x={LEFT + 12} y={bottom - 29} aria-hidden="true">
              ✕ Failed: {truncate(diagram.failure.reason, 110)}
            </text>
          </g>
        )}
      </g>
    </svg>
  )
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}
