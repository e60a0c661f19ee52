import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { Shell } from '../ui/shell'
import { paths } from '../config/paths'

/**
 * The Flow lab signed out: the app's top bar with a way to sign in, around the page. Signed in,
 * the lab is a workspace route instead. A run that signs in moves the page from one to the
 * other; the lab keeps its run outside React for that (src/lab/run/lab-store.ts).
 */
export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <Shell
      navItems={
        <li>
          <Link to={paths.signIn}>Sign in</Link>
        </li>
      }
    >
      {children}
    </Shell>
  )
}
