// One account in several organizations (docs/ACCOUNTS.md, "Organizations"): Maya Partner is in
// Acme Support and Acme Labs. Without organization_id she chooses on the Choose an organization
// page and the accounts session remembers it (O1); organization_id pre-selects and moves the
// session (O2); one she is not in is refused (O3). Everyone else signs in as before.
import { describe, expect, test } from 'vitest'
import { ACME_LABS } from '../../src/seed/acme-labs'
import { ORGANIZATION } from '../../src/seed/identity'
import {
  answerConsent,
  authorizeQuery,
  bearer,
  buttonNames,
  chooseOrganization,
  completeAuthorize,
  framedGuardMessage,
  fragmentParams,
  hiddenInputs,
  implicitToken,
  isConsentPage,
  isOrganizationPage,
  newSandbox,
  postedMessage,
  signIn,
  type Browser,
} from '../harness/accounts-kit'

const SUPPORT = ORGANIZATION.id
const LABS = ACME_LABS.id
const FRAMED = { 'Sec-Fetch-Dest': 'iframe' }

async function organizationOf(browser: Browser, token: string): Promise<string> {
  const info = await browser.sandbox.app.request('/v2/info', { headers: bearer(token) })
  return ((await info.json()) as { organization_id: string }).organization_id
}

/** A token from the redirect flow that must not show any page (a remembered or named organization). */
async function tokenWithoutPages(browser: Browser, query: string): Promise<string> {
  const response = await browser.get(`/?${query}`)
  expect(response.status).toBe(302)
  const token = fragmentParams(response).get('access_token')
  if (!token) throw new Error(`no token: ${response.headers.get('Location')}`)
  return token
}

describe('Choose an organization', () => {
  test('Maya, with no organization_id: a button per organization, then consent names her choice', async () => {
    const { browser } = newSandbox()
    const page = await signIn(browser, authorizeQuery(), 'Maya Partner')
    const html = await page.clone().text()
    expect(page.status).toBe(200)
    expect(isOrganizationPage(html)).toBe(true)
    expect(html).toContain('<h1>Choose an organization</h1>')
    expect(buttonNames(html)).toEqual(['Acme Support', 'Acme Labs'])
    expect(Object.keys(hiddenInputs(html))).toEqual(['authorize_query', 'csrf'])

    const consent = await chooseOrganization(browser, page, 'Acme Labs')
    const consentHtml = await consent.clone().text()
    expect(isConsentPage(consentHtml)).toBe(true)
    expect(consentHtml).toContain('in <strong>Acme Labs</strong>')
    const token = fragmentParams(await answerConsent(browser, consent, 'allow')).get('access_token')
    expect(await organizationOf(browser, token ?? '')).toBe(LABS)
  })

  test('the choice is remembered: the next request, and a silent iframe, get it without a page', async () => {
    const { browser } = newSandbox()
    await implicitToken(browser, 'Maya Partner', {}, 'Acme Labs')
    expect(await organizationOf(browser, await tokenWithoutPages(browser, authorizeQuery()))).toBe(
      LABS,
    )
    const framed = await browser.get(`/?${authorizeQuery({ flow: 'button' })}`, FRAMED)
    expect(postedMessage(await framed.text()).message.data?.organization_id).toBe(LABS)
  })

  test('in a popup (flow=button) the page shows too, and a framed one posts unauthorized', async () => {
    const { browser } = newSandbox()
    const popup = await signIn(browser, authorizeQuery({ flow: 'button' }), 'Maya Partner')
    const html = await popup.text()
    expect(isOrganizationPage(html)).toBe(true)
    expect(framedGuardMessage(html)).toMatchObject({
      message: { error: { identity_exception: 'unauthorized' } },
    })
    // No choice yet: the iframe flow cannot ask, so it answers as for any click it would need.
    const framed = await browser.get(`/?${authorizeQuery({ flow: 'button' })}`, FRAMED)
    expect(postedMessage(await framed.text()).message.error).toEqual({
      identity_exception: 'unauthorized',
    })
  })

  test('an account of one organization never sees the page', async () => {
    const { browser } = newSandbox()
    const response = await signIn(browser, authorizeQuery(), 'Nina Agent')
    expect(isConsentPage(await response.text())).toBe(true)
  })

  test('a posted organization the account is not in is refused; a forged form too', async () => {
    const { browser } = newSandbox()
    const page = await signIn(browser, authorizeQuery(), 'Maya Partner')
    const fields = hiddenInputs(await page.text())
    const stranger = await browser.post('/organization', {
      ...fields,
      organization_id: '3f8a1c2e-9b7d-4e6f-a5c4-1d2e3f4a5b6c',
    })
    expect(stranger.headers.get('Location')).toBe('/ooops?oauth_exception=access_denied')
    const forged = await browser.post('/organization', {
      ...fields,
      csrf: 'forged',
      organization_id: LABS,
    })
    expect(forged.headers.get('Location')).toBe('/?identity_exception=invalid_request')
    const crossSite = await browser.post(
      '/organization',
      { ...fields, organization_id: LABS },
      { Origin: 'http://localhost:5173' },
    )
    expect(crossSite.status).toBe(403)
  })

  test('the consent click is bound to the organization the page showed', async () => {
    const { browser } = newSandbox()
    const consent = await chooseOrganization(
      browser,
      await signIn(browser, authorizeQuery(), 'Maya Partner'),
      'Acme Labs',
    )
    const fields = hiddenInputs(await consent.text())
    expect(fields.organization_id).toBe(LABS)
    const swapped = await browser.post('/consent', {
      ...fields,
      organization_id: SUPPORT,
      decision: 'allow',
    })
    expect(swapped.headers.get('Location')).toBe('/?identity_exception=invalid_request')
  })
})

describe('organization_id', () => {
  test('pre-selects a member organization: no page, and the session moves there (O2)', async () => {
    const { browser } = newSandbox()
    await implicitToken(browser, 'Maya Partner', {}, 'Acme Labs')
    const named = await tokenWithoutPages(browser, authorizeQuery({ organization_id: SUPPORT }))
    expect(await organizationOf(browser, named)).toBe(SUPPORT)
    expect(await organizationOf(browser, await tokenWithoutPages(browser, authorizeQuery()))).toBe(
      SUPPORT,
    )
  })

  test('organizationIdMovesSession=false: the session stays where it was', async () => {
    const { browser } = newSandbox({ organizationIdMovesSession: false })
    await implicitToken(browser, 'Maya Partner', {}, 'Acme Labs')
    await tokenWithoutPages(browser, authorizeQuery({ organization_id: SUPPORT }))
    expect(await organizationOf(browser, await tokenWithoutPages(browser, authorizeQuery()))).toBe(
      LABS,
    )
  })

  test('one the account is not in: access_denied, by redirect and by postMessage (O3)', async () => {
    const { browser } = newSandbox()
    const redirect = await signIn(browser, authorizeQuery({ organization_id: LABS }), 'Nina Agent')
    expect(redirect.headers.get('Location')).toBe('/ooops?oauth_exception=access_denied')
    const popup = await browser.get(
      `/?${authorizeQuery({ organization_id: LABS, flow: 'button' })}`,
    )
    expect(postedMessage(await popup.text()).message.error).toEqual({
      oauth_exception: 'access_denied',
    })
  })

  test('foreignOrganizationId=ignore: as if none was sent', async () => {
    const { browser } = newSandbox({ foreignOrganizationId: 'ignore' })
    const token = await implicitToken(browser, 'Nina Agent', { organization_id: LABS })
    expect(await organizationOf(browser, token)).toBe(SUPPORT)
  })
})

describe('organizationWithoutId (O1)', () => {
  test('ask: the page every time, and the iframe flow cannot get a token', async () => {
    const { browser } = newSandbox({ organizationWithoutId: 'ask' })
    await implicitToken(browser, 'Maya Partner', {}, 'Acme Labs')
    expect(isOrganizationPage(await (await browser.get(`/?${authorizeQuery()}`)).text())).toBe(true)
    const framed = await browser.get(`/?${authorizeQuery({ flow: 'button' })}`, FRAMED)
    expect(postedMessage(await framed.text()).message.error).toEqual({
      identity_exception: 'unauthorized',
    })
  })

  test('default: the account’s default organization, never the page', async () => {
    const { browser } = newSandbox({ organizationWithoutId: 'default' })
    const response = await completeAuthorize(browser, authorizeQuery(), 'Maya Partner')
    const token = fragmentParams(response).get('access_token') ?? ''
    expect(await organizationOf(browser, token)).toBe(SUPPORT)
  })
})
