import { DEV, PREVIEW, expect, test } from './fixtures'

// The skeleton renders in Chromium from `npm start`'s configuration (Vite dev) and from the
// production build (vite preview), both configured for the sandbox.
for (const [name, origin] of [
  ['dev server', DEV],
  ['production build', PREVIEW],
] as const) {
  test.describe(name, () => {
    test('shows the sign-in page with the three flows', async ({ page, consoleLines }) => {
      await page.goto(`${origin}/`)
      await expect(page).toHaveURL(`${origin}/sign-in`)
      await expect(page.getByRole('heading', { name: /sign in/i, level: 1 })).toBeVisible()
      for (const flow of [/popup/i, /redirect/i, /implicit/i]) {
        await expect(page.getByRole('button', { name: flow })).toBeEnabled()
      }
      expect(consoleLines.filter((line) => line.startsWith('pageerror'))).toEqual([])
    })

    test('a deep link while signed out goes to sign-in, not to a blank page', async ({ page }) => {
      await page.goto(`${origin}/chats/ABC123DEF4`)
      await expect(page).toHaveURL(`${origin}/sign-in`)
      await expect(page.getByRole('button', { name: /popup/i })).toBeVisible()
    })
  })
}
