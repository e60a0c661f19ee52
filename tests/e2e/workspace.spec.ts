// Issue 4: the workspace in real Chromium against the sandbox — group visibility per persona,
// sending a message, archive paging, API faults (429/500/401) and axe on every page.
import type { Page } from '@playwright/test'
import {
  DEV,
  PERSONAS,
  SANDBOX,
  expect,
  sandboxControl,
  signInWithPopup,
  test,
  type PersonaKey,
} from './fixtures'
import { expectNoAxeViolations } from './axe'
import { chatList, chatListGroups } from './live-fixtures'

async function signIn(page: Page, persona: PersonaKey, path = '/') {
  await page.goto(`${DEV}${path}`)
  await signInWithPopup(page, persona)
}

/** The group names shown in a chats table's Group column (the supervisor page). */
async function groupColumn(page: Page): Promise<string[]> {
  const table = page.getByRole('table')
  await expect(table.getByRole('row').nth(1)).toBeVisible()
  const cells = await table
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.slice(1).map((row) => row.querySelectorAll('td')[1]?.textContent ?? ''),
    )
  return [...new Set(cells.flatMap((c) => c.split(', ')).filter(Boolean))].sort()
}

async function apiAs(email: string, method: string, body: object = {}) {
  const minted = (await sandboxControl('/tokens', { email })) as { access_token: string }
  const response = await fetch(`${SANDBOX}/v3.6/agent/action/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${minted.access_token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return response.json()
}

test('Nina sees only chats of her groups (General, Sales)', async ({ page }) => {
  await signIn(page, 'nina', '/chats')
  await expect(page.getByRole('heading', { name: 'Chats', level: 1 })).toBeVisible()
  const groups = await chatListGroups(page)
  expect(groups.length).toBeGreaterThan(0)
  for (const group of groups) expect(['General', 'Sales']).toContain(group)
})

test('Sam sees only Support chats', async ({ page }) => {
  await signIn(page, 'sam', '/chats')
  expect(await chatListGroups(page)).toEqual(['Support'])
})

test('Olivia asks for the supervisor scope and then sees every group', async ({ page }) => {
  await signIn(page, 'olivia', '/supervisor')
  await expect(page.getByRole('heading', { name: /more access/i })).toBeVisible()
  const popupPromise = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Request access' }).click()
  const popup = await popupPromise
  await popup.getByRole('button', { name: 'Allow', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'All chats', level: 1 })).toBeVisible()
  const groups = await groupColumn(page)
  expect(groups).toEqual(expect.arrayContaining(['Support']))
  expect(groups.some((g) => g === 'General' || g === 'Sales')).toBe(true)
})

test('a sent message appears in the thread and in the sandbox', async ({ page }) => {
  const list = (await apiAs(PERSONAS.nina.email, 'list_chats', {
    filters: { active: true },
    limit: 100,
  })) as {
    chats_summary: { id: string; users: { id: string; type: string; present?: boolean }[] }[]
  }
  const chat = list.chats_summary.find((c) =>
    c.users.some((u) => u.id === PERSONAS.nina.email && u.present),
  )
  expect(chat, 'seed has an active chat with Nina in it').toBeDefined()
  await signIn(page, 'nina', `/chats/${chat!.id}`)
  const text = `Thanks for waiting — checking now ${Date.now()}`
  await page.getByRole('textbox', { name: 'Message' }).fill(text)
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('log', { name: 'Conversation' })).toContainText(text)
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('')
  const stored = JSON.stringify(await sandboxControl(`/chats/${chat!.id}`, undefined, 'GET'))
  expect(stored).toContain(text)
})

test('#53 a failed send keeps the text and says why', async ({ page }) => {
  const list = (await apiAs(PERSONAS.nina.email, 'list_chats', {
    filters: { active: true },
    limit: 100,
  })) as {
    chats_summary: { id: string; users: { id: string; present?: boolean }[] }[]
  }
  const chat = list.chats_summary.find((c) =>
    c.users.some((u) => u.id === PERSONAS.nina.email && u.present),
  )
  await signIn(page, 'nina', `/chats/${chat!.id}`)
  await sandboxControl('/faults', { path: '/v3.6/agent/action/send_event', status: 500, count: 1 })
  await page.getByRole('textbox', { name: 'Message' }).fill('Do not lose me')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('alert')).toContainText(/not sent/i)
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('Do not lose me')
})

test('archives paging reaches the end', async ({ page }) => {
  await signIn(page, 'olivia', '/archives')
  await expect(page.getByRole('heading', { name: 'Archives', level: 1 })).toBeVisible()
  const end = page.getByText('You have reached the end of the archives.')
  const more = page.getByRole('button', { name: /^load more/i })
  let pages = 1
  while (!(await end.isVisible())) {
    expect(pages, 'the end comes within 20 pages').toBeLessThan(20)
    await more.click()
    pages += 1
    // Wait for the page to land: either the button is back (more to load) or the end shows.
    await expect(more.or(end)).toBeVisible()
    await expect(page.getByRole('button', { name: /loading more/i })).toHaveCount(0)
  }
  expect(pages).toBeGreaterThan(1)
  await expect(more).toHaveCount(0)
})

test('429 with Retry-After: the chats come after the wait, no error shown', async ({ page }) => {
  await signIn(page, 'nina')
  await sandboxControl('/faults', {
    path: '/v3.6/agent/action/list_chats',
    status: 429,
    count: 1,
    retryAfter: '1',
  })
  await page.getByRole('link', { name: 'Chats' }).click()
  await expect(chatList(page)).toBeVisible({ timeout: 10_000 })
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('#53 500 on a read: a clear error with Retry, and recovery when the fault clears', async ({
  page,
}) => {
  await signIn(page, 'nina')
  await sandboxControl('/faults', {
    path: '/v3.6/configuration/action/list_agents',
    status: 500,
    count: 50,
  })
  await page.getByRole('link', { name: 'Team' }).click()
  const alert = page
    .getByRole('alert')
    .filter({ hasText: /trouble|went wrong|could not/i })
    .first()
  await expect(alert).toBeVisible({ timeout: 20_000 })
  await sandboxControl('/faults', undefined, 'DELETE')
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('rowheader', { name: 'Nina Agent' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
})

test('#44 401 mid-session: one silent re-auth, the data shows and the agent stays signed in', async ({
  page,
}) => {
  await signIn(page, 'nina')
  // The API refuses the token once (a revocation would reach the live socket first, which
  // signs the tab out with the reason: live-workspace.spec.ts).
  await sandboxControl('/faults', {
    path: '/v3.6/configuration/action/list_agents',
    status: 401,
    count: 1,
  })
  await page.getByRole('link', { name: 'Team' }).click()
  await expect(page.getByRole('rowheader', { name: 'Nina Agent' })).toBeVisible({ timeout: 10_000 })
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  const { tokens } = (await sandboxControl('/tokens', undefined, 'GET')) as {
    tokens: { email: string; revoked: boolean }[]
  }
  // The silent re-auth got a second token for Nina.
  expect(tokens.filter((t) => t.email === PERSONAS.nina.email)).toHaveLength(2)
})

test('axe finds nothing on any page', async ({ page }) => {
  await page.goto(`${DEV}/sign-in`)
  await expectNoAxeViolations(page)
  await signInWithPopup(page, 'nina')
  const list = (await apiAs(PERSONAS.nina.email, 'list_chats', { limit: 10 })) as {
    chats_summary: { id: string; users: { id: string; type: string }[] }[]
  }
  const chat = list.chats_summary[0]!
  const customer = chat.users.find((u) => u.type === 'customer')!
  for (const path of [
    '/',
    '/chats',
    `/chats/${chat.id}`,
    '/archives',
    `/customers/${customer.id}`,
    '/team',
    '/session',
    '/supervisor',
    '/no-such-page',
  ]) {
    // In-app navigation: full reloads would each mint a token, and LiveChat allows only three
    // authorize requests per 30 s.
    await page.evaluate((to) => {
      window.history.pushState(null, '', to)
      window.dispatchEvent(new PopStateEvent('popstate'))
    }, path)
    // Settled: the new route's single h1 is there and nothing is loading any more.
    const settled = () =>
      page.waitForFunction(
        (to) =>
          location.pathname === to &&
          document.querySelectorAll('h1').length === 1 &&
          ![...document.querySelectorAll('[role="status"]')].some((el) =>
            /loading/i.test(el.textContent ?? ''),
          ),
        path,
        { timeout: 10_000 },
      )
    await settled()
    await page.waitForTimeout(200)
    await settled()
    await expectNoAxeViolations(page)
  }
})
