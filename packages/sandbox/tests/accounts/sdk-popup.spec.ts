// The real, unmodified accounts SDK 2.1.3 in Chromium against the sandbox: popup flows.
// docs/ACCOUNTS.md (popup, auto/manual), docs/ACCOUNTS.md (message acceptance, `scopes` →
// `scope`), docs/ACCOUNTS.md (envelope), docs/ACCOUNTS.md (the SDK's S256), docs/ACCOUNTS.md (exchange, info), docs/ACCOUNTS.md (errors).
import { expect, test } from '@playwright/test'
import { sandbox, SANDBOX_URL } from '../harness/shared-sandbox'
import {
  AGENT_SCOPES,
  CLIENT_ID,
  HARNESS_URL,
  expectClosed,
  openHarness,
  outcome,
  popupSignIn,
  signInOnAccounts,
  startPopup,
} from '../harness/sdk-page'

test.beforeEach(async () => {
  await sandbox.reset()
})

test('popup token flow: pick a persona, Allow, the promise resolves with `scope` and the popup closes', async ({
  page,
}) => {
  await openHarness(page, { state: 'popup-state-1', scope: AGENT_SCOPES })
  const popup = await startPopup(page)
  // docs/ACCOUNTS.md: server_url + `?` with no slash, the flow=button marker, the explicit state.
  const authorize = new URL(popup.url())
  expect(authorize.origin).toBe(SANDBOX_URL)
  expect(authorize.searchParams.get('flow')).toBe('button')
  expect(authorize.searchParams.get('state')).toBe('popup-state-1')
  expect(authorize.searchParams.get('redirect_uri')).toBe(HARNESS_URL)

  await signInOnAccounts(popup, 'Nina Agent', 'Allow')
  await expectClosed(popup)
  const result = await outcome(page)
  expect(result.kind).toBe('resolved')
  if (result.kind !== 'resolved') return
  expect(result.value).toEqual({
    access_token: expect.stringMatching(/^dal:/),
    token_type: 'Bearer',
    expires_in: 28800,
    // docs/ACCOUNTS.md: the SDK renamed the posted `scopes` array to `scope`.
    scope: AGENT_SCOPES.split(','),
    account_id: '2d9e5a1c-3b4f-4e7d-8c0a-1f2b3c4d5e6f',
    organization_id: '7a1e4c52-3b8d-4f6a-9c2e-5d0b8f1a2c3e',
    client_id: CLIENT_ID,
    state: 'popup-state-1',
  })
  expect(result.verify).toEqual({ state: 'popup-state-1' })
})

test('popup_flow auto with a live session and consent completes with no UI at all', async ({
  page,
}) => {
  await popupSignIn(page, { state: 'first', scope: AGENT_SCOPES }, 'Sam Support')
  await openHarness(page, { state: 'second', scope: AGENT_SCOPES })
  const popup = await startPopup(page)
  // No click: the accounts page posts and closes itself.
  await expectClosed(popup)
  const result = await outcome(page)
  expect(result.kind).toBe('resolved')
  if (result.kind !== 'resolved') return
  expect(result.value.state).toBe('second')
  expect(result.value.account_id).toBe('3e0f6b2d-4c5a-4f8e-9d1b-2a3c4d5e6f70')
})

test('popup_flow manual always shows the sign-in form, even with a session', async ({ page }) => {
  await popupSignIn(page, { state: 'first', scope: AGENT_SCOPES }, 'Sam Support')
  await openHarness(page, { state: 'manual', scope: AGENT_SCOPES, popup_flow: 'manual' })
  const popup = await startPopup(page)
  expect(new URL(popup.url()).pathname).toBe('/signin')
  for (const persona of ['Olivia Owner', 'Adam Admin', 'Nina Agent', 'Sam Support']) {
    await expect(popup.getByRole('button', { name: persona, exact: true })).toBeVisible()
  }
  await signInOnAccounts(popup, 'Adam Admin', 'Allow')
  await expectClosed(popup)
  const result = await outcome(page)
  expect(result.kind === 'resolved' && result.value.account_id).toBe(
    '1c8d4f0b-2a3e-4d6c-9b7f-0e1a2b3c4d5e',
  )
})

test('popup code flow with the SDK S256 challenge, then /v2/token and /v2/info from the page', async ({
  page,
}) => {
  await openHarness(page, { state: 'code-state', scope: AGENT_SCOPES, response_type: 'code' })
  const popup = await startPopup(page)
  const authorize = new URL(popup.url())
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
  // The SDK's quirky value: base64url of eight comma-joined signed integers, not of the digest.
  const challenge = authorize.searchParams.get('code_challenge') ?? ''
  expect(Buffer.from(challenge, 'base64url').toString('utf8')).toMatch(/^-?\d+(,-?\d+){7}$/)

  await signInOnAccounts(popup, 'Nina Agent', 'Allow')
  await expectClosed(popup)
  const result = await outcome(page)
  expect(result.kind).toBe('resolved')
  if (result.kind !== 'resolved') return
  expect(result.value.code).toMatch(/^dal:/)
  expect(result.value).not.toHaveProperty('access_token')
  const verifier = String(result.verify?.code_verifier ?? '')
  expect(verifier).toHaveLength(128)

  const exchanged = await page.evaluate(
    async ({ server, code, verifier, redirectUri, clientId }) => {
      const token = await fetch(`${server}/v2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: clientId,
          code,
          redirect_uri: redirectUri,
          code_verifier: verifier,
        }),
      })
      const tokenBody = (await token.json()) as {
        access_token: string
        refresh_token: string
        scope: string
      }
      const info = await fetch(`${server}/v2/info`, {
        headers: { Authorization: `Bearer ${tokenBody.access_token}` },
      })
      return {
        tokenStatus: token.status,
        tokenBody,
        infoStatus: info.status,
        info: (await info.json()) as Record<string, unknown>,
      }
    },
    {
      server: SANDBOX_URL,
      code: String(result.value.code),
      verifier,
      redirectUri: HARNESS_URL,
      clientId: CLIENT_ID,
    },
  )
  expect(exchanged.tokenStatus).toBe(200)
  expect(exchanged.tokenBody.scope).toBe(AGENT_SCOPES)
  expect(exchanged.tokenBody.refresh_token).toBeTruthy()
  expect(exchanged.infoStatus).toBe(200)
  expect(exchanged.info).toMatchObject({
    client_id: CLIENT_ID,
    refresh_token: exchanged.tokenBody.refresh_token,
    scope: AGENT_SCOPES,
  })
})

test('an error in popup mode rejects the promise: Nina asking chats--all:ro → invalid_scope', async ({
  page,
}) => {
  await openHarness(page, { state: 'err-state', scope: 'accounts--my:ro,chats--all:ro' })
  const popup = await startPopup(page)
  await signInOnAccounts(popup, 'Nina Agent')
  await expectClosed(popup)
  const result = await outcome(page)
  expect(result).toMatchObject({ kind: 'rejected', value: { oauth_exception: 'invalid_scope' } })
})

test('an unknown client is rejected with the SDK description for unauthorized_client', async ({
  page,
}) => {
  await openHarness(page, { state: 'x', client_id: 'ffffffffffffffffffffffffffffffff' })
  const popup = await startPopup(page)
  await expectClosed(popup)
  expect(await outcome(page)).toMatchObject({
    kind: 'rejected',
    value: {
      oauth_exception: 'unauthorized_client',
      exception_details: 'client_id_not_found',
      description: 'Client not found, not provided or incorectly configured.',
    },
  })
})

test('Deny in a popup rejects with access_denied (popupDenyBehaviour post)', async ({ page }) => {
  await openHarness(page, { state: 'deny', scope: AGENT_SCOPES })
  const popup = await startPopup(page)
  await signInOnAccounts(popup, 'Sam Support', 'Deny')
  await expectClosed(popup)
  expect(await outcome(page)).toMatchObject({
    kind: 'rejected',
    value: { oauth_exception: 'access_denied' },
  })
})
