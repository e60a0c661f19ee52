// Issue 12 in real Chromium against the sandbox (dev server, StrictMode): the customer simulator
// moves the world and the three-pane workspace follows over the RTM socket with no reload; the
// socket and the session agree (drop, expiry, revocation, sign-out, two tabs); no token leaks;
// axe on every pane. One signed-in tab is shared by the tests that allow it (serial).
import type { BrowserContext, Page } from '@playwright/test'
import {
  DEV,
  PERSONAS,
  SANDBOX,
  expect,
  expectNoLeaks,
  issuedSecrets,
  sandboxControl,
  signInWithPopup,
  test,
  watchForLeaks,
} from './fixtures'
import { AGENT_SCOPES } from '../../packages/sandbox/src/seed/identity'
import { expectNoAxeViolations } from './axe'
import { chatList, conversation, customer, liveStatus, rtmConnections } from './live-fixtures'

const NINA = PERSONAS.nina.email

async function apiAs<T>(email: string, method: string, body: object = {}): Promise<T> {
  const minted = (await sandboxControl('/tokens', { email })) as { access_token: string }
  const response = await fetch(`${SANDBOX}/v3.6/agent/action/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${minted.access_token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return (await response.json()) as T
}

interface StoredChat {
  id: string
  users: { id: string; type: string; present?: boolean }[]
  threads: { active: boolean; queue?: unknown }[]
}
const storedChat = (id: string) =>
  sandboxControl(`/chats/${id}`, undefined, 'GET') as Promise<StoredChat>

/** An open chat Nina takes part in. */
async function ninasChat(): Promise<string> {
  const list = await apiAs<{
    chats_summary: { id: string; users: { id: string; present?: boolean }[] }[]
  }>(NINA, 'list_chats', { filters: { active: true }, limit: 100 })
  const chat = list.chats_summary.find((c) => c.users.some((u) => u.id === NINA && u.present))
  if (!chat) throw new Error('seed has no open chat with Nina in it')
  return chat.id
}

test.describe('one signed-in tab, the world moving around it', () => {
  test.describe.configure({ mode: 'serial' })
  let context: BrowserContext
  let page: Page
  const consoleLines: string[] = []
  let navigations = 0

  test.beforeAll(async ({ browser }) => {
    await sandboxControl('/reset')
    context = await browser.newContext()
    page = await context.newPage()
    watchForLeaks(page)
    page.on('console', (message) => consoleLines.push(message.text()))
    page.on('load', () => (navigations += 1))
    await page.goto(`${DEV}/sign-in`)
    await signInWithPopup(page, 'nina')
    await page.getByRole('link', { name: 'Chats' }).click()
    await expect(liveStatus(page)).toHaveText('Live', { timeout: 10_000 })
  })
  test.afterAll(async () => {
    await context.close()
  })

  test('the header says Live, one socket for the tab (StrictMode included), logged in', async () => {
    await expect(liveStatus(page)).toHaveText('Live')
    expect(await rtmConnections(NINA)).toEqual([
      expect.objectContaining({ logged_in: true, credential: 'oauth' }),
    ])
  })

  test('a customer message appears in the open thread within 3 s, no reload or navigation', async () => {
    const chatId = await ninasChat()
    await chatList(page).locator(`a[data-chat-id="${chatId}"]`).click()
    await expect(conversation(page)).toBeVisible()
    const url = page.url()
    const loads = navigations
    const text = `Where is my parcel? ${Date.now()}`
    await customer('message', { chat_id: chatId, text })
    await expect(conversation(page).getByText(text)).toBeVisible({ timeout: 3000 })
    // The list moved it to the top of my chats with that message.
    await expect(
      chatList(page)
        .getByRole('region', { name: /^My chats/ })
        .getByRole('link')
        .first(),
    ).toContainText(text)
    expect(page.url()).toBe(url)
    expect(navigations).toBe(loads)
  })

  test('typing and the sneak peek show, then stop', async () => {
    const chatId = await ninasChat()
    await page.goto(`${DEV}/chats/${chatId}`).catch(() => undefined)
    navigations = 0
    await expect(liveStatus(page)).toHaveText('Live', { timeout: 10_000 })
    await customer('typing', { chat_id: chatId, is_typing: true, text: 'I ordered on Mon' })
    await expect(page.getByText(/is typing…/)).toBeVisible({ timeout: 3000 })
    await expect(page.getByText('“I ordered on Mon”')).toBeVisible()
    await customer('typing', { chat_id: chatId, is_typing: false })
    await expect(page.getByText(/is typing…/)).toHaveCount(0, { timeout: 3000 })
  })

  let queuedId = ''

  test('a new chat appears in the list, queued, with its unread count', async () => {
    const started = await customer<{ chat_id: string }>('chat', {
      group_id: 1,
      text: 'Hello? I need help with an invoice',
      customer_name: 'Quentin Queue',
    })
    queuedId = started.chat_id
    const queued = chatList(page).getByRole('region', { name: /^Queued chats/ })
    const link = queued.locator(`a[data-chat-id="${queuedId}"]`)
    await expect(link).toContainText('Quentin Queue', { timeout: 3000 })
    await expect(link).toContainText('1 unread')
    await expect(page).toHaveTitle(/^\(\d+\) LiveChat Agent Workspace$/)
  })

  test('Take chat on the queued chat makes the composer usable, and the sandbox has Nina in it', async () => {
    await chatList(page).locator(`a[data-chat-id="${queuedId}"]`).click()
    const box = page.getByRole('textbox', { name: 'Message' })
    await expect(box).toBeDisabled()
    await page.getByRole('button', { name: 'Take chat' }).click()
    await expect(box).toBeEnabled({ timeout: 3000 })
    const stored = await storedChat(queuedId)
    expect(stored.users.find((u) => u.id === NINA)).toMatchObject({ present: true })
    expect(stored.threads.at(-1)?.queue).toBeUndefined()
    await expect(
      chatList(page)
        .getByRole('region', { name: /^My chats/ })
        .locator(`a[data-chat-id="${queuedId}"]`),
    ).toBeVisible()
  })

  test('Transfer moves it to another agent: it leaves my chats and the sandbox shows them in it', async () => {
    await page.getByRole('button', { name: 'Transfer' }).click()
    const form = page.getByRole('form', { name: 'Transfer the chat' })
    await form.getByRole('combobox', { name: 'Transfer to' }).selectOption({ label: 'Adam Admin' })
    await form.getByRole('button', { name: 'Move chat' }).click()
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeDisabled({ timeout: 3000 })
    const stored = await storedChat(queuedId)
    expect(stored.users.find((u) => u.id === PERSONAS.adam.email)).toMatchObject({ present: true })
    expect(stored.users.some((u) => u.id === NINA && u.present)).toBe(false)
    await expect(
      chatList(page)
        .getByRole('region', { name: /^My chats/ })
        .locator(`a[data-chat-id="${queuedId}"]`),
    ).toHaveCount(0)
  })

  test('a dropped socket: Reconnecting… with a countdown, Live again, and what the customer wrote meanwhile shows', async () => {
    const chatId = await ninasChat()
    await chatList(page).locator(`a[data-chat-id="${chatId}"]`).click()
    await expect(conversation(page)).toBeVisible()
    // The first retry waits a random time up to 1 s: 0.9 of it here, so the message below is
    // surely written while the tab has no socket.
    await page.evaluate(() => {
      const random = Math.random
      Math.random = () => 0.9
      setTimeout(() => (Math.random = random), 2000)
    })
    await sandboxControl('/rtm/drop', { email: NINA })
    const text = `Sent while you were away ${Date.now()}`
    await customer('message', { chat_id: chatId, text })
    await expect(liveStatus(page)).toHaveText('Reconnecting…')
    await expect(page.getByText(/next try in \d s/)).toBeVisible()
    await expect(liveStatus(page)).toHaveText('Live', { timeout: 10_000 })
    await expect(conversation(page).getByText(text)).toBeVisible({ timeout: 5000 })
    expect(await rtmConnections(NINA)).toHaveLength(1)
  })

  test('the token expiring on the live socket: renewed silently, logged in again, still Live', async () => {
    const before = (await issuedSecrets()).tokens.filter((t) => t.email === NINA).length
    await sandboxControl('/tokens/expire', { email: NINA })
    await expect
      .poll(async () => (await issuedSecrets()).tokens.filter((t) => t.email === NINA).length, {
        timeout: 10_000,
      })
      .toBeGreaterThan(before)
    await expect(liveStatus(page)).toHaveText('Live', { timeout: 10_000 })
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
    expect(await rtmConnections(NINA)).toEqual([expect.objectContaining({ logged_in: true })])
  })

  test('axe finds nothing in the list, the conversation and the customer pane', async () => {
    await expectNoAxeViolations(page)
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Chats' })
      .click()
    await expect(page).toHaveURL(`${DEV}/chats`)
    await expectNoAxeViolations(page)
  })

  test('narrow screen: one pane at a time, each with a way back, focus following; axe-clean', async () => {
    await page.setViewportSize({ width: 480, height: 900 })
    const chatId = await ninasChat()
    const link = chatList(page).locator(`a[data-chat-id="${chatId}"]`)
    await expect(page.getByRole('log', { name: 'Conversation' })).toHaveCount(0)
    await expectNoAxeViolations(page)
    await link.focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 2, name: /^Chat with/ })).toBeFocused()
    await expect(chatList(page)).toBeHidden()
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Customer details' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Customer' })).toBeFocused()
    await expect(conversation(page)).toBeHidden()
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Back to conversation' }).click()
    await expect(page.getByRole('button', { name: 'Customer details' })).toBeFocused()
    await page.getByRole('link', { name: 'Back to chats' }).click()
    await expect(chatList(page)).toBeVisible()
    await expect(link).toBeFocused()
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  test('the leak sweep finds the token in no URL (the socket’s included), storage, log or frame but the login', async () => {
    const { secrets } = await issuedSecrets()
    expect(secrets.length).toBeGreaterThan(0)
    await expectNoLeaks(page, context, secrets, consoleLines)
  })

  test('sign-out logs out and leaves no open connection for the account', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page.getByText('You signed out.')).toBeVisible()
    await expect.poll(() => rtmConnections(NINA)).toEqual([])
  })
})

test('revocation signs the tab out, with the reason on the sign-in page', async ({ page }) => {
  await page.goto(`${DEV}/sign-in`)
  await signInWithPopup(page, 'nina')
  await page.getByRole('link', { name: 'Chats' }).click()
  await expect(liveStatus(page)).toHaveText('Live', { timeout: 10_000 })
  await sandboxControl('/tokens/revoke', { email: NINA })
  await expect(
    page.getByText('LiveChat ended your session. Sign in again to continue.'),
  ).toBeVisible({
    timeout: 3000,
  })
  await expect(page).toHaveURL(/\/sign-in/)
  expect(await rtmConnections(NINA)).toEqual([])
})

test('two tabs each hold one socket; signing out in one closes both', async ({ page, context }) => {
  await page.goto(`${DEV}/sign-in`)
  await signInWithPopup(page, 'nina')
  await page.getByRole('link', { name: 'Chats' }).click()
  await expect(liveStatus(page)).toHaveText('Live', { timeout: 10_000 })
  const second = await context.newPage()
  await second.goto(`${DEV}/chats`)
  await expect(liveStatus(second)).toHaveText('Live', { timeout: 10_000 })
  expect(await rtmConnections(NINA)).toHaveLength(2)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(second.getByText(/You signed out in another tab/)).toBeVisible({ timeout: 3000 })
  await expect.poll(() => rtmConnections(NINA)).toEqual([])
})

test('connection_evicted: Offline, why, and “Reconnect here” brings it back', async ({ page }) => {
  await page.goto(`${DEV}/sign-in`)
  await signInWithPopup(page, 'nina')
  await expect(liveStatus(page)).toHaveText('Live', { timeout: 10_000 })
  await sandboxControl('/rtm/disconnect', { email: NINA, reason: 'connection_evicted' })
  await expect(liveStatus(page)).toHaveText('Offline')
  const alert = page.getByRole('alert').filter({ hasText: 'Live updates are off' })
  await expect(alert).toContainText('replaced this one')
  await page.waitForTimeout(1500)
  expect(await rtmConnections(NINA)).toEqual([])
  await alert.getByRole('button', { name: 'Reconnect here' }).click()
  await expect(liveStatus(page)).toHaveText('Live', { timeout: 10_000 })
})

test('a renewed token moves to the live socket with update_session: the same connection stays Live', async ({
  page,
}) => {
  // Tokens of 6 s: the app renews at half-life through the silent iframe.
  await sandboxControl('/options', { tokenLifetime: 6 })
  await page.goto(`${DEV}/sign-in`)
  await signInWithPopup(page, 'nina')
  await expect(liveStatus(page)).toHaveText('Live', { timeout: 10_000 })
  const [before] = await rtmConnections(NINA)
  await expect
    .poll(async () => (await issuedSecrets()).tokens.filter((t) => t.email === NINA).length, {
      timeout: 10_000,
    })
    .toBeGreaterThan(1)
  // Past the first token's end: only update_session can have kept this socket alive.
  await page.waitForTimeout(4000)
  const after = await rtmConnections(NINA)
  expect(after).toHaveLength(1)
  expect(after[0]?.id).toBe(before?.id)
  await expect(liveStatus(page)).toHaveText('Live')
})

test('a personal access token session holds the socket too (login with Basic), and pushes arrive', async ({
  page,
}) => {
  const pat = (await sandboxControl('/pats', {
    account: NINA,
    name: `live-${Date.now()}`,
    scopes: AGENT_SCOPES,
  })) as { base64: string }
  const chatId = await ninasChat()
  await page.goto(`${DEV}/chats/${chatId}`)
  await page.getByRole('button', { name: 'Use a personal access token' }).click()
  await page.getByLabel('Personal access token').fill(pat.base64)
  await page.getByRole('button', { name: 'Sign in with token' }).click()
  await expect(liveStatus(page)).toHaveText('Live', { timeout: 10_000 })
  expect(await rtmConnections(NINA)).toEqual([
    expect.objectContaining({ credential: 'pat', logged_in: true }),
  ])
  const text = `Hello PAT agent ${Date.now()}`
  await customer('message', { chat_id: chatId, text })
  await expect(conversation(page).getByText(text)).toBeVisible({ timeout: 3000 })
})
