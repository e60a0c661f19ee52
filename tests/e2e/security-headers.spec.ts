// Issue 6 (headers part) and SECURITY.md's Headers section and cases #67–#70: the production build
// served by `vite preview` sends the same headers as dist/_headers, the flows work under them, and
// the CSP really blocks what it should.
import { PREVIEW, SANDBOX, completeAccountsSignIn, expect, openSignInPopup, test } from './fixtures'
import { chatList, liveStatus } from './live-fixtures'

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const violations: string[] = []
    ;(window as unknown as { __violations: string[] }).__violations = violations
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(e.effectiveDirective),
    )
  })
})

const violations = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)

test('#67 the document carries the strict header set, on the root and on a deep route', async ({
  page,
}) => {
  for (const path of ['/', '/chats/ABC123DEF4']) {
    const response = await page.goto(`${PREVIEW}${path}`)
    const headers = response!.headers()
    const csp = headers['content-security-policy'] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/)
    expect(csp).toContain(`connect-src 'self' ${SANDBOX} ${SANDBOX.replace('http', 'ws')}`)
    expect(csp).toContain(`frame-src ${SANDBOX}`)
    for (const directive of [
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
      "form-action 'none'",
    ]) {
      expect(csp).toContain(directive)
    }
    expect(headers['referrer-policy']).toBe('no-referrer')
    expect(headers['cross-origin-opener-policy']).toBe('same-origin-allow-popups')
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['permissions-policy']).toContain('camera=()')
  }
})

test('#40 #68 #70 popup sign-in works under the production headers, with no violation and no Referer sent', async ({
  page,
}) => {
  const referers: string[] = []
  page.on('request', (request) => {
    const referer = request.headers()['referer']
    if (referer) referers.push(`${request.url()} ← ${referer}`)
  })
  await page.goto(`${PREVIEW}/sign-in`)
  await completeAccountsSignIn(await openSignInPopup(page), 'nina')
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await page.getByRole('link', { name: 'Chats' }).click()
  await expect(chatList(page)).toBeVisible()
  // The RTM socket (connect-src names its origin exactly) is up under the same CSP.
  await expect(liveStatus(page)).toHaveText('Live')
  expect(await violations(page)).toEqual([])
  expect(referers).toEqual([])
})

test('#68 the CSP blocks an injected inline script and a request to a foreign origin', async ({
  page,
}) => {
  await page.goto(`${PREVIEW}/sign-in`)
  await expect(page.getByRole('button', { name: /popup/i })).toBeVisible()
  const result = await page.evaluate(async () => {
    const script = document.createElement('script')
    script.textContent = 'window.__pwned = true'
    document.body.append(script)
    // Same host, other origin: a real server on loopback that the CSP does not list.
    const fetched = await fetch('http://127.0.0.1:4010/sandbox/health').then(
      () => 'reached',
      () => 'blocked',
    )
    return { pwned: (window as unknown as { __pwned?: boolean }).__pwned === true, fetched }
  })
  expect(result).toEqual({ pwned: false, fetched: 'blocked' })
  expect(await violations(page)).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']))
})

test('#69 the app refuses to render inside a frame on another origin', async ({ page }) => {
  await page.goto(`${SANDBOX}/sandbox/health`)
  await page.evaluate((src) => {
    const frame = document.createElement('iframe')
    frame.src = src
    frame.title = 'framed app'
    document.body.append(frame)
  }, `${PREVIEW}/sign-in`)
  await page.waitForTimeout(1500)
  const framed = page.frames().find((f) => f !== page.mainFrame())
  const buttons = framed
    ? await framed
        .locator('button')
        .count()
        .catch(() => 0)
    : 0
  expect(buttons).toBe(0)
})

test('silent restore on reload works under the production CSP (frame-src names the accounts origin)', async ({
  page,
}) => {
  await page.goto(`${PREVIEW}/sign-in`)
  await completeAccountsSignIn(await openSignInPopup(page), 'nina')
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await page.goto(`${PREVIEW}/team`)
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 7000 })
  expect(await violations(page)).toEqual([])
})
