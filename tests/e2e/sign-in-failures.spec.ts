// Issue 3: each way a sign-in can fail shows a clear message with a way forward, in real
// Chromium, and never leaves a token behind (SECURITY.md's case ids in titles).
import {
  DEV,
  SANDBOX,
  completeAccountsSignIn,
  expect,
  expectNoLeaks,
  issuedSecrets,
  openSignInPopup,
  sandboxControl,
  test,
} from './fixtures'

test('#32 popup: denying consent says access was denied and nobody is signed in', async ({
  page,
}) => {
  await page.goto(`${DEV}/sign-in`)
  const popup = await openSignInPopup(page)
  await completeAccountsSignIn(popup, 'nina', 'Deny')
  await expect(page.getByRole('alert')).toContainText(/denied/i)
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0)
})

test('redirect: denying consent stays on LiveChat and the app is never called back', async ({
  page,
}) => {
  await page.goto(`${DEV}/sign-in`)
  await page.getByRole('button', { name: /redirect/i }).click()
  await page.waitForURL((url) => url.origin === SANDBOX)
  await page.getByRole('button', { name: 'Nina Agent', exact: true }).click()
  await page.getByRole('button', { name: 'Deny', exact: true }).click()
  await expect(page).toHaveURL((url) => url.origin === SANDBOX)
  await expect(page.getByText(/denied/i).first()).toBeVisible()
  const { tokens } = await issuedSecrets()
  expect(tokens).toHaveLength(0)
})

test('#36 closing the popup says the sign-in was cancelled within about a second', async ({
  page,
}) => {
  await page.goto(`${DEV}/sign-in`)
  const popup = await openSignInPopup(page)
  await popup.getByRole('button', { name: 'Nina Agent', exact: true }).waitFor()
  const closedAt = Date.now()
  await popup.close()
  await expect(page.getByRole('alert')).toContainText(/closed|cancel/i, { timeout: 2000 })
  expect(Date.now() - closedAt).toBeLessThan(2000)
  // The buttons work again: a new attempt opens a new window.
  await expect(page.getByRole('button', { name: /popup/i })).toBeEnabled()
})

test('#35 a blocked popup is reported at once with a one-click "use redirect instead"', async ({
  page,
}) => {
  await page.addInitScript(() => {
    window.open = () => null
  })
  await page.goto(`${DEV}/sign-in`)
  await page.getByRole('button', { name: /popup/i }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText(/blocked/i, { timeout: 1000 })
  await alert.getByRole('button', { name: /use redirect instead/i }).click()
  await page.waitForURL((url) => url.origin === SANDBOX)
  await page.getByRole('button', { name: 'Nina Agent', exact: true }).click()
  await page.getByRole('button', { name: 'Allow', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
})

test('#38 a second click while the popup is open focuses it instead of starting a second flow', async ({
  page,
}) => {
  await page.goto(`${DEV}/sign-in`)
  const popups: unknown[] = []
  page.on('popup', (p) => popups.push(p))
  const popup = await openSignInPopup(page)
  await popup.getByRole('button', { name: 'Nina Agent', exact: true }).waitFor()
  await page.getByRole('button', { name: /popup/i }).click({ force: true })
  await page.waitForTimeout(300)
  expect(popups).toHaveLength(1)
  await completeAccountsSignIn(popup, 'nina')
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  const { tokens } = await issuedSecrets()
  expect(tokens).toHaveLength(1)
})

test('#28 #29 messages from a foreign origin or another accounts window are ignored; the real one signs in', async ({
  page,
}) => {
  await page.goto(`${DEV}/sign-in`)
  const popup = await openSignInPopup(page)
  await popup.getByRole('button', { name: 'Nina Agent', exact: true }).waitFor()

  const forged = {
    state: 'x',
    data: { access_token: 'dal:forged', token_type: 'Bearer', expires_in: 28800, scopes: [] },
  }
  // Same page origin (not the accounts origin), and an accounts-origin frame that is not our popup.
  await page.evaluate((message) => window.postMessage(message, '*'), forged)
  await page.evaluate(async (sandbox) => {
    const frame = document.createElement('iframe')
    frame.src = `${sandbox}/sandbox/health`
    frame.title = 'attacker'
    document.body.append(frame)
    await new Promise((resolve) => frame.addEventListener('load', resolve))
  }, SANDBOX)
  const attacker = page.frames().find((f) => f.url().startsWith(`${SANDBOX}/sandbox/health`))
  await attacker?.evaluate((message) => window.parent.postMessage(message, '*'), forged)

  await page.waitForTimeout(300)
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0)

  await completeAccountsSignIn(popup, 'nina')
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
})

test('#3 #4 a token in the URL with no sign-in of ours pending is refused and stripped', async ({
  page,
  context,
  consoleLines,
}) => {
  const minted = (await sandboxControl('/tokens', { email: 'nina@acme.test' })) as {
    access_token: string
  }
  await page.goto(
    `${DEV}/#access_token=${encodeURIComponent(minted.access_token)}&token_type=Bearer&expires_in=28800&state=abc`,
  )
  await expect(page.getByRole('alert')).toContainText(/could not be verified|try again/i)
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0)
  expect(page.url()).not.toContain('access_token')
  await expectNoLeaks(page, context, [minted.access_token], consoleLines)
})

test('#5 implicit: a different state in the answer is refused (state mismatch)', async ({
  page,
}) => {
  await page.goto(`${DEV}/sign-in`)
  // Rewrite the state on the way back from the accounts server.
  await page.route(`${DEV}/**`, async (route) => route.continue())
  await page.getByRole('button', { name: /implicit/i }).click()
  await page.waitForURL((url) => url.origin === SANDBOX)
  const authorizeUrl = new URL(page.url())
  authorizeUrl.searchParams.set('state', 'forged-state-forged-state-forged-state-0')
  await page.goto(authorizeUrl.toString())
  await page.getByRole('button', { name: 'Nina Agent', exact: true }).click()
  const allow = page.getByRole('button', { name: 'Allow', exact: true })
  if (await allow.isVisible({ timeout: 2000 }).catch(() => false)) await allow.click()
  await page.waitForURL((url) => url.origin !== SANDBOX)
  await expect(page.getByRole('alert')).toContainText(/could not be verified|try again/i)
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0)
  expect(page.url()).not.toContain('access_token')
})

test('a normal agent asking for administrator scopes gets invalid_scope, explained', async ({
  page,
}) => {
  await page.goto(`${DEV}/sign-in`)
  const popup = await openSignInPopup(page)
  await completeAccountsSignIn(popup, 'nina')
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  // A full page load loses the in-memory token; the silent restore brings it back.
  await page.goto(`${DEV}/supervisor`)
  await expect(page.getByRole('heading', { name: /more access/i })).toBeVisible()
  await expect(page.getByText('chats--all:ro')).toBeVisible()
  const popup2Promise = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Request access' }).click()
  const popup2 = await popup2Promise
  if (!popup2.isClosed())
    await popup2.waitForEvent('close', { timeout: 5000 }).catch(() => undefined)
  await expect(page.getByRole('alert')).toContainText(/administrator/i)
  // The agent keeps working with the access they have.
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
})
