// The real accounts SDK's iframe flow in Chromium against the sandbox (docs/ACCOUNTS.md
// docs/ACCOUNTS.md): with a session and consent it resolves silently; without one the accounts page posts
// identity_exception `unauthorized` at once (no UI, no 5 s 'timeout').
import { expect, test } from '@playwright/test'
import { sandbox } from '../harness/shared-sandbox'
import { AGENT_SCOPES, openHarness, outcome, popupSignIn } from '../harness/sdk-page'

test.beforeEach(async () => {
  await sandbox.reset()
})

test('iframe flow with a session and consent resolves with a token, no UI', async ({ page }) => {
  const first = await popupSignIn(page, { state: 'popup', scope: AGENT_SCOPES }, 'Nina Agent')
  await openHarness(page, { state: 'iframe-state', scope: AGENT_SCOPES })
  await page.getByRole('button', { name: 'Iframe' }).click()
  const result = await outcome(page)
  expect(result.kind).toBe('resolved')
  if (result.kind !== 'resolved' || first.kind !== 'resolved') return
  expect(result.value).toMatchObject({
    access_token: expect.stringMatching(/^dal:/),
    state: 'iframe-state',
    scope: AGENT_SCOPES.split(','),
  })
  expect(result.value.access_token).not.toBe(first.value.access_token)
  expect(result.verify).toEqual({ state: 'iframe-state' })
})

test('iframe flow without a session rejects at once with identity_exception unauthorized', async ({
  page,
}) => {
  await openHarness(page, { state: 'iframe-none', scope: AGENT_SCOPES })
  const started = Date.now()
  await page.getByRole('button', { name: 'Iframe' }).click()
  const result = await outcome(page)
  expect(result).toMatchObject({
    kind: 'rejected',
    value: {
      identity_exception: 'unauthorized',
      description: 'Resource owner identity is not known or consent is missing.',
    },
  })
  // Well before the SDK's own 5 s timeout, which would reject with the bare string 'timeout'.
  expect(Date.now() - started).toBeLessThan(4000)
})
