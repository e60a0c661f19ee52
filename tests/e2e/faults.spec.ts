// Issue 6 (faults part): in real Chromium, with the sandbox's fault injection, nothing crashes,
// each fault shows a clear message, and everything recovers when the fault clears.
import {
  DEV,
  PERSONAS,
  completeAccountsSignIn,
  expect,
  openSignInPopup,
  sandboxControl,
  signInWithPopup,
  test,
} from './fixtures'
import { chatList } from './live-fixtures'

/** First sign-in picks the persona; a retry finds the accounts session and closes by itself. */
async function popupSignIn(page: import('@playwright/test').Page, { retry = false } = {}) {
  const popup = await openSignInPopup(page)
  if (!retry) await completeAccountsSignIn(popup, 'nina')
}

test('#43 accounts server failing while the token is validated: clear message, then a retry signs in', async ({
  page,
  consoleLines,
}) => {
  await page.goto(`${DEV}/sign-in`)
  await sandboxControl('/faults', { path: '/v2/info', status: 500, count: 1 })
  await popupSignIn(page)
  await expect(page.getByRole('alert')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0)
  await popupSignIn(page, { retry: true })
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  expect(consoleLines.filter((l) => l.startsWith('pageerror'))).toEqual([])
})

test('#43 accounts server unreachable while validating: a network message, never a crash', async ({
  page,
}) => {
  await page.goto(`${DEV}/sign-in`)
  await page.route('**/v2/info', (route) => route.abort('internetdisconnected'))
  await popupSignIn(page)
  await expect(page.getByRole('alert')).toContainText(/reach|network|connection|offline/i)
  await page.unroute('**/v2/info')
  await popupSignIn(page, { retry: true })
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
})

test('#54 malformed JSON on a read: an error with Retry, and the data once LiveChat answers properly', async ({
  page,
}) => {
  await page.goto(`${DEV}/sign-in`)
  await signInWithPopup(page, 'nina')
  await sandboxControl('/faults', {
    path: '/v3.6/agent/action/list_chats',
    status: 200,
    body: 'malformed',
    count: 20,
  })
  await page.getByRole('link', { name: 'Chats' }).click()
  const alert = page.getByRole('alert').first()
  await expect(alert).toBeVisible({ timeout: 20_000 })
  await expect(alert).not.toContainText('{')
  await sandboxControl('/faults', undefined, 'DELETE')
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(chatList(page)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
})

test('a token expiring mid-session: the next request re-authenticates silently', async ({
  page,
}) => {
  await page.goto(`${DEV}/sign-in`)
  await signInWithPopup(page, 'nina')
  await sandboxControl('/tokens/expire', { email: PERSONAS.nina.email })
  await page.getByRole('link', { name: 'Team' }).click()
  await expect(page.getByRole('rowheader', { name: 'Nina Agent' })).toBeVisible({ timeout: 10_000 })
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
})

test('a slow API (1.5 s per request) shows loading states, then the data', async ({ page }) => {
  await page.goto(`${DEV}/sign-in`)
  await signInWithPopup(page, 'nina')
  await sandboxControl('/latency', { ms: 1500 })
  await page.getByRole('link', { name: 'Team' }).click()
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /loading/i })
      .first(),
  ).toBeVisible()
  await expect(page.getByRole('rowheader', { name: 'Nina Agent' })).toBeVisible({ timeout: 10_000 })
  await sandboxControl('/latency', { ms: 0 })
})
