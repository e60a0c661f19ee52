import { Link } from 'react-router-dom'
import { paths } from '../config/paths'

export function NotFoundPage() {
  return (
    <section className="page page--center" aria-labelledby="not-found-title">
      <div className="card">
        <h1 id="not-found-title">Page not found</h1>
        <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
        <Link className="button" to={paths.home}>
          Go to the home page
        </Link>
      </div>
    </section>
  )
}
