// The Flow lab (/flows, issue 5) in Chromium against the sandbox: each flow runs from the page
// and leaves a complete timeline; the redirect timeline survives the round trip; nothing secret
// stays behind; failures are failed steps; the comparison fills in from the runs.
import type { Page } from '@playwright/test'
import {
  DEV,
  SANDBOX,
  completeAccountsSignIn,
  expect,
  expectNoLeaks,
  issuedSecrets,
  PERSONAS,
  test,
} from './fixtures'
import { expectNoAxeViolations } from './axe'

const POPUP_STEPS = [
  'started',
  'state-generated',
  'window-opened',
  'authorize-url',
  'answer',
  'state-verified',
  'token-validated',
  'first-api-call',
]

async function openLab(page: Page) {
  await page.goto(`${DEV}/flows`)
  await expect(page.getByRole('heading', { name: 'Flow lab', level: 1 })).toBeVisible()
}

async function choose(page: Page, flow: RegExp, responseType?: 'token' | 'code + PKCE') {
  await page.getByRole('radio', { name: flow }).check()
  if (responseType) await page.getByRole('radio', { name: responseType, exact: true }).check()
}

function status(page: Page) {
  return page.getByRole('status').filter({ hasText: /run:/ })
}

async function stepsShown(page: Page): Promise<string[]> {
  return page
    .locator('.lab-timeline > li')
    .evaluateAll((items) =>
      items.map(
        (item) =>
          `${item.getAttribute('data-step')}${item.getAttribute('data-ok') === 'no' ? '!' : ''}`,
      ),
    )
}

/** A full-page flow: on the sandbox's accounts page pick Nina (and Allow), then back to /flows. */
async function passAccountsPage(page: Page) {
  await page.waitForURL((url) => url.origin === SANDBOX)
  await page.getByRole('button', { name: PERSONAS.nina.name, exact: true }).click()
  const allow = page.getByRole('button', { name: 'Allow', exact: true })
  if (await allow.isVisible({ timeout: 2000 }).catch(() => false)) await allow.click()
  await page.waitForURL(`${DEV}/flows`)
}

test('popup (token): a complete timeline, the authorize URL decoded, secrets redacted', async ({
  page,
  context,
  consoleLines,
}) => {
  await openLab(page)
  await choose(page, /^Popup/, 'token')
  const popupPromise = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Run' }).click()
  await completeAccountsSignIn(await popupPromise, 'nina')
  await expect(status(page)).toHaveText(/Popup \(SDK\) run: completed/, { timeout: 15_000 })
  const steps = await stepsShown(page)
  for (const kind of POPUP_STEPS) expect(steps).toContain(kind)
  expect(steps.some((step) => step.endsWith('!'))).toBe(false)
  // livechat-auth-protocol.md §1: the authorize URL's parameters, decoded
  const url = page.locator('[data-step="authorize-url"]')
  await expect(url.getByRole('row', { name: /client_id/ })).toContainText(
    '0123456789abcdef0123456789abcdef',
  )
  await expect(url.getByRole('row', { name: /response_type/ })).toContainText('token')
  // The answer lists its fields; the token is shown as first 4 … last 2 only.
  const answer = page.locator('[data-step="answer"]')
  await expect(answer.getByRole('row', { name: /access_token/ })).toContainText(
    /^access_token.{4}….{2}$/,
  )
  await expect(page.locator('td[data-flow="popup"][data-measure="timeToData"]')).toHaveText(
    /^\d+ ms$/,
  )
  await expect(page.locator('td[data-flow="popup"][data-measure="pageReload"]')).toHaveText(/^No/)
  const { secrets } = await issuedSecrets()
  expect(secrets.length).toBeGreaterThan(0)
  await expectNoLeaks(page, context, secrets, consoleLines)
  await expectNoAxeViolations(page)
})

test('redirect (code + PKCE): the timeline survives the round trip, nothing secret kept', async ({
  page,
  context,
  consoleLines,
}) => {
  await openLab(page)
  await choose(page, /^Redirect/, 'code + PKCE')
  await page.getByRole('button', { name: 'Run' }).click()
  await passAccountsPage(page)
  await expect(status(page)).toHaveText(/Redirect \(SDK\) run: completed/, { timeout: 15_000 })
  const steps = await stepsShown(page)
  // Recorded before the page left, and after it came back:
  for (const kind of [
    'started',
    'state-generated',
    'authorize-url',
    'page-left',
    'page-back',
    'answer',
    'state-verified',
    'code-exchanged',
    'token-validated',
    'first-api-call',
  ])
    expect(steps).toContain(kind)
  expect(steps.indexOf('page-left')).toBeLessThan(steps.indexOf('page-back'))
  await expect(
    page.locator('[data-step="authorize-url"]').getByRole('row', { name: /code_challenge_method/ }),
  ).toContainText('S256')
  await expect(page.locator('td[data-flow="redirect"][data-measure="pageReload"]')).toHaveText(
    /^Yes/,
  )
  await expect(page.locator('td[data-flow="redirect"][data-measure="roundTrips"]')).toHaveText(
    /^4 /,
  )
  const { secrets } = await issuedSecrets()
  expect(secrets.length).toBeGreaterThan(0)
  await expectNoLeaks(page, context, secrets, consoleLines)
})

test('all three flows fill the comparison from measured runs (and the screenshot)', async ({
  page,
  context,
  consoleLines,
}) => {
  test.setTimeout(90_000)
  await openLab(page)
  await expect(page.locator('td[data-flow="implicit"][data-measure="timeToToken"]')).toHaveText(
    'Not run yet',
  )

  await choose(page, /^Implicit/)
  await page.getByRole('button', { name: 'Run' }).click()
  await passAccountsPage(page)
  await expect(status(page)).toHaveText(/Implicit grant.*run: completed/, { timeout: 15_000 })
  const implicitSteps = await stepsShown(page)
  for (const kind of [
    'state-generated',
    'authorize-url',
    'page-left',
    'page-back',
    'answer',
    'state-verified',
    'token-validated',
    'first-api-call',
  ])
    expect(implicitSteps).toContain(kind)

  await choose(page, /^Redirect/, 'token')
  await page.getByRole('button', { name: 'Run' }).click()
  await page.waitForURL((url) => url.origin === SANDBOX || url.pathname === '/flows')
  if (new URL(page.url()).origin === SANDBOX) {
    // LiveChat already knows the agent: it may still ask who; answer if so.
    const nina = page.getByRole('button', { name: PERSONAS.nina.name, exact: true })
    if (await nina.isVisible({ timeout: 2000 }).catch(() => false)) await nina.click()
    await page.waitForURL(`${DEV}/flows`)
  }
  await expect(status(page)).toHaveText(/Redirect \(SDK\) run: completed/, { timeout: 15_000 })

  await choose(page, /^Popup/, 'code + PKCE')
  const popupPromise = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Run' }).click()
  const popup = await popupPromise
  await Promise.race([
    popup.waitForEvent('close', { timeout: 10_000 }).catch(() => undefined),
    completeAccountsSignIn(popup, 'nina').catch(() => undefined),
  ])
  await expect(status(page)).toHaveText(/Popup \(SDK\) run: completed/, { timeout: 15_000 })

  for (const flow of ['popup', 'redirect', 'implicit']) {
    for (const measure of ['timeToToken', 'timeToData'])
      await expect(page.locator(`td[data-flow="${flow}"][data-measure="${measure}"]`)).toHaveText(
        /^\d+ ms$/,
      )
  }
  await expect(page.locator('td[data-flow="popup"][data-measure="roundTrips"]')).toHaveText(/^4 /)
  await expect(page.locator('td[data-flow="implicit"][data-measure="roundTrips"]')).toHaveText(
    /^3 /,
  )
  await expect(page.locator('td[data-flow="implicit"][data-measure="popupBlocked"]')).toHaveText(
    /0 window\.open/,
  )
  const { secrets } = await issuedSecrets()
  await expectNoLeaks(page, context, secrets, consoleLines)
  await page.getByRole('heading', { name: 'Comparison' }).scrollIntoViewIfNeeded()
  await page
    .locator('section', { has: page.getByRole('heading', { name: 'Comparison' }) })
    .screenshot({ path: 'docs/flow-lab.png' })
})

test('a denied consent and a blocked popup show as failed steps', async ({ page }) => {
  await openLab(page)
  await choose(page, /^Popup/, 'token')
  await page.getByRole('checkbox', { name: /prompt=consent/ }).check()
  const popupPromise = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Run' }).click()
  await completeAccountsSignIn(await popupPromise, 'nina', 'Deny')
  await expect(status(page)).toHaveText(/run: failed/, { timeout: 15_000 })
  let steps = await stepsShown(page)
  expect(steps).toContain('answer!')
  expect(steps).toContain('failed!')
  await expect(page.locator('[data-step="failed"]')).toContainText('access_denied')

  // A blocker makes window.open return null.
  await page.evaluate(() => {
    window.open = () => null
  })
  await page.getByRole('button', { name: 'Run' }).click()
  await expect(status(page)).toHaveText(/run: failed/, { timeout: 15_000 })
  steps = await stepsShown(page)
  expect(steps).toContain('window-opened!')
  await expect(page.locator('[data-step="failed"]')).toContainText('popup_blocked')
  await expect(page.locator('td[data-flow="popup"][data-measure="popupBlocked"]')).toHaveText(
    /^Measured: failed at once/,
  )
})
