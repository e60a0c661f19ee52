import { useQuery } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import { useLocation } from 'react-router-dom'
import { useAuth } from 'livechat-browser-auth/react'
import { organizationNamed, organizationQueries, type Organization } from '../api/organizations'
import { useApiClient } from '../api/use-api-client'
import { useCloseOnEscape } from './use-close-on-escape'
import './organization-menu.css'

const PANEL_ID = 'organization-panel'

/**
 * The header's organization (docs/decisions/012-switching-organizations.md): for an agent of
 * several organizations, the name of the one this session is in and **Switch organization**,
 * which lists the others. A switch signs in again, through the flow in use, to the one picked;
 * the page stays as it is until LiveChat answers, and a cancelled switch changes nothing. A
 * pinned build never switches, nor does a personal access token (it acts for one organization,
 * which the header names).
 */
/**
 * Where a page lands in another organization, given the scopes it will have there
 * (app/workspace/page-scopes.ts).
 */
export type Landing = (pathname: string, scopes: readonly string[]) => string

export function OrganizationMenu({ landingIn }: { landingIn: Landing }) {
  const { session, signIn, config, status } = useAuth()
  const api = useApiClient()
  const organizations = useQuery(organizationQueries.list(api)).data
  const { pathname } = useLocation()
  const [open, setOpen] = useState(false)
  const close = useCallback(() => setOpen(false), [])
  const [target, setTarget] = useState<Organization | null>(null)
  const button = useRef<HTMLButtonElement>(null)

  useCloseOnEscape(open, close, button)

  const current = session && organizationNamed(organizations, session.organizationId)
  if (!session || !organizations || !current) return null
  const pat = session.kind === 'pat'
  if (organizations.length < 2 && !pat) return null
  const others = organizations.filter((o) => o !== current)
  const canSwitch = !pat && config.organizationId === null && others.length > 0
  const switching = target !== null && (status === 'signing-in' || status === 'validating')

  const switchTo = (organization: Organization) => {
    if (session.kind !== 'oauth') return
    setOpen(false)
    setTarget(organization)
    // Inside the click: the popup must open now. The scopes asked for are the app's own, so
    // the page to come back to is judged by those (a chat of this organization is not there).
    signIn(session.flow, {
      organizationId: organization.organization_id,
      scopes: config.scopes,
      returnTo: landingIn(pathname, config.scopes),
    })
  }

  return (
    <div className="organization-menu">
      <span className="organization-menu__name">
        <span className="visually-hidden">Organization: </span>
        {pat && <span className="muted">Token acts for </span>}
        {current.name}
      </span>
      {canSwitch && (
        <button
          ref={button}
          type="button"
          className="button"
          aria-expanded={open}
          aria-controls={open ? PANEL_ID : undefined}
          onClick={() => setOpen((was) => !was)}
        >
          Switch organization
        </button>
      )}
      {open && (
        <div id={PANEL_ID} className="panel organization-menu__panel">
          <ul aria-label="Your other organizations">
            {others.map((organization) => (
              <li key={organization.organization_id}>
                <button type="button" className="button" onClick={() => switchTo(organization)}>
                  {organization.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {switching && (
        <span role="status" className="muted">
          Switching to {target.name}…
        </span>
      )}
    </div>
  )
}
