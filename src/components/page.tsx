import { useId, type ReactNode } from 'react'

/** Every workspace page: one h1 that names it, and the page's content under it. */
export function Page({
  title,
  lead,
  children,
}: {
  title: ReactNode
  lead?: ReactNode
  children: ReactNode
}) {
  const headingId = useId()
  return (
    <section className="page" aria-labelledby={headingId}>
      <h1 id={headingId}>{title}</h1>
      {lead && <p className="muted page__lead">{lead}</p>}
      {children}
    </section>
  )
}
