// The Flow lab (/flows, issues 5 and 14) in Chromium against the sandbox: each flow's run draws
// its sequence diagram (read from the SVG's accessible structure: lanes, then arrows in order),
// the redirect's page leave survives the round trip, a blocked popup ends the diagram in red,
// Run all fills the comparison charts, the shared Markdown and JSON hold nothing secret, axe is
// clean in light and dark, and the lab's chunk stays within its byte budget.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import type { Locator, Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import {
  DEV,
  PREVIEW,
  SANDBOX,
  completeAccountsSignIn,
  expect,
  expectNoLeaks,
  issuedSecrets,
  PERSONAS,
  test,
} from './fixtures'

/** `LAB_SCREENSHOTS=1` regenerates the README's pictures from these runs; npm test never does. */
const SCREENSHOTS = process.env['LAB_SCREENSHOTS'] === '1'

async function shoot(page: Page, heading: string, file: string) {
  if (!SCREENSHOTS) return
  await page.setViewportSize({ width: 1280, height: 900 })
  const section = page.getByRole('region', { name: heading, exact: true })
  await section.scrollIntoViewIfNeeded()
  await section.screenshot({ path: `docs/${file}`, animations: 'disabled' })
}

async function openLab(page: Page) {
  await page.goto(`${DEV}/flows`)
  await expect(page.getByRole('heading', { name: 'Flow lab', level: 1 })).toBeVisible()
}

async function choose(page: Page, flow: RegExp, responseType?: 'token' | 'code + PKCE') {
  await page.getByRole('radio', { name: flow }).check()
  if (responseType) await page.getByRole('radio', { name: responseType, exact: true }).check()
}

function run(page: Page) {
  return page.getByRole('button', { name: 'Run', exact: true })
}

function status(page: Page) {
  return page.getByRole('status').filter({ hasText: /run:/ })
}

function diagram(page: Page): Locator {
  return page.getByRole('group', { name: /^Sequence diagram of the/ })
}

/** The names in an accessibility snapshot, for one role, in document order. */
function namesOf(snapshot: string, role: string): string[] {
  const names: string[] = []
  // A line reads `- role "name"`, quoted as a YAML string when the name has a colon.
  const pattern = new RegExp(`^\\s*- '?${role} "(.*?)"( \\[|'?:?$)`, 'gm')
  for (const match of snapshot.matchAll(pattern)) names.push((match[1] ?? '').replace(/''/g, "'"))
  return names
}

async function lanes(page: Page): Promise<string[]> {
  return namesOf(
    await diagram(page).getByRole('list', { name: 'Lanes' }).ariaSnapshot(),
    'listitem',
  )
}

/** Every arrow's accessible name ("+12 ms, App tab to Popup window: window.open()"), in order. */
async function arrows(page: Page): Promise<string[]> {
  const list = diagram(page).getByRole('list', { name: 'Messages, in time order' })
  return namesOf(await list.ariaSnapshot(), 'button')
}

/** The arrows' messages without their times, to compare the order. */
async function messages(page: Page): Promise<string[]> {
  return (await arrows(page)).map((name) => name.replace(/^\+\d+ ms, /, ''))
}

function expectInOrder(list: string[], expected: (string | RegExp)[]) {
  let from = 0
  for (const item of expected) {
    const index = list.findIndex(
      (entry, i) =>
        i >= from && (typeof item === 'string' ? entry.includes(item) : item.test(entry)),
    )
    expect(
      index,
      `${String(item)} after position ${from} in\n${list.join('\n')}`,
    ).toBeGreaterThanOrEqual(from)
    from = index + 1
  }
}

/** A full-page flow on the sandbox's pages: Nina (and Allow) when asked, then back to /flows. */
async function passAccountsPages(page: Page) {
  // The run leaves the lab for LiveChat: wait for it to go (a run that already went, and came
  // straight back because LiveChat knew the agent, leaves nothing to wait for).
  if (new URL(page.url()).origin !== SANDBOX) {
    await page
      .waitForEvent('framenavigated', {
        predicate: (frame) => frame === page.mainFrame(),
        timeout: 5000,
      })
      .catch(() => undefined)
  }
  if (new URL(page.url()).origin === SANDBOX) {
    const nina = page.getByRole('button', { name: PERSONAS.nina.name, exact: true })
    if (await nina.isVisible({ timeout: 2000 }).catch(() => false)) await nina.click()
    const allow = page.getByRole('button', { name: 'Allow', exact: true })
    if (await allow.isVisible({ timeout: 1500 }).catch(() => false)) await allow.click()
  }
  await page.waitForURL(`${DEV}/flows`)
}

/**
 * The comparison's critical path and its count (the bench's definition). On the dev server the
 * workspace's own requests (the account, then the header's organizations once the workspace has
 * loaded) can land between /v2/info and the lab's call, and then count as one more each: the path
 * is checked for the protocol's requests, in order, and the count for its length.
 */
async function expectCriticalPath(page: Page, flow: string, floor: number, protocol: string[]) {
  const cell = (measure: string) =>
    page.locator(`td[data-flow="${flow}"][data-measure="${measure}"]`)
  const path = ((await cell('path').textContent()) ?? '').split(' → ')
  expectInOrder(path, protocol)
  expect(path[0]).toBe(protocol[0])
  expect(path.at(-1)).toBe(protocol.at(-1))
  expect(path.length).toBeLessThanOrEqual(protocol.length + 2)
  await expect(cell('roundTrips')).toHaveText(`${path.length} (floor ${floor})`)
}

async function runPopup(page: Page, consent: 'Allow' | 'Deny' = 'Allow') {
  const popupPromise = page.waitForEvent('popup')
  await run(page).click()
  await completeAccountsSignIn(await popupPromise, 'nina', consent)
}

test('popup (token): lanes and arrows in order, details in the side panel, the bench’s round trips', async ({
  page,
  context,
  consoleLines,
}) => {
  await openLab(page)
  await choose(page, /^Popup/, 'token')
  await runPopup(page)
  await expect(status(page)).toHaveText(/Popup \(SDK\) run: completed/, { timeout: 15_000 })
  await expect(diagram(page)).toHaveAccessibleDescription(/completed/)

  expect(await lanes(page)).toEqual(['App tab', 'Popup window', 'Accounts server', 'Agent API'])
  const list = await messages(page)
  expectInOrder(list, [
    'at App tab: Run clicked',
    'App tab to Popup window: window.open() (critical path)',
    'Popup window to Accounts server: GET /: authorize request (critical path)',
    'Accounts server to Popup window: 200: sign-in page',
    'Popup window to Accounts server: POST /signin',
    'Accounts server to Popup window: 200: consent page',
    'Popup window to Accounts server: POST /consent',
    'Popup window to App tab: answer by postMessage (critical path)',
    'App tab to Accounts server: GET /v2/info: validate the token (critical path)',
    'App tab to Agent API: POST /v3.6/agent/action/list_chats: first data (critical path)',
    'Agent API to App tab: 200: the data',
  ])
  // Times only go forward.
  const times = (await arrows(page)).map((name) => Number(/^\+(\d+) ms/.exec(name)?.[1]))
  expect(times).toEqual([...times].sort((a, b) => a - b))

  // Selecting an arrow shows its step in the side panel: the decoded authorize URL, the answer.
  const detail = page.getByRole('complementary', { name: /authorize request|Step details/ })
  await diagram(page)
    .getByRole('button', { name: /GET \/: authorize request/ })
    .click()
  await expect(detail.getByRole('row', { name: /client_id/ })).toContainText(
    '0123456789abcdef0123456789abcdef',
  )
  await expect(detail.getByRole('row', { name: /response_type/ })).toContainText('token')
  const answer = diagram(page).getByRole('button', { name: /answer by postMessage/ })
  await answer.focus()
  await page.keyboard.press('Enter')
  await expect(answer).toHaveAttribute('aria-pressed', 'true')
  await expect(
    page.getByRole('complementary').getByRole('row', { name: /access_token/ }),
  ).toContainText(/^access_token.{4}….{2}$/)

  // One round-trip definition with `npm run bench`: 5 for popup (token), floor 4.
  await page.getByText('The comparison as a table').click()
  await expectCriticalPath(page, 'popup', 4, [
    'GET /',
    'POST /signin',
    'POST /consent',
    'GET /v2/info',
    'POST /v3.6/agent/action/list_chats',
  ])
  // The waterfall: one bar per request, its table alternative.
  await page.getByText('The waterfall as a table').click()
  await expect(
    page
      .getByRole('table', { name: /Requests of the/ })
      .getByRole('row', { name: /GET \/v2\/info/ }),
  ).toBeVisible()

  // Signed in by the run: the lab is now inside the workspace's layout and navigation.
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flow lab' }),
  ).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()

  const { secrets } = await issuedSecrets()
  expect(secrets.length).toBeGreaterThan(0)
  await expectNoLeaks(page, context, secrets, consoleLines)
  await expectNoAxeViolations(page)
  await page.getByText('The waterfall as a table').click()
  await page.getByText('The comparison as a table').click()
  await answer.click()
  await shoot(page, 'This run', 'flow-lab-diagram.png')
})

test('redirect (code + PKCE): the page leave and return drawn, surviving the round trip', async ({
  page,
  context,
  consoleLines,
}) => {
  await openLab(page)
  await choose(page, /^Redirect/, 'code + PKCE')
  await run(page).click()
  await passAccountsPages(page)
  await expect(status(page)).toHaveText(/Redirect \(SDK\) run: completed/, { timeout: 15_000 })
  expect(await lanes(page)).toEqual([
    'App tab',
    'Same tab, left for LiveChat',
    'Accounts server',
    'Agent API',
  ])
  expectInOrder(await messages(page), [
    'at App tab: Run clicked',
    'at App tab: state generated',
    'App tab to Same tab, left for LiveChat: page left for the authorize URL (critical path)',
    'Same tab, left for LiveChat to Accounts server: GET /: authorize request',
    'POST /signin',
    'POST /consent',
    'Accounts server to App tab: 302: back to the app, the answer in the URL (critical path)',
    'at App tab: page loaded again (full reload) (critical path)',
    'at App tab: answer read from the URL',
    'at App tab: state verified',
    'App tab to Accounts server: POST /v2/token: code exchange (PKCE) (critical path)',
    'App tab to Accounts server: GET /v2/info',
    'App tab to Agent API: POST /v3.6/agent/action/list_chats: first data',
  ])
  // Recorded before the page left: the decoded authorize URL is still there after the reload.
  await diagram(page)
    .getByRole('button', { name: /page left for the authorize URL/ })
    .click()
  await expect(
    page.getByRole('complementary').getByRole('row', { name: /code_challenge_method/ }),
  ).toContainText('S256')
  await page.getByText('The comparison as a table').click()
  await expectCriticalPath(page, 'redirect', 5, [
    'GET /',
    'POST /signin',
    'POST /consent',
    'POST /v2/token',
    'GET /v2/info',
    'POST /v3.6/agent/action/list_chats',
  ])
  await expect(page.locator('td[data-flow="redirect"][data-measure="pageReload"]')).toHaveText(
    /^Yes/,
  )
  const { secrets } = await issuedSecrets()
  expect(secrets.length).toBeGreaterThan(0)
  await expectNoLeaks(page, context, secrets, consoleLines)
})

test('a blocked popup ends the diagram in red with its reason; a denied consent too', async ({
  page,
}) => {
  await openLab(page)
  await choose(page, /^Popup/, 'token')
  // A blocker makes window.open return null.
  await page.evaluate(() => {
    window.open = () => null
  })
  await run(page).click()
  await expect(status(page)).toHaveText(/run: failed/, { timeout: 15_000 })
  const end = diagram(page).getByRole('listitem', { name: /^Failed at \+\d+ ms: .*popup_blocked/ })
  await expect(end).toBeVisible()
  const red = await end.locator('rect').evaluate((rect) => getComputedStyle(rect).stroke)
  expect(red).toBe('rgb(179, 38, 30)')
  await expect(diagram(page)).toHaveAccessibleDescription(/failed: .*popup_blocked/)
  await page.getByText('The comparison as a table').click()
  await expect(page.locator('td[data-flow="popup"][data-measure="popupBlocked"]')).toHaveText(
    /^Measured: failed at once/,
  )

  await page.reload()
  await page.getByRole('checkbox', { name: /prompt=consent/ }).check()
  await runPopup(page, 'Deny')
  await expect(status(page)).toHaveText(/run: failed/, { timeout: 15_000 })
  expectInOrder(await messages(page), ['POST /consent', /error by postMessage.*failed/])
  await expect(
    diagram(page).getByRole('listitem', { name: /^Failed at .*access_denied/ }),
  ).toBeVisible()
})

test('Run all: popup, redirect, implicit, ending on the filled comparison; shared results hold no secret', async ({
  page,
  context,
  consoleLines,
}) => {
  test.setTimeout(90_000)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: DEV })
  await openLab(page)
  const firstData = page.getByRole('img', { name: /^Time to first data/ })
  await expect(firstData).toHaveAccessibleName(/Popup not run yet, Redirect not run yet/)

  const popupPromise = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Run all' }).click()
  await completeAccountsSignIn(await popupPromise, 'nina')
  // The lab goes on by itself: the redirect run leaves the page, then the implicit one.
  await passAccountsPages(page)
  await expect(status(page)).toHaveText(/Redirect \(SDK\) run: completed|Implicit/, {
    timeout: 15_000,
  })
  await passAccountsPages(page)
  await expect(status(page)).toHaveText(/Run all completed/, { timeout: 15_000 })
  await expect(page.getByRole('heading', { name: 'Comparison', level: 2 })).toBeFocused()

  for (const title of ['Time to token', 'Time to validated session', 'Time to first data'])
    await expect(page.getByRole('img', { name: new RegExp(`^${title}`) })).toHaveAccessibleName(
      /Popup \d+ ms, Redirect \d+ ms, Implicit grant \d+ ms$/,
    )
  await expect(page.getByRole('img', { name: /^Round trips/ })).toHaveAccessibleName(
    /Popup \d \(floor 4\), Redirect \d \(floor 4\), Implicit grant \d \(floor 4\)$/,
  )
  await expect(firstData.locator('[data-bar] rect')).toHaveCount(3)

  await page.getByRole('button', { name: 'Copy comparison as Markdown' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'copied' })).toBeVisible()
  const markdown = await page.evaluate(() => navigator.clipboard.readText())
  expect(markdown).toMatch(/\| Time to first data \| \d+ ms \| \d+ ms \| \d+ ms \|/)

  const downloadPromise = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download run as JSON' }).click()
  const download = await downloadPromise
  const json = readFileSync((await download.path()) ?? '', 'utf8')
  expect(JSON.parse(json)).toMatchObject({ kind: 'livechat-flow-lab-run', status: 'done' })

  const { secrets, tokens } = await issuedSecrets()
  expect(tokens.length).toBeGreaterThanOrEqual(3)
  for (const shared of [markdown, json]) {
    for (const secret of secrets) expect(shared).not.toContain(secret)
    expect(shared).not.toContain('dal:')
    expect(shared).not.toMatch(/code_verifier/)
  }
  await expectNoLeaks(page, context, secrets, consoleLines)
  await shoot(page, 'Comparison', 'flow-lab-comparison.png')
  await page.emulateMedia({ colorScheme: 'dark' })
  await shoot(page, 'Comparison', 'flow-lab-comparison-dark.png')
})

test('a redirect run, then Run all at once: the lab waits out the sign-in limit, all three complete', async ({
  page,
}) => {
  // The app's loop breaker allows 2 page navigations to LiveChat per 30 s per tab, and LiveChat 3
  // authorize requests per 30 s (the sandbox enforces it, counting popup, redirect and frame
  // alike). Redirect, then popup + redirect + implicit: the implicit run is the third navigation
  // and the fourth request, so it waits until the first redirect leaves both windows. Both windows
  // are the real 30 s: shortening only the sandbox's would not prove the lab counts LiveChat's.
  test.setTimeout(90_000)
  await openLab(page)
  await choose(page, /^Redirect/, 'token')
  await run(page).click()
  await passAccountsPages(page)
  await expect(status(page)).toHaveText(/Redirect \(SDK\) run: completed/, { timeout: 15_000 })

  const popupPromise = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Run all' }).click()
  // Signed in at LiveChat already: the popup answers and closes by itself.
  const popup = await popupPromise
  await expect.poll(() => popup.isClosed(), { timeout: 10_000 }).toBe(true)
  await passAccountsPages(page)
  const timer = page.getByRole('timer')
  await expect(timer).toHaveText(/^Waiting for LiveChat's sign-in limit: \d+ s$/, {
    timeout: 15_000,
  })
  const first = Number((await timer.textContent())?.match(/(\d+) s/)?.[1])
  expect(first).toBeGreaterThan(5)
  expect(first).toBeLessThanOrEqual(31)
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Run all' })).toBeDisabled()
  // A live countdown: it goes down while we look.
  await expect
    .poll(async () => Number((await timer.textContent())?.match(/(\d+) s/)?.[1]), {
      timeout: 5000,
    })
    .toBeLessThan(first)
  await expect(timer).toBeHidden({ timeout: 35_000 })
  await passAccountsPages(page)
  await expect(status(page)).toHaveText(/Run all completed/, { timeout: 15_000 })
  for (const title of ['Time to token', 'Time to first data'])
    await expect(page.getByRole('img', { name: new RegExp(`^${title}`) })).toHaveAccessibleName(
      /Popup \d+ ms, Redirect \d+ ms, Implicit grant \d+ ms$/,
    )
})

test('axe is clean in light and dark, signed out and signed in; the build-up respects reduced motion', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' })
  await openLab(page)
  await expectNoAxeViolations(page)
  await choose(page, /^Popup/, 'token')
  await runPopup(page)
  await expect(status(page)).toHaveText(/run: completed/, { timeout: 15_000 })
  const animation = await diagram(page)
    .getByRole('button')
    .first()
    .evaluate((arrow) => getComputedStyle(arrow).animationName)
  expect(animation).toBe('none')
  for (const summary of await page.locator('.lab summary').all()) await summary.click()
  await diagram(page)
    .getByRole('button', { name: /answer by postMessage/ })
    .click()
  await expectNoAxeViolations(page)
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' })
  await expectNoAxeViolations(page)
})

test('the lab chunk stays within its byte budget (bench/budgets.json), measured as loaded', async ({
  page,
}) => {
  const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as {
    routes: Record<string, { chunkMaxGzipBytes: number }>
  }
  const budget = budgets.routes['src/public/flows-page.tsx']?.chunkMaxGzipBytes ?? 0
  expect(budget).toBeLessThanOrEqual(15_000)
  const chunk: Buffer[] = []
  page.on('response', async (response) => {
    if (/\/assets\/flows-page-[\w-]+\.(js|css)$/.test(response.url()))
      chunk.push(await response.body())
  })
  await page.goto(`${PREVIEW}/flows`)
  await expect(page.getByRole('heading', { name: 'Flow lab', level: 1 })).toBeVisible()
  await expect.poll(() => chunk.length).toBe(2)
  const gzip = chunk.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0)
  expect(gzip).toBeLessThanOrEqual(budget)
})
