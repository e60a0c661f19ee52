import type { ReactNode } from 'react'

/**
 * The app's frame, signed in (layout.tsx) or not (the public flow lab): a skip link, the top bar
 * with the brand, the main navigation's items and whatever stands at its end, then the page.
 * In src/ui, so it stays out of the workspace's chunk
 * (docs/decisions/011-bundle-split-by-folder.md).
 */
export function Shell({
  navItems,
  end,
  children,
}: {
  navItems: ReactNode
  end?: ReactNode
  children: ReactNode
}) {
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
          <ul className="nav">{navItems}</ul>
        </nav>
        {end}
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  )
}
