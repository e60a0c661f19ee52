// The package as a new user meets it, in real Chromium: `npm pack`, a fresh Vite + React app
// whose src/main.tsx is the README's quick start (so the README cannot drift from what runs),
// installed from the tarball offline at the repository's pinned versions, type-checked against
// the published types and built by Vite with no alias and no TypeScript sources; then the sandbox
// (with the app's origin as an extra redirect URI) and a sign-in by popup, then by redirect, as
// Nina Agent, each ending with Sign out.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startServer, type Started } from '../../../sandbox/tests/harness/spawn-sandbox'
import { quickStartSource } from '../support/readme-quick-start.mjs'
import { buildApp, createApp, freePort, packTarball, preview } from './fresh-app'

const CLIENT_ID = '0123456789abcdef0123456789abcdef'
const NINA = { name: 'Nina Agent', email: 'nina@acme.test' }

/**
 * On the sandbox's pages: pick Nina, and allow the app the first time it asks. `answered` settles
 * when the accounts page has answered the app (the popup closed, or the tab went back).
 */
async function signInAsNina(accounts: Page, answered: Promise<unknown>) {
  await accounts.getByRole('button', { name: NINA.name, exact: true }).click()
  const allow = accounts.getByRole('button', { name: 'Allow', exact: true })
  // The consent page appears on the first grant only; without it the page answers at once.
  await Promise.race([allow.click({ timeout: 10_000 }), answered])
}

test('the README quick start, packed and installed offline in a fresh Vite app, signs in against the sandbox by popup and by redirect', async ({
  page,
}) => {
  test.setTimeout(300_000)
  const work = mkdtempSync(join(tmpdir(), 'quick-start-'))
  let sandbox: Started | undefined
  let stopPreview: (() => Promise<void>) | undefined
  try {
    expect(quickStartSource().trimEnd().split('\n').length).toBeLessThanOrEqual(60)
    const tarball = packTarball(work)
    const appDir = join(work, 'app')
    createApp(appDir, tarball)
    // What npm installed is the tarball's: built JavaScript and types, no TypeScript sources.
    const installed = join(appDir, 'node_modules/livechat-browser-auth')
    expect(existsSync(join(installed, 'dist/index.js'))).toBe(true)
    expect(existsSync(join(installed, 'src'))).toBe(false)

    const port = await freePort()
    const app = `http://localhost:${port}`
    sandbox = await startServer({ SANDBOX_REDIRECT_URIS: app })
    const accounts = sandbox.origin
    buildApp(appDir, {
      VITE_LIVECHAT_CLIENT_ID: CLIENT_ID,
      VITE_LIVECHAT_ACCOUNTS_URL: accounts,
      VITE_LIVECHAT_API_URL: accounts,
    })
    stopPreview = await preview(appDir, port)

    const signedIn = page.getByRole('heading', { name: 'Signed in' })
    const signOut = page.getByRole('button', { name: 'Sign out' })
    const popupButton = page.getByRole('button', { name: 'Sign in with LiveChat (popup)' })
    const redirectButton = page.getByRole('button', { name: 'Sign in with LiveChat (redirect)' })

    // Popup: the window opens inside the click; the email comes from GET /v2/accounts/me.
    await page.goto(app)
    await expect(popupButton).toBeVisible({ timeout: 15_000 })
    const opened = page.waitForEvent('popup')
    await popupButton.click()
    const popup = await opened
    await signInAsNina(popup, popup.waitForEvent('close'))
    await expect(signedIn).toBeVisible({ timeout: 15_000 })
    await expect(page.getByText(NINA.email)).toBeVisible()
    await signOut.click()
    await expect(redirectButton).toBeVisible()

    // Redirect: the page leaves for the accounts server and comes back with the answer, which
    // is read and stripped before the app renders.
    await redirectButton.click()
    // The sandbox may still know Nina from the popup: then it sends the tab back at once.
    const choose = page.getByRole('button', { name: NINA.name, exact: true })
    await expect(choose.or(signedIn)).toBeVisible({ timeout: 15_000 })
    if (await choose.isVisible())
      await signInAsNina(
        page,
        page.waitForURL((url) => url.origin === app),
      )
    await expect(signedIn).toBeVisible({ timeout: 15_000 })
    await expect(page.getByText(NINA.email)).toBeVisible()
    expect(page.url()).not.toMatch(/access_token|code=|state=/)
    await signOut.click()
    await expect(popupButton).toBeVisible()
  } finally {
    await stopPreview?.()
    await sandbox?.stop()
    rmSync(work, { recursive: true, force: true })
  }
})
