export interface BarRow {
  label: string
  value: number | null
  /** What the number on the bar reads (e.g. "812 ms", "5 (floor 4)"). */
  text: string
  /** A reference mark drawn across the bar (the protocol floor). */
  mark?: number
}

const WIDTH = 380
const LABEL = 110
const ROW = 30

/**
 * A small horizontal bar chart with the number on each bar. Its accessible name carries every
 * value, so it never depends on seeing the bars; the page also has the same data as a table.
 */
export function BarChart({
  title,
  rows,
  markLabel,
}: {
  title: string
  rows: BarRow[]
  markLabel?: string
}) {
  const max = Math.max(1, ...rows.map((r) => Math.max(r.value ?? 0, r.mark ?? 0)))
  const plot = WIDTH - LABEL - 90
  const x = (value: number) => LABEL + (value / max) * plot
  const height = 8 + rows.length * ROW
  return (
    <figure className="lab-figure lab-chart">
      <figcaption className="lab-chart__title">{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={`${title}: ${rows.map((r) => `${r.label} ${r.text}`).join(', ')}`}
      >
        {rows.map((row, index) => {
          const y = 4 + index * ROW
          return (
            <g key={row.label} data-bar={row.label}>
              <text className="lab-chart__label" x={LABEL - 8} y={y + 16} textAnchor="end">
                {row.label}
              </text>
              {row.value !== null && (
                <rect
                  className="lab-chart__bar"
                  x={LABEL}
                  y={y + 3}
                  width={Math.max(2, x(row.value) - LABEL)}
                  height={ROW - 10}
                  rx={3}
                />
              )}
              {row.mark !== undefined && (
                <line
                  className="lab-chart__mark"
                  x1={x(row.mark)}
                  x2={x(row.mark)}
                  y1={y}
                  y2={y + ROW - 4}
                />
              )}
              <text
                className="lab-chart__value"
                x={(row.value === null ? LABEL : x(row.value)) + 6}
                y={y + 16}
              >
                {row.text}
              </text>
            </g>
          )
        })}
      </svg>
      {markLabel && <p className="muted lab-chart__note">{markLabel}</p>}
    </figure>
  )
}
