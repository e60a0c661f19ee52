// The dark palette (prefers-color-scheme: dark, src/styles.css) across the app: axe finds no
// contrast or other violation on the sign-in page and on every workspace page an agent visits.
import { expectNoAxeViolations } from './axe'
import { DEV, expect, signInWithPopup, test } from './fixtures'

test('dark: the sign-in page and each workspace page are axe clean', async ({ page }) => {
  test.setTimeout(60_000)
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(`${DEV}/sign-in`)
  await expect(page.getByRole('button', { name: /popup/ })).toBeVisible()
  await expectNoAxeViolations(page)
  await signInWithPopup(page, 'olivia')
  const nav = page.getByRole('navigation', { name: 'Main' })
  for (const [link, heading] of [
    ['Home', /./],
    ['Archives', /Archives/],
    ['Team', /Team/],
    ['Supervisor', /./],
    ['Session', /Session/],
    ['Chats', /chats/i],
  ] as const) {
    await nav.getByRole('link', { name: link }).click()
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0)
    await expectNoAxeViolations(page)
  }
  // The three panes with a chat open: the list, the conversation, the customer.
  await page.getByRole('navigation', { name: 'Chats' }).getByRole('link').first().click()
  await expect(page.getByRole('heading', { level: 2, name: /^Chat with/ })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Customer' })).toBeVisible()
  await expectNoAxeViolations(page)
})
