import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { paths } from '../config/paths'

/**
 * The Flow lab signed out: the app's top bar with a way to sign in, around the page. Signed in,
 * the lab is a workspace route instead. A run that signs in moves the page from one to the
 * other; the lab keeps its run outside React for that (src/lab/run/lab-store.ts).
 */
export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true" />
          LiveChat Workspace
        </span>
        <nav aria-label="Main">
          <ul className="nav">
            <li>
              <Link to={paths.signIn}>Sign in</Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  )
}
