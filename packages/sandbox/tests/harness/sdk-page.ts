// Playwright helpers around harness/sdk.html: load it, hand the SDK its options, start a flow
// with a real click, act on the sandbox's accounts pages, and read the outcome.
import { expect, type Page } from '@playwright/test'

export const HARNESS_URL = 'http://localhost:5173/packages/sandbox/tests/harness/sdk.html'
export const CALLBACK_URL = 'http://localhost:5173/packages/sandbox/tests/harness/callback.html'
export const CLIENT_ID = '0123456789abcdef0123456789abcdef'
export const AGENT_SCOPES =
  'accounts--my:ro,sessions--my:rw,agents--my:rw,agents--all:ro,groups--all:ro,chats--access:rw,chats.conversation--access:rw,customers:ro,tags--groups:ro'

export type Outcome =
  | {
      kind: 'resolved'
      value: Record<string, unknown>
      verify: Record<string, unknown> | null
      url: string
    }
  | { kind: 'rejected'; value: unknown; url: string }

export async function openHarness(page: Page, options: Record<string, unknown>): Promise<void> {
  await page.goto(HARNESS_URL)
  // Vite may pre-bundle the SDK on first use and reload once; wait for the module to be live.
  await expect(page.locator('#status')).toHaveText('ready', { timeout: 20_000 })
  await page.getByLabel('SDK options (JSON)').fill(JSON.stringify(options))
}

export async function startPopup(page: Page): Promise<Page> {
  const popupPromise = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Popup' }).click()
  const popup = await popupPromise
  await popup.waitForLoadState('domcontentloaded').catch(() => undefined)
  return popup
}

export async function outcome(page: Page): Promise<Outcome> {
  await expect(page.locator('#status')).toHaveText('done', { timeout: 15_000 })
  return JSON.parse((await page.locator('#result').textContent()) ?? 'null') as Outcome
}

export async function expectClosed(popup: Page): Promise<void> {
  await expect.poll(() => popup.isClosed(), { timeout: 10_000 }).toBe(true)
}

/** On an accounts page: pick the persona, then answer consent when the page asks. */
export async function signInOnAccounts(
  accounts: Page,
  persona: string,
  consent?: 'Allow' | 'Deny',
): Promise<void> {
  await accounts.getByRole('button', { name: persona, exact: true }).click()
  if (consent) await accounts.getByRole('button', { name: consent, exact: true }).click()
}

/** A popup sign-in from the harness with consent: leaves an accounts session and a remembered consent. */
export async function popupSignIn(
  page: Page,
  options: Record<string, unknown>,
  persona: string,
): Promise<Outcome> {
  await openHarness(page, options)
  const popup = await startPopup(page)
  await signInOnAccounts(popup, persona, 'Allow')
  await expectClosed(popup)
  return outcome(page)
}
