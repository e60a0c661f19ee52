// Signing in on the production build as a person would: the app's buttons, then the sandbox's
// accounts pages (pick the persona; Allow on the consent page, which shows on a first grant).
import { APP, SANDBOX } from './servers.mjs'

export const PERSONA = 'Olivia Owner'

/** The sign-in variants the bench times: the app's three buttons, and code + PKCE for two. */
export const FLOWS = {
  'popup (token)': { button: /popup/i, responseType: 'token', popup: true },
  'popup (code + PKCE)': { button: /popup/i, responseType: 'code', popup: true },
  'redirect (token)': { button: /\(redirect\)/i, responseType: 'token', popup: false },
  'redirect (code + PKCE)': { button: /\(redirect\)/i, responseType: 'code', popup: false },
  'implicit (no SDK)': { button: /implicit grant/i, responseType: 'token', popup: false },
}

/** A chat in the chats pane's list: the first one is the "first chat list painted" moment. */
export const CHAT_ROW = 'nav[aria-label="Chats"] li'

async function accountsSteps(accounts, { closesItself }) {
  await accounts.getByRole('button', { name: PERSONA, exact: true }).click()
  const allow = accounts
    .getByRole('button', { name: 'Allow', exact: true })
    .click({ timeout: 10_000 })
    .catch(() => undefined)
  // No consent page when the grant exists: the page delivers the answer and closes or leaves.
  await Promise.race([allow, closesItself.catch(() => undefined)])
}

/** On the sign-in page: pick the response type (the options panel), then sign in. */
export async function signIn(page, flowName) {
  const flow = FLOWS[flowName]
  if (!flow) throw new Error(`unknown flow ${flowName}`)
  if (flow.responseType === 'code') {
    await page.getByText('Sign-in options').click()
    await page.getByRole('radio', { name: 'Code + PKCE' }).check()
  }
  if (flow.popup) {
    const popupPromise = page.waitForEvent('popup')
    await page.getByRole('button', { name: flow.button }).click()
    const popup = await popupPromise
    await accountsSteps(popup, { closesItself: popup.waitForEvent('close', { timeout: 10_000 }) })
  } else {
    await page.getByRole('button', { name: flow.button }).click()
    await page.waitForURL((url) => url.origin === SANDBOX)
    await accountsSteps(page, {
      closesItself: page.waitForURL((url) => url.origin === APP, { timeout: 10_000 }),
    })
  }
}
