// SECURITY.md catalogue cases that need a real browser and were not covered by the flow,
// failure, header and workspace specs: replaying the implicit callback URL (A #21, #22), and the
// control run that proves the COOP header test is sensitive (B #40).
import type { Page } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium-path.mjs'
import {
  DEV,
  PREVIEW,
  completeAccountsSignIn,
  expect,
  expectNoLeaks,
  openSignInPopup,
  sandboxControl,
  signInWithRedirect,
  test,
} from './fixtures'

// The #40 tests swap a header by fulfilling the document from the route, which Chromium then
// treats as coming from outside the machine and, by default, stops from calling the loopback
// sandbox (Local Network Access). The whole file runs in a Chromium launched as the config does,
// with those checks off, so the #40 runs share one harness and only COOP differs between them.
// The replay tests make only same-machine calls, which the checks never block anyway.
test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [
      ...CHROMIUM_ARGS,
      '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests',
    ],
  },
})

/** The callback URL as the browser first loaded it, fragment and all (before the app strips it). */
function captureCallback(page: Page): () => string {
  let callback = ''
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().includes('access_token=')) callback = frame.url()
  })
  return () => callback
}

async function requestsSince(): Promise<string[]> {
  const body = (await sandboxControl('/requests', undefined, 'GET')) as {
    requests: { path: string }[]
  }
  return body.requests.map((r) => r.path)
}

for (const when of ['signed in', 'after sign-out'] as const) {
  test(`#21 #22 the callback URL opened again, ${when}, is refused and signs nobody in`, async ({
    page,
    context,
    consoleLines,
  }) => {
    const callback = captureCallback(page)
    await page.goto(`${DEV}/sign-in`)
    await signInWithRedirect(page, 'implicit', 'nina')
    const url = callback()
    expect(url).toContain('state=')
    const token = decodeURIComponent(/access_token=([^&]+)/.exec(url)?.[1] ?? '')
    expect(token).not.toBe('')
    expect(page.url()).not.toContain('access_token')

    if (when === 'after sign-out') {
      await page.getByRole('button', { name: 'Sign out' }).click()
      await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0)
    }
    await sandboxControl('/requests', undefined, 'DELETE')

    // A bookmark or a shared link loaded again: signed in, in a second tab (the token is still
    // live); after sign-out, in this tab. (In the signed-in tab itself the same URL would only
    // be a same-document fragment change, which loads nothing.)
    const target = when === 'signed in' ? await context.newPage() : page
    await target.goto(url)
    await expect(target.getByRole('alert')).toContainText(/could not be verified|try again/i)
    await expect(target.getByRole('button', { name: 'Sign out' })).toHaveCount(0)
    expect(target.url()).not.toContain('access_token')
    // Refused on the state alone: the replayed token was never even sent for validation (the
    // first tab's own API calls may go on; it validated its token long before).
    const sent = await requestsSince()
    expect(sent.filter((path) => path === '/v2/info')).toEqual([])
    if (when === 'signed in') {
      // The signed-in tab is not replaced by a second sign-in.
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
    }
    await expectNoLeaks(target, context, [token], consoleLines)
  })
}

test.describe('#40 COOP and the popup', () => {
  async function popupSignInUnder(page: Page, coop: string) {
    await page.route(`${PREVIEW}/**`, async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue()
      const response = await route.fetch()
      expect(response.headers()['cross-origin-opener-policy']).toBe('same-origin-allow-popups')
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'cross-origin-opener-policy': coop },
      })
    })
    await page.goto(`${PREVIEW}/sign-in`)
    await completeAccountsSignIn(await openSignInPopup(page), 'nina').catch(() => undefined)
  }

  test('#40 the production COOP (same-origin-allow-popups) served through the harness: the popup signs in', async ({
    page,
  }) => {
    await popupSignInUnder(page, 'same-origin-allow-popups')
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 10_000 })
  })

  test('#40 control: the same popup sign-in under COOP same-origin fails, so the header test can fail', async ({
    page,
  }) => {
    await popupSignInUnder(page, 'same-origin')
    // Severed from its opener, the accounts page cannot answer, and the app's handle on the
    // window reads as closed: the watchdog ends the flow as cancelled.
    await expect(page.getByRole('alert')).toContainText('Sign-in cancelled', { timeout: 15_000 })
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0)
  })
})
