// Issue 22 in real Chromium against the sandbox (dev server, StrictMode): Maya Partner, an agent
// of Acme Support and Acme Labs, picks Acme Labs on the accounts page, works there, then switches
// to Acme Support through the flow she signed in with. From the moment the header names Acme
// Support, no state of the page shows Lab Tester; the sandbox then holds one socket for her, in
// Acme Support. The popup flow and the redirect flow, one test each. (A pinned build's lack of a
// switcher is a unit test: tests/unit/components/organization-menu.test.tsx.)
import type { Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { DEV, PERSONAS, SANDBOX, expect, expectNoLeaks, issuedSecrets, test } from './fixtures'
import { chatList, liveStatus, rtmConnections } from './live-fixtures'

const MAYA = PERSONAS.maya
const SUPPORT_ID = '7a1e4c52-3b8d-4f6a-9c2e-5d0b8f1a2c3e'

/** On the accounts pages: Maya, then her organization, then Allow when consent is asked. */
async function mayaPicks(accounts: Page, organization: 'Acme Labs' | 'Acme Support') {
  await accounts.getByRole('button', { name: MAYA.name, exact: true }).click()
  await expect(accounts.getByRole('heading', { name: 'Choose an organization' })).toBeVisible()
  await accounts.getByRole('button', { name: organization, exact: true }).click()
  await accounts.getByRole('button', { name: 'Allow', exact: true }).click()
}

/**
 * Records, in this document and every later one of the tab, each state in which the header names
 * Acme Support as the organization while the page shows Lab Tester.
 */
async function watchForMixing(page: Page) {
  const watch = () => {
    const mixed: string[] = []
    ;(window as unknown as { __mixed: string[] }).__mixed = mixed
    new MutationObserver(() => {
      // The organization the header names (not its switch menu, nor "Switching to …").
      const name = document.querySelector('.organization-menu__name')?.textContent ?? ''
      const body = document.body?.textContent ?? ''
      if (name.includes('Acme Support') && body.includes('Lab Tester')) mixed.push(name)
    }).observe(document, { subtree: true, childList: true, characterData: true })
  }
  await page.addInitScript(watch)
  await page.evaluate(watch)
}

const mixing = (page: Page) =>
  page.evaluate(() => (window as unknown as { __mixed: string[] }).__mixed)

/** In Acme Labs: Lab Tester's chat in the list, the header's organization, the socket live. */
async function expectInLabs(page: Page) {
  await expect(chatList(page).getByText('Lab Tester')).toBeVisible({ timeout: 10_000 })
  await expect(page.getByRole('banner')).toContainText('Acme Labs')
  await expect(liveStatus(page)).toHaveText('Live', { timeout: 10_000 })
}

/** Switched: Maya's Acme Support chat, no Lab Tester, one socket for her, in Acme Support. */
async function expectSwitchedToSupport(page: Page) {
  await expect(page.getByRole('banner')).toContainText('Acme Support', { timeout: 10_000 })
  await expect(chatList(page).getByText('Lukas Schmidt')).toBeVisible({ timeout: 10_000 })
  await expect(page.getByText('Lab Tester')).toHaveCount(0)
  await expect(liveStatus(page)).toHaveText('Live', { timeout: 10_000 })
  await expect
    .poll(async () =>
      (await rtmConnections(MAYA.email)).map((c) => [c.logged_in, c.organization_id]),
    )
    .toEqual([[true, SUPPORT_ID]])
  expect(await mixing(page)).toEqual([])
}

test('X5 X6 popup: Maya picks Acme Labs, then switches to Acme Support, never a frame of both', async ({
  page,
  context,
  consoleLines,
}) => {
  await page.goto(`${DEV}/chats`)
  const signIn = page.waitForEvent('popup')
  await page.getByRole('button', { name: /popup/i }).click()
  await mayaPicks(await signIn, 'Acme Labs')
  await expectInLabs(page)

  const toggle = page.getByRole('button', { name: 'Switch organization' })
  await toggle.click()
  const others = page.getByRole('list', { name: 'Your other organizations' })
  await expect(others.getByRole('button')).toHaveText(['Acme Support'])
  await expectNoAxeViolations(page)
  await watchForMixing(page)
  // The accounts session knows Maya and the app asks for Acme Support: the popup answers at once.
  const switchPopup = page.waitForEvent('popup')
  await others.getByRole('button', { name: 'Acme Support' }).click()
  await switchPopup
  await expectSwitchedToSupport(page)
  expect(page.url()).toBe(`${DEV}/chats`)
  await expectNoLeaks(page, context, (await issuedSecrets()).secrets, consoleLines)
})

test('X5 X6 redirect: the same switch through the redirect flow comes back to the same page', async ({
  page,
}) => {
  await page.goto(`${DEV}/chats`)
  await page.getByRole('button', { name: /redirect/i }).click()
  await page.waitForURL((url) => url.origin === SANDBOX)
  await mayaPicks(page, 'Acme Labs')
  await page.waitForURL((url) => url.origin === DEV)
  await expectInLabs(page)

  await watchForMixing(page)
  await page.getByRole('button', { name: 'Switch organization' }).click()
  // The page leaves for the accounts server, which answers at once: Maya and Acme Support are known.
  const leaving = page.waitForRequest(
    (request) => request.isNavigationRequest() && request.url().startsWith(`${SANDBOX}/?`),
  )
  await page.getByRole('button', { name: 'Acme Support' }).click()
  const authorize = new URL((await leaving).url())
  expect(authorize.searchParams.get('organization_id')).toBe(SUPPORT_ID)
  await page.waitForURL((url) => url.origin === DEV && url.pathname === '/chats')
  await expectSwitchedToSupport(page)
})
