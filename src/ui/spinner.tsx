/** A loading indicator that screen readers announce, and tests can wait on by role. */
export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <div role="status" className="spinner">
      <span className="spinner__dot" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  )
}
