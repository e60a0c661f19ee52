// Issue 21: the app as LiveChat Agent App widgets, inside the sandbox's Agent App (its /agent-app
// page speaks the host side of the Agent App SDK's protocol), against the production build under
// its production headers (vite preview). LiveChat's own SDK runs in the widget.
import { readFileSync } from 'node:fs'
import type { Frame, FrameLocator, Page } from '@playwright/test'
import {
  completeAccountsSignIn,
  expect,
  issuedSecrets,
  PREVIEW,
  SANDBOX,
  sandboxControl,
  test,
} from './fixtures'

/** `WIDGET_SCREENSHOTS=1` regenerates the README's picture from these runs; npm test never does. */
const SCREENSHOTS = process.env['WIDGET_SCREENSHOTS'] === '1'
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8')
const FINGERPRINT = '@@livechat/postmessenger'

/**
 * Records every Agent App protocol frame each window receives (host and widget alike) and the
 * console of every frame; the returned sweep checks them, and the widget's storage, cookies and
 * URL, for every secret the sandbox issued.
 */
async function watchForWidgetLeaks(page: Page) {
  const consoleLines: string[] = []
  page.on('console', (message) => consoleLines.push(message.text()))
  await page.addInitScript((fingerprint) => {
    const seen: string[] = []
    ;(window as unknown as { __agentAppTraffic: string[] }).__agentAppTraffic = seen
    window.addEventListener('message', (event) => {
      if (event.data && event.data[fingerprint]) seen.push(JSON.stringify(event.data))
    })
  }, FINGERPRINT)
  return async (frame: Frame, expected: { messages: string[] }) => {
    const { secrets } = await issuedSecrets()
    expect(secrets.length).toBeGreaterThan(0)
    const messages = [...(await traffic(page.mainFrame())), ...(await traffic(frame))]
    for (const kind of expected.messages) expect(messages.some((m) => m.includes(kind))).toBe(true)
    const places = {
      'Agent App messages': messages.join('\n'),
      'widget storage': await frameStorage(frame),
      console: consoleLines.join('\n'),
    }
    for (const secret of secrets)
      for (const [place, text] of Object.entries(places))
        expect(text.includes(secret), `secret found in ${place}`).toBe(false)
  }
}

function agentApp(placement: 'details' | 'fullscreen'): string {
  const url = encodeURIComponent(`${PREVIEW}/widget/${placement}`)
  return `${SANDBOX}/agent-app?placement=${placement}&persona=nina@acme.test&url=${url}`
}

function widgetFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().startsWith(`${PREVIEW}/widget/`))
  if (!frame) throw new Error('no widget frame')
  return frame
}

/** The widget signed out offers the popup only, then Nina signs in through it. */
async function signInInWidget(page: Page, widget: FrameLocator) {
  const signIn = widget.getByRole('button', { name: 'Sign in with LiveChat' })
  await expect(signIn).toBeVisible({ timeout: 15_000 })
  await expect(widget.getByRole('button', { name: /redirect|implicit/i })).toHaveCount(0)
  await expect(
    widget.getByText(/a redirect or the implicit grant would replace this frame/),
  ).toBeVisible()
  const popupPromise = page.waitForEvent('popup')
  await signIn.click()
  await completeAccountsSignIn(await popupPromise, 'nina')
}

/** A popup that may answer at once (LiveChat already knows the agent) or ask who signs in. */
async function answerPopup(popup: Page) {
  await Promise.race([
    popup.waitForEvent('close'),
    completeAccountsSignIn(popup, 'nina').catch(() => undefined),
  ])
}

/** axe-core inside the widget's frame (evaluated, so the production CSP does not stop it). */
async function axeInFrame(frame: Frame): Promise<string[]> {
  await frame.evaluate(`${AXE};undefined`)
  return frame.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> }
      }
    ).axe
    const result = await axe.run()
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`)
  })
}

/** Where a token could hide in the widget's frame: storage, cookies, IndexedDB, its URL. */
async function frameStorage(frame: Frame): Promise<string> {
  return frame.evaluate(async () => {
    const storage = (s: Storage) => Object.keys(s).map((k) => `${k}=${s.getItem(k) ?? ''}`)
    const databases = await indexedDB.databases()
    return [
      ...storage(localStorage),
      ...storage(sessionStorage),
      document.cookie,
      ...databases.map((d) => d.name ?? ''),
      location.href,
    ].join('\n')
  })
}

const traffic = (frame: Frame) =>
  frame.evaluate(() => (window as unknown as { __agentAppTraffic: string[] }).__agentAppTraffic)

test('W2 W4 the details widget signs in by popup, shows the picked chat’s customer with previous chats, and Insert greeting reaches the message box; nothing leaks', async ({
  page,
}) => {
  const expectNoWidgetLeaks = await watchForWidgetLeaks(page)
  await page.goto(agentApp('details'))
  const widget = page.frameLocator('iframe[title="App widget"]')
  await signInInWidget(page, widget)
  await expect(widget.getByText('Open a chat in LiveChat to see its customer here.')).toBeVisible()

  // Picking a chat in the Agent App: the widget shows that customer as LiveChat's API knows them.
  const chat = page.getByRole('region', { name: 'Chats' }).getByRole('button').first()
  const customer = ((await chat.locator('.aa-chat__name').textContent()) ?? '').trim()
  await chat.click()
  await expect(widget.getByRole('heading', { name: customer })).toBeVisible()
  const previous = widget.getByRole('region', { name: 'Previous chats' })
  const rows = previous.getByRole('link')
  await expect(rows.first()).toBeVisible()
  const link = rows.first()
  await expect(link).toHaveAttribute('target', '_blank')
  expect(await link.getAttribute('href')).toMatch(/^\/chats\/[A-Z0-9]+$/)
  await expect(link.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/)
  // Newest first.
  const dates = await rows
    .locator('time')
    .evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''))
  expect([...dates].sort().reverse()).toEqual(dates)

  await widget.getByRole('button', { name: 'Insert greeting' }).click()
  await expect(page.getByLabel('Message box')).toHaveValue(`Hi ${customer.split(' ')[0]}, `)

  const frame = widgetFrame(page)
  expect(await axeInFrame(frame)).toEqual([])
  if (SCREENSHOTS) {
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.screenshot({ path: 'docs/agent-app-details-widget.png', animations: 'disabled' })
  }

  // W2: a forged profile (an id this agent cannot see, a name with markup) is a plain sentence.
  await page.getByText('Developer tools').click()
  await page.getByRole('button', { name: 'Send event' }).click()
  await expect(
    widget.getByText(
      'LiveChat does not show you this chat’s customer, so there is nothing to show here.',
    ),
  ).toBeVisible()
  await expect(widget.getByRole('heading', { name: customer })).toHaveCount(0)
  await expect(widget.locator('img')).toHaveCount(0)
  await expect(widget.getByRole('button', { name: 'Insert greeting' })).toHaveCount(0)

  // W4: a host that asks for the token gets nothing: the widget sends no message in answer.
  const log = page.getByRole('list', { name: 'Messages from the widget' }).getByRole('listitem')
  const sent = await log.count()
  for (const name of ['access_token', 'get_token', 'session']) {
    await page.getByLabel('Event name (after livechat:)').fill(name)
    await page.getByLabel('Event data (JSON)').fill('{"reply_to":"https://evil.example"}')
    await page.getByRole('button', { name: 'Send event' }).click()
  }
  // A barrier: the real chat again, which the widget handles after the requests before it.
  await chat.click()
  await expect(widget.getByRole('heading', { name: customer })).toBeVisible()
  await expect(log).toHaveCount(sent)

  // W4: no token in any Agent App message either way, nor in the widget's storage or console.
  await expectNoWidgetLeaks(frame, { messages: ['plugin_inited', 'put_message'] })
})

test('W3 a flood of customer_profile messages costs a bounded number of lookups, and the last one wins', async ({
  page,
}) => {
  await page.goto(agentApp('details'))
  const widget = page.frameLocator('iframe[title="App widget"]')
  await signInInWidget(page, widget)
  const lookups: string[] = []
  page.context().on('request', (request) => {
    if (request.url().endsWith('/v3.6/agent/action/get_customer')) lookups.push(request.url())
  })
  const chat = page.getByRole('region', { name: 'Chats' }).getByRole('button').first()
  const customer = ((await chat.locator('.aa-chat__name').textContent()) ?? '').trim()
  const profile = JSON.parse((await page.locator('#aa-data').textContent()) ?? '{}').chats[0]
    .profile as Record<string, unknown>
  // 300 forged profiles, each a different id, then the real one: as fast as the host can send.
  await page.getByText('Developer tools').click()
  await page.evaluate((real) => {
    const input = document.getElementById('aa-event-json') as HTMLTextAreaElement
    const send = document.getElementById('aa-send-event') as HTMLButtonElement
    for (let i = 0; i < 300; i += 1) {
      input.value = JSON.stringify({ id: `flood-${i}`, name: `Flood ${i}` })
      send.click()
    }
    input.value = JSON.stringify(real)
    send.click()
  }, profile)
  await expect(widget.getByRole('heading', { name: customer })).toBeVisible()
  // One lookup per 250 ms at most while it lasts: far fewer than the 301 messages.
  expect(lookups.length).toBeLessThanOrEqual(5)
})

test('the fullscreen widget shows the app’s own pages and navigation, its badge follows the unread total, and the flow lab measures which flows work inside it', async ({
  page,
}) => {
  // Three sign-ins, a page that refuses a frame and a return: more than the default 30 s.
  test.setTimeout(60_000)
  // Four sign-ins in a few seconds (the widget's, two lab runs, the return): above LiveChat's
  // three authorize redirects per 30 s, which this test is not about.
  await sandboxControl('/reset', { options: { redirectLimit: 10 } })
  const expectNoWidgetLeaks = await watchForWidgetLeaks(page)
  await page.goto(agentApp('fullscreen'))
  const widget = page.frameLocator('iframe[title="App widget"]')
  await signInInWidget(page, widget)
  const nav = widget.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByRole('link', { name: 'Chats' })).toBeVisible()
  // The Agent App draws the brand: no second brand bar inside it.
  await expect(widget.getByText('LiveChat Workspace', { exact: true })).toBeHidden()
  await expect(widget.getByRole('button', { name: /Notifications/ })).toBeVisible()

  // The badge carries the same total as the app's own title (once the chats and the socket are
  // in): then a customer writes.
  await nav.getByRole('link', { name: 'Chats' }).click()
  await expect(
    widget.getByRole('navigation', { name: 'Chats' }).getByRole('link').first(),
  ).toBeVisible()
  await expect(widget.getByRole('status').filter({ hasText: /^Live$/ })).toBeVisible()
  const frame = widgetFrame(page)
  const badge = page.getByRole('status', { name: 'Notification badge' })
  const unreadInTitle = async () => Number(/^\((\d+)\)/.exec(await frame.title())?.[1] ?? 0)
  const before = await unreadInTitle()
  if (before === 0) await expect(badge).toBeHidden()
  else await expect(badge).toHaveText(String(before))
  await sandboxControl('/customer/chat', { text: 'Hello from inside the Agent App test' })
  await expect.poll(unreadInTitle).toBeGreaterThan(before)
  await expect(badge).toHaveText(String(await unreadInTitle()))

  // The app's routes live below the widget's path: the flow lab is one of them, and runs there.
  await nav.getByRole('link', { name: 'Flow lab' }).click()
  await expect(widget.getByRole('heading', { name: 'Flow lab', level: 1 })).toBeVisible()
  expect(frame.url()).toMatch(/\/widget\/fullscreen\/flows$/)
  expect(await axeInFrame(frame)).toEqual([])
  const runStatus = widget.getByRole('status').filter({ hasText: /run:/ })
  const run = widget.getByRole('button', { name: 'Run', exact: true })
  await widget.getByRole('radio', { name: /^Popup/ }).check()
  const popupPromise = page.waitForEvent('popup')
  await run.click()
  await answerPopup(await popupPromise)
  await expect(runStatus).toHaveText(/Popup.*run: completed/, { timeout: 15_000 })

  // A redirect that must show LiveChat's consent page: the frame leaves for it, and the page
  // refuses to be framed (Chromium shows its error page instead). The agent reopens the lab.
  await widget.getByRole('radio', { name: /^Redirect/ }).check()
  await widget.getByRole('checkbox', { name: /prompt=consent/ }).check()
  await run.click()
  await expect
    .poll(() => frame.url(), { timeout: 15_000 })
    .not.toMatch(/^http:\/\/localhost:4173\//)
  await frame.goto(`${PREVIEW}/widget/fullscreen/flows?plugin_id=sandbox-widget&theme=light`)
  const signInAgain = widget.getByRole('button', { name: 'Sign in with LiveChat' })
  const lab = widget.getByRole('heading', { name: 'Flow lab', level: 1 })
  await expect(signInAgain.or(lab)).toBeVisible({ timeout: 15_000 })
  if (await signInAgain.isVisible()) {
    const again = page.waitForEvent('popup')
    await signInAgain.click()
    await answerPopup(await again)
  }
  await expect(runStatus).toHaveText(/Redirect.*run: failed/, { timeout: 15_000 })
  const qualities = widget.getByRole('table', { name: 'What else differed' })
  const inWidget = (flow: RegExp) =>
    qualities.getByRole('row', { name: flow }).getByRole('cell').last()
  await expect(inWidget(/^Popup/)).toHaveText('Ran framed: it worked')
  await expect(inWidget(/^Redirect/)).toHaveText(
    /^Ran framed: it failed\. The frame left for LiveChat’s page and came back without an answer/,
  )
  // W4: after three sign-ins, the live socket and the lab's kept runs, no Agent App message (the
  // badge's too), nothing in the widget's storage and no console line holds a token.
  await expectNoWidgetLeaks(frame, { messages: ['plugin_inited', 'notification_badge'] })
  if (SCREENSHOTS) {
    await nav.getByRole('link', { name: 'Chats' }).click()
    await expect(widget.getByRole('navigation', { name: 'Chats' })).toBeVisible()
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.screenshot({ path: 'docs/agent-app-fullscreen-widget.png', animations: 'disabled' })
  }
})

test('W1 only the Agent App origins may frame a widget route; other routes refuse every frame (production headers)', async ({
  page,
}) => {
  const widgetHeaders = (await page.request.get(`${PREVIEW}/widget/details`)).headers()
  expect(widgetHeaders['content-security-policy']).toContain(
    'frame-ancestors https://my.livechatinc.com http://localhost:4010;',
  )
  expect(widgetHeaders['x-frame-options']).toBeUndefined()
  const otherHeaders = (await page.request.get(`${PREVIEW}/chats`)).headers()
  expect(otherHeaders['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(otherHeaders['x-frame-options']).toBe('DENY')

  /** Frames `src` from a page on `host`; the frame, once it has loaded (or been refused). */
  const framedBy = async (host: string, src: string) => {
    await page.goto(`${host}/sandbox/health`)
    await page.evaluate(
      (url) =>
        new Promise<void>((resolve) => {
          const frame = document.createElement('iframe')
          frame.title = 'framed app'
          frame.onload = () => resolve()
          frame.src = url
          document.body.append(frame)
        }),
      src,
    )
    return page.frameLocator('iframe[title="framed app"]')
  }
  // The sandbox's origin is one of this build's Agent App origins: the widget renders there.
  const allowed = await framedBy(SANDBOX, `${PREVIEW}/widget/details?plugin_id=x`)
  await expect(allowed.getByRole('button', { name: 'Sign in with LiveChat' })).toBeVisible({
    timeout: 15_000,
  })
  // The signed-out widget is axe-clean too (the signed-in pages are checked above).
  expect(await axeInFrame(widgetFrame(page))).toEqual([])
  // The same server under another origin may not frame it, and nobody may frame another route:
  // Chromium puts its error page in the frame instead of the app's document.
  const other = SANDBOX.replace('localhost', '127.0.0.1')
  const refused = await framedBy(other, `${PREVIEW}/widget/details?plugin_id=x`)
  await expect(refused.locator('#root')).toHaveCount(0)
  await expect(refused.getByRole('button')).toHaveCount(0)
  const signInPage = await framedBy(SANDBOX, `${PREVIEW}/sign-in`)
  await expect(signInPage.locator('#root')).toHaveCount(0)
})
