// Issue 4 in real Chromium, beyond tests/e2e/workspace.spec.ts: what the retry policy does on
// the wire (SECURITY.md cases #44, #45, #48, #53, #55, #57), Olivia's view of
// the chats list, and axe on the states that page-by-page sweeps miss (errors, supervisor table).
import type { Page } from '@playwright/test'
import {
  DEV,
  PERSONAS,
  expect,
  sandboxControl,
  signInWithPopup,
  test,
  type PersonaKey,
} from './fixtures'
import { chatList, chatListGroups } from './live-fixtures'
import { expectNoAxeViolations } from './axe'

const LIST_CHATS = '/v3.6/agent/action/list_chats'
const LIST_AGENTS = '/v3.6/configuration/action/list_agents'

async function signIn(page: Page, persona: PersonaKey) {
  await page.goto(`${DEV}/`)
  await signInWithPopup(page, persona)
}

async function requests(path: string): Promise<{ at: number; status?: number }[]> {
  const body = (await sandboxControl(
    `/requests?path=${encodeURIComponent(path)}`,
    undefined,
    'GET',
  )) as {
    requests: { path: string; at: number; status?: number }[]
  }
  return body.requests.filter((r) => r.path === path)
}

/** The chat list's group names, once they are names (not "Group 7" before the groups load). */
async function groupColumn(page: Page): Promise<string[]> {
  await expect(chatList(page).getByText(/Group \d+ ·/)).toHaveCount(0)
  return chatListGroups(page)
}

test('Olivia (all groups) sees chats of every group in her chats list', async ({ page }) => {
  await signIn(page, 'olivia')
  await page.getByRole('link', { name: 'Chats' }).click()
  expect(await groupColumn(page)).toEqual(['General', 'Sales', 'Support'])
})

test('#48: a 429 is waited out for Retry-After seconds, with a status line, then the data shows', async ({
  page,
}) => {
  await signIn(page, 'nina')
  await sandboxControl('/faults', { path: LIST_CHATS, status: 429, count: 1, retryAfter: '2' })
  await page.getByRole('link', { name: 'Chats' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: /rate-limiting requests\. Retrying in 2 s/ }),
  ).toBeVisible()
  await expect(chatList(page)).toBeVisible({ timeout: 10_000 })
  const [limited, retried] = await requests(LIST_CHATS)
  expect(limited?.status).toBe(429)
  expect(retried?.status).toBe(200)
  expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(2000)
})

test('#53: a failing read is tried 4 times in all, then an error with Retry (axe-clean), then it recovers', async ({
  page,
}) => {
  await signIn(page, 'nina')
  await sandboxControl('/faults', { path: LIST_AGENTS, status: 503, count: 50 })
  await page.getByRole('link', { name: 'Team' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load the agents' })
  await expect(alert).toBeVisible({ timeout: 20_000 })
  expect(await requests(LIST_AGENTS)).toHaveLength(4)
  await expectNoAxeViolations(page)
  await sandboxControl('/faults', undefined, 'DELETE')
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('rowheader', { name: 'Nina Agent' })).toBeVisible()
  await expect(alert).toHaveCount(0)
})

test('#44/#45: several parallel 401s give exactly one silent re-auth and the page loads', async ({
  page,
}) => {
  await signIn(page, 'nina')
  // The API refuses the token for the Team page's two calls at once (list_agents and
  // list_routing_statuses; the groups are cached from the home page). A revocation itself would
  // reach the live socket first, which ends the session with the reason (live-workspace.spec.ts).
  await sandboxControl('/faults', { path: '/v3.6/*', status: 401, count: 2 })
  // The team page sends three requests at once: list_agents, list_routing_statuses, list_groups.
  await page.getByRole('link', { name: 'Team' }).click()
  await expect(page.getByRole('rowheader', { name: 'Sam Support' })).toBeVisible({
    timeout: 15_000,
  })
  await expect(page.getByRole('table', { name: 'Groups' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  const { tokens } = (await sandboxControl('/tokens', undefined, 'GET')) as {
    tokens: { email: string; revoked: boolean }[]
  }
  // One re-auth for all of them: a second token, not four.
  expect(tokens.filter((t) => t.email === PERSONAS.nina.email)).toHaveLength(2)
})

test('#55: the network failing shows "Could not reach LiveChat" with Retry, keeps the agent signed in, and recovers', async ({
  page,
}) => {
  await signIn(page, 'nina')
  await page.route(`**${LIST_CHATS}`, (route) => route.abort('internetdisconnected'))
  await page.getByRole('link', { name: 'Chats' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'Could not reach LiveChat' })
  await expect(alert).toBeVisible({ timeout: 20_000 })
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await page.unroute(`**${LIST_CHATS}`)
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(chatList(page)).toBeVisible()
})

test('#57: signing out while a request is in flight aborts it; nothing is sent afterwards', async ({
  page,
  consoleLines,
}) => {
  await signIn(page, 'nina')
  await sandboxControl('/faults', {
    path: '/v3.6/agent/action/list_archives',
    status: 200,
    count: 1,
    delayMs: 3000,
    json: { chats: [], found_chats: 0 },
  })
  await page.getByRole('link', { name: 'Archives' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Loading archives' })).toBeVisible()
  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(page.getByRole('button', { name: /popup/i })).toBeVisible()
  const signedOutAt = Date.now()
  await page.waitForTimeout(3500)
  const late = (await requests('/v3.6/agent/action/list_chats')).concat(
    await requests('/v3.6/agent/action/list_archives'),
  )
  expect(late.filter((r) => r.at > signedOutAt + 100)).toEqual([])
  expect(consoleLines.filter((line) => line.startsWith('pageerror'))).toEqual([])
})

test('axe: Olivia’s supervisor table and a chat thread with its composer', async ({ page }) => {
  await signIn(page, 'olivia')
  await page.getByRole('link', { name: 'Supervisor' }).click()
  const popupPromise = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Request access' }).click()
  await (await popupPromise).getByRole('button', { name: 'Allow', exact: true }).click()
  await expect(page.getByRole('table', { name: 'All chats of the license' })).toBeVisible()
  // Nothing is loading (the header's connection status and the typing line are statuses too).
  await expect(page.getByRole('status').filter({ hasText: /loading/i })).toHaveCount(0)
  await expectNoAxeViolations(page)
  await page.getByRole('table').getByRole('link').first().click()
  await expect(page.getByRole('log', { name: 'Conversation' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /loading/i })).toHaveCount(0)
  await expectNoAxeViolations(page)
})
