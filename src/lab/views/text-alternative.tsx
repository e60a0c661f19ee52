import type { ReactNode } from 'react'

/** A chart's data as a table, behind a disclosure under the chart (keyboard and screen reader). */
export function TextAlternative({
  summary,
  id,
  children,
}: {
  summary: string
  id?: string
  children: ReactNode
}) {
  return (
    <details className="lab-alt" id={id}>
      <summary>{summary}</summary>
      <div className="table-wrap">{children}</div>
    </details>
  )
}
