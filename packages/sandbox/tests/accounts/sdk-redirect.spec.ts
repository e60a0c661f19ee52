// The real accounts SDK in Chromium against the sandbox: full-page redirect flows and the docs'
// hand-written implicit grant. docs/ACCOUNTS.md (authorize URL), docs/ACCOUNTS.md (redirect-back
// responses), docs/ACCOUNTS.md (denied consent stays on accounts), docs/ACCOUNTS.md (redirect()), docs/ACCOUNTS.md (verify()).
import { expect, test } from '@playwright/test'
import { sandbox, SANDBOX_URL } from '../harness/shared-sandbox'
import {
  AGENT_SCOPES,
  CALLBACK_URL,
  CLIENT_ID,
  HARNESS_URL,
  openHarness,
  outcome,
  signInOnAccounts,
} from '../harness/sdk-page'

test.beforeEach(async () => {
  await sandbox.reset()
})

test('redirect token flow: authorizeData() and verify() after the return', async ({ page }) => {
  await openHarness(page, { state: 'redirect-state', scope: AGENT_SCOPES })
  await page.getByRole('button', { name: 'Redirect' }).click()
  await page.waitForURL((url) => url.origin === SANDBOX_URL)
  // docs/ACCOUNTS.md: redirect() sends `flow=` empty.
  expect(new URL(page.url()).searchParams.get('flow')).toBe('')
  await signInOnAccounts(page, 'Nina Agent', 'Allow')
  await page.waitForURL((url) => url.href.startsWith(HARNESS_URL))

  const result = await outcome(page)
  expect(result.kind).toBe('resolved')
  if (result.kind !== 'resolved') return
  expect(result.value).toEqual({
    // qs decoded the %3A (docs/ACCOUNTS.md).
    access_token: expect.stringMatching(/^dal:[A-Za-z0-9_-]+$/),
    expires_in: 28800,
    state: 'redirect-state',
    token_type: 'Bearer',
  })
  expect(result.verify).toEqual({ state: 'redirect-state' })
  // docs/ACCOUNTS.md: the SDK leaves the token in the address bar.
  expect(result.url).toContain('#access_token=')
})

test('redirect code flow: the code comes back in the query and exchanges at /v2/token', async ({
  page,
}) => {
  await openHarness(page, { state: 'rc-state', scope: AGENT_SCOPES, response_type: 'code' })
  await page.getByRole('button', { name: 'Redirect' }).click()
  await page.waitForURL((url) => url.origin === SANDBOX_URL)
  await signInOnAccounts(page, 'Sam Support', 'Allow')
  await page.waitForURL((url) => url.href.startsWith(HARNESS_URL))

  const result = await outcome(page)
  expect(result.kind).toBe('resolved')
  if (result.kind !== 'resolved') return
  expect(result.value).toEqual({ code: expect.stringMatching(/^dal:/), state: 'rc-state' })
  const verifier = String(result.verify?.code_verifier ?? '')
  const status = await page.evaluate(
    async ({ server, code, verifier, redirectUri, clientId }) =>
      (
        await fetch(`${server}/v2/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            grant_type: 'authorization_code',
            client_id: clientId,
            code,
            redirect_uri: redirectUri,
            code_verifier: verifier,
          }),
        })
      ).status,
    {
      server: SANDBOX_URL,
      code: String(result.value.code),
      verifier,
      redirectUri: HARNESS_URL,
      clientId: CLIENT_ID,
    },
  )
  expect(status).toBe(200)
})

test("the docs' hand-written implicit request: build the URL, follow it, parse the fragment", async ({
  page,
}) => {
  const state = 'i8XNjC4b8KVok4uw5RftR38Wgp2BFwql'
  // Exactly the docs' shape: response_type, client_id, redirect_uri, state, on `/`.
  await page.goto(
    `${SANDBOX_URL}/?response_type=token&client_id=${CLIENT_ID}&redirect_uri=${encodeURIComponent(CALLBACK_URL)}&state=${state}`,
  )
  await signInOnAccounts(page, 'Olivia Owner', 'Allow')
  await page.waitForURL((url) => url.href.startsWith(CALLBACK_URL))

  const parsed = await page.evaluate(async (server) => {
    const fragment = new URLSearchParams(location.hash.slice(1))
    const token = fragment.get('access_token') ?? ''
    const info = await fetch(`${server}/v2/info`, { headers: { Authorization: `Bearer ${token}` } })
    return {
      raw: location.hash,
      token,
      tokenType: fragment.get('token_type'),
      expiresIn: fragment.get('expires_in'),
      state: fragment.get('state'),
      infoStatus: info.status,
      info: (await info.json()) as Record<string, unknown>,
    }
  }, SANDBOX_URL)
  // docs/ACCOUNTS.md: the `:` arrives percent-encoded; URLSearchParams decodes it.
  expect(parsed.raw).toMatch(/^#access_token=dal%3A/)
  expect(parsed.token).toMatch(/^dal:/)
  expect(parsed).toMatchObject({ tokenType: 'Bearer', expiresIn: '28800', state, infoStatus: 200 })
  // docs/ACCOUNTS.md: no `scope` asks for all the client's scopes, which the owner may hold.
  expect(parsed.info).toMatchObject({
    client_id: CLIENT_ID,
    scope: `${AGENT_SCOPES},chats--all:ro`,
  })
})

test("the docs' sample also works with an unencoded redirect_uri", async ({ page }) => {
  await page.goto(
    `${SANDBOX_URL}/?response_type=token&client_id=${CLIENT_ID}&redirect_uri=${CALLBACK_URL}&state=raw`,
  )
  await signInOnAccounts(page, 'Adam Admin', 'Allow')
  await page.waitForURL((url) => url.href.startsWith(CALLBACK_URL))
  expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('state')).toBe('raw')
})

test('Deny in a redirect flow stays on accounts: the app is never called back', async ({
  page,
}) => {
  await openHarness(page, { state: 'deny-state', scope: AGENT_SCOPES })
  await page.getByRole('button', { name: 'Redirect' }).click()
  await page.waitForURL((url) => url.origin === SANDBOX_URL)
  await signInOnAccounts(page, 'Nina Agent', 'Deny')
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible()
  // Give a stray redirect every chance to happen.
  await page.waitForTimeout(1000)
  expect(new URL(page.url()).origin).toBe(SANDBOX_URL)
})
