import type { ReactNode } from 'react'

/**
 * The workspace's tables: scrollable on a narrow screen, named by a caption screen readers hear,
 * one header per column. The rows are the caller's (`<tr>`s, a row header first).
 */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: string
  columns: readonly string[]
  children: ReactNode
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
