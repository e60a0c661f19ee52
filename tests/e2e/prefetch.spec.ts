// Issue 15, goal 1, in real Chromium: the landing page's first data goes out while LiveChat is
// still checking the token, and when the check fails (a token issued to another app, slipped into
// a real implicit-grant answer) that early data is never shown and never reused.
import type { Request } from '@playwright/test'
import { PERSONAS, PREVIEW, SANDBOX, expect, sandboxControl, test } from './fixtures'

const OTHER_APP = 'fedcba9876543210fedcba9876543210'

test('#42 a token of another app: its early chats request never renders, and a real sign-in fetches afresh', async ({
  page,
}) => {
  const foreign = (await sandboxControl('/tokens', {
    email: PERSONAS.nina.email,
    clientId: OTHER_APP,
  })) as { access_token: string }
  // LiveChat's answer to our own implicit-grant request, with the other app's token in it.
  await page.route(`${SANDBOX}/**`, async (route) => {
    if (!route.request().isNavigationRequest()) {
      await route.fallback()
      return
    }
    const response = await route.fetch({ maxRedirects: 0 })
    const location = response.headers()['location'] ?? ''
    if (!location.startsWith(PREVIEW) || !location.includes('access_token=')) {
      await route.fulfill({ response })
      return
    }
    const swapped = location.replace(
      /access_token=[^&]+/,
      `access_token=${encodeURIComponent(foreign.access_token)}`,
    )
    await route.fulfill({ response, headers: { ...response.headers(), location: swapped } })
  })
  // As over a real network, the check takes a while (the production build's chunks do not).
  await page.route(`${SANDBOX}/v2/info`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600))
    await route.fallback()
  })
  const listChats: Request[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/v3.6/agent/action/list_chats')) listChats.push(request)
  })

  await page.goto(`${PREVIEW}/chats`)
  await page.getByRole('button', { name: /implicit/i }).click()
  await page.getByRole('button', { name: PERSONAS.nina.name, exact: true }).click()
  const allow = page.getByRole('button', { name: 'Allow', exact: true })
  if (await allow.isVisible({ timeout: 2000 }).catch(() => false)) await allow.click()
  await page.waitForURL((url) => url.origin === PREVIEW)

  await expect(page.getByRole('alert')).toContainText(/another LiveChat app|different app/i)
  // It went out early, with the token still unchecked...
  await expect.poll(() => listChats.length).toBe(1)
  expect(listChats[0]?.headers()['authorization']).toBe(`Bearer ${foreign.access_token}`)
  // ...and nothing of it shows.
  await expect(page.getByRole('navigation', { name: 'Chats' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0)

  // A real sign-in in the same tab fetches its own data with its own token: nothing was kept.
  await page.unrouteAll()
  await page.getByRole('button', { name: 'Dismiss' }).click()
  // LiveChat knows Nina now (the implicit grant signed her in there): the popup answers at once.
  await page.getByRole('button', { name: /popup/i }).click()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 10_000 })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chats' }).click()
  await expect(
    page.getByRole('navigation', { name: 'Chats' }).getByRole('link').first(),
  ).toBeVisible()
  // Its own request (and the live socket's resync after its login, at most one more).
  expect(listChats.length - 1).toBeGreaterThanOrEqual(1)
  expect(listChats.length - 1).toBeLessThanOrEqual(2)
  for (const request of listChats.slice(1))
    expect(request.headers()['authorization']).not.toContain(foreign.access_token)
})
