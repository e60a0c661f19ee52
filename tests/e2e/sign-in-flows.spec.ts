// Issue 3: every flow × response type signs in against the sandbox in real Chromium, under
// StrictMode (the dev server), and leaves the token nowhere but memory.
import {
  DEV,
  PERSONAS,
  expect,
  expectNoLeaks,
  issuedSecrets,
  signInWithPopup,
  signInWithRedirect,
  test,
  type PersonaKey,
} from './fixtures'

const combos = [
  { flow: 'popup', responseType: 'token' },
  { flow: 'popup', responseType: 'code' },
  { flow: 'redirect', responseType: 'token' },
  { flow: 'redirect', responseType: 'code' },
  { flow: 'implicit', responseType: 'token' },
] as const

for (const { flow, responseType } of combos) {
  test(`#24 #25 #26 ${flow} × ${responseType}: Nina signs in, lands where she asked, and no secret leaks`, async ({
    page,
    context,
    consoleLines,
  }) => {
    await page.goto(`${DEV}/team`)
    await expect(page).toHaveURL(`${DEV}/sign-in`)
    if (responseType === 'code') {
      await page.getByText('Sign-in options').click()
      await page.getByRole('radio', { name: /code \+ pkce/i }).check()
    }
    if (flow === 'popup') await signInWithPopup(page, 'nina')
    else await signInWithRedirect(page, flow, 'nina')

    await expect(page).toHaveURL(`${DEV}/team`)
    await expect(page.getByRole('banner').getByText(PERSONAS.nina.name)).toBeVisible()

    const { tokens, secrets } = await issuedSecrets()
    const mine = tokens.filter((t) => t.email === PERSONAS.nina.email && !t.revoked)
    expect(mine).toHaveLength(1)
    expect(mine[0]?.grant).toBe(responseType === 'code' ? 'authorization_code' : 'implicit')
    expect(secrets.length).toBeGreaterThan(0)
    await expectNoLeaks(page, context, secrets, consoleLines)

    // Sign-out revokes the token and clears the screen; still nothing left behind.
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page.getByRole('button', { name: /popup/i })).toBeVisible()
    // The revoke goes out after the screen is cleared (the agent never waits for it).
    const ninasRevoked = async () =>
      (await issuedSecrets()).tokens
        .filter((t) => t.email === PERSONAS.nina.email)
        .every((t) => t.revoked)
    await expect.poll(ninasRevoked).toBe(true)
    const after = await issuedSecrets()
    await expectNoLeaks(page, context, after.secrets, consoleLines)
  })
}

// Maya Partner, of two organizations, is asked which one first: organizations.spec.ts signs her in.
const ONE_ORGANIZATION = (Object.keys(PERSONAS) as PersonaKey[]).filter((p) => p !== 'maya')

for (const persona of ONE_ORGANIZATION) {
  test(`popup: ${PERSONAS[persona].name} signs in and sees their name`, async ({ page }) => {
    await page.goto(`${DEV}/sign-in`)
    await signInWithPopup(page, persona)
    await expect(page).toHaveURL(`${DEV}/`)
    await expect(
      page.getByRole('heading', { name: `Welcome, ${PERSONAS[persona].name}` }),
    ).toBeVisible()
  })
}

test('the production build signs in with the popup too (no StrictMode double effects there)', async ({
  page,
}) => {
  await page.goto('http://localhost:4173/sign-in')
  await signInWithPopup(page, 'sam')
  await expect(page.getByRole('heading', { name: `Welcome, ${PERSONAS.sam.name}` })).toBeVisible()
})
