// Issue 3: what happens to a signed-in agent over time, in real Chromium against the sandbox:
// reloads, expiry and renewal, a revoked token, and sign-out across tabs.
import {
  DEV,
  PERSONAS,
  SANDBOX,
  expect,
  issuedSecrets,
  sandboxControl,
  signInWithPopup,
  test,
} from './fixtures'

test('#63 reload with a live LiveChat session restores silently, without storing the token', async ({
  page,
}) => {
  await page.goto(`${DEV}/sign-in`)
  await signInWithPopup(page, 'nina')
  const before = await issuedSecrets()
  await page.goto(`${DEV}/team`)
  // No click: the SDK's iframe flow finds the accounts session and gets a fresh token.
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 7000 })
  await expect(page).toHaveURL(`${DEV}/team`)
  const after = await issuedSecrets()
  expect(after.tokens.length).toBe(before.tokens.length + 1)
})

test('the sign-in buttons stay put while the silent restore runs and when it ends', async ({
  page,
}) => {
  // Hold LiveChat's answer to the hidden restore frame, so the page is caught mid-check.
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const accountsPage = (url: URL) => url.origin === SANDBOX && url.pathname === '/'
  await page.route(accountsPage, async (route) => {
    await released
    await route.continue()
  })
  await page.goto(`${DEV}/sign-in`)
  const checking = page.getByText('Checking for an existing LiveChat session…')
  await expect(checking).toBeVisible()
  const popupButton = page.getByRole('button', { name: /popup/i })
  const during = await popupButton.boundingBox()
  release()
  await expect(checking).toBeHidden()
  // A button that moved as the check ended would take a click meant for it elsewhere.
  expect(await popupButton.boundingBox()).toEqual(during)
  // The live region stays, emptied, for the next thing to announce.
  await expect(page.getByRole('status')).toHaveText('')
  await page.unroute(accountsPage)
  await signInWithPopup(page, 'nina')
})

test('#63 reload without a LiveChat session falls back to the sign-in page and keeps the page asked for', async ({
  page,
  context,
}) => {
  await page.goto(`${DEV}/sign-in`)
  await signInWithPopup(page, 'nina')
  await context.clearCookies()
  await page.goto(`${DEV}/team`)
  await expect(page).toHaveURL(`${DEV}/sign-in`, { timeout: 7000 })
  await signInWithPopup(page, 'nina')
  await expect(page).toHaveURL(`${DEV}/team`)
})

test('#46 reloading again and again: once LiveChat refuses (too_many_redirects), the page says why and how long', async ({
  page,
}) => {
  await page.goto(`${DEV}/sign-in`)
  await signInWithPopup(page, 'nina')
  const signOut = page.getByRole('button', { name: 'Sign out' })
  const refused = page.getByRole('alert').filter({ hasText: 'Too many sign-in attempts' })
  // Each reload's silent restore is an authorize request; LiveChat (and the sandbox) refuse
  // after a few in 30 seconds (livechat-auth-protocol.md §3.1).
  let reloads = 0
  while (reloads < 8) {
    await page.reload()
    reloads += 1
    await expect(signOut.or(refused)).toBeVisible({ timeout: 7000 })
    if (await refused.isVisible()) break
  }
  await expect(refused).toContainText('Wait 30 seconds')
  expect(reloads).toBeGreaterThan(1)
})

test('a short-lived token is renewed silently before it expires', async ({ page }) => {
  await sandboxControl('/options', { tokenLifetime: 6 })
  await page.goto(`${DEV}/sign-in`)
  await signInWithPopup(page, 'nina')
  // Renewal runs at half-life (3 s) through the silent iframe; the agent stays signed in.
  await expect
    .poll(
      async () =>
        (await issuedSecrets()).tokens.filter((t) => t.email === PERSONAS.nina.email).length,
      {
        timeout: 10_000,
      },
    )
    .toBeGreaterThan(1)
  await page.waitForTimeout(4000)
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
})

test('code + PKCE renews with the rotating refresh token', async ({ page }) => {
  await sandboxControl('/options', { tokenLifetime: 6 })
  await page.goto(`${DEV}/sign-in`)
  await page.getByText('Sign-in options').click()
  await page.getByRole('radio', { name: /code \+ pkce/i }).check()
  await signInWithPopup(page, 'nina')
  await expect
    .poll(
      async () => (await issuedSecrets()).tokens.filter((t) => t.grant === 'refresh_token').length,
      {
        timeout: 10_000,
      },
    )
    .toBeGreaterThan(0)
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
})

test('when renewal is impossible the agent is signed out at expiry, told why, and returned afterwards', async ({
  page,
  context,
}) => {
  await sandboxControl('/options', { tokenLifetime: 5 })
  await page.goto(`${DEV}/sign-in`)
  await signInWithPopup(page, 'nina')
  await page.getByRole('link', { name: 'Team' }).click()
  // Without the accounts session cookie the silent renewal finds nobody.
  await context.clearCookies()
  await expect(page.getByRole('status').filter({ hasText: /session expired/i })).toBeVisible({
    timeout: 10_000,
  })
  await expect(page).toHaveURL(`${DEV}/sign-in`)
  await signInWithPopup(page, 'nina')
  await expect(page).toHaveURL(`${DEV}/team`)
})

test('#61 signing out in one tab signs the other tab out too, with no token in the message', async ({
  page,
  context,
}) => {
  await page.goto(`${DEV}/sign-in`)
  await signInWithPopup(page, 'nina')
  const second = await context.newPage()
  await second.goto(`${DEV}/`)
  // The second tab restores silently from the accounts session.
  await expect(second.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 7000 })
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(second.getByRole('status')).toContainText(/another tab/i, { timeout: 2000 })
  await expect(second.getByRole('button', { name: 'Sign out' })).toHaveCount(0)
  const { tokens } = await issuedSecrets()
  expect(tokens.every((t) => t.revoked)).toBe(true)
})
