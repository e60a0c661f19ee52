/** A route whose page lands in a later issue; says so instead of pretending. */
export function PlaceholderPage({ title }: { title: string }) {
  return (
    <section className="page" aria-labelledby="placeholder-title">
      <h1 id="placeholder-title">{title}</h1>
      <p className="muted">This page is not built yet.</p>
    </section>
  )
}
