// X3, issue 12's load case in real Chromium against the production build: a hundred open chats
// and twenty customer messages a second for thirty seconds over the RTM socket. Nothing is
// lost (every chat's last message and unread count, every message in the open thread), no long
// task passes 200 ms, and the heap stays flat.
import type { Page } from '@playwright/test'
import { PERSONAS, PREVIEW, expect, sandboxControl, signInWithPopup, test } from './fixtures'
import { chatList, conversation, customer, liveStatus } from './live-fixtures'
import { clearLongTasks, longTasks, recordLongTasks } from './long-tasks'

const CHATS = 100
const PER_SECOND = 20
const SECONDS = 30

/** The JS heap after a full garbage collection (Chromium's DevTools protocol), in bytes. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize
}

test('X3 live load: 100 open chats, 20 pushes a second for 30 s: nothing lost, no long task over 200 ms, memory flat', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const { chatIds } = (await sandboxControl('/chats/bulk', {
    count: CHATS,
    eventsPerThread: 10,
    groupId: 0,
  })) as { chatIds: string[] }
  // The bulk chats are served by the first agent of their group: Olivia.
  const stored = (await sandboxControl(`/chats/${chatIds[0]}`, undefined, 'GET')) as {
    users: { id: string; type: string }[]
  }
  expect(stored.users.find((u) => u.type === 'agent')?.id).toBe(PERSONAS.olivia.email)

  await recordLongTasks(page)
  await page.goto(`${PREVIEW}/sign-in`)
  await signInWithPopup(page, 'olivia')
  const open = chatIds[0] as string
  await page.getByRole('link', { name: 'Chats' }).click()
  await chatList(page).locator(`a[data-chat-id="${open}"]`).click()
  await expect(conversation(page)).toBeVisible({ timeout: 15_000 })
  await expect(liveStatus(page)).toHaveText('Live', { timeout: 15_000 })
  // Every open chat listed (a hundred per page): load the rest.
  const more = page.getByRole('button', { name: 'Load more chats' })
  if (await more.isVisible()) await more.click()
  await expect(page.getByText('That is every open chat.')).toBeVisible({ timeout: 15_000 })
  for (const chatId of chatIds)
    await expect(chatList(page).locator(`a[data-chat-id="${chatId}"]`)).toHaveCount(1)
  await clearLongTasks(page)
  const heapBefore = await heapAfterGc(page)

  // Twenty messages a second, round robin over the hundred chats, each from its customer.
  const sent = new Map<string, string[]>()
  const posts: Promise<unknown>[] = []
  const start = Date.now()
  let heapMidway = 0
  for (let n = 0; n < PER_SECOND * SECONDS; n++) {
    const due = start + (n * 1000) / PER_SECOND
    const wait = due - Date.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    const chatId = chatIds[n % CHATS] as string
    const text = `Load push ${n + 1} to ${chatId}`
    sent.set(chatId, [...(sent.get(chatId) ?? []), text])
    posts.push(customer('message', { chat_id: chatId, text }))
    if (n === PER_SECOND * 10) heapMidway = await heapAfterGc(page)
  }
  await Promise.all(posts)
  const seconds = (Date.now() - start) / 1000
  expect(seconds).toBeLessThan(SECONDS + 5)

  // Nothing lost: the open thread has every message sent to it, in order…
  const mine = sent.get(open) ?? []
  await expect(conversation(page).getByText(mine.at(-1) as string)).toBeVisible({ timeout: 10_000 })
  const shown = await conversation(page).locator('li').allTextContents()
  const positions = mine.map((text) => shown.findIndex((line) => line.includes(text)))
  expect(positions.every((p) => p >= 0)).toBe(true)
  expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  // …and every other chat's row shows its last message and counts each one as unread.
  for (const chatId of chatIds.slice(1)) {
    const texts = sent.get(chatId) ?? []
    const row = chatList(page).locator(`a[data-chat-id="${chatId}"]`)
    await expect(row).toContainText(texts.at(-1) as string)
    await expect(row).toContainText(`${texts.length} unread`)
  }

  const tasks = await longTasks(page)
  const longest = Math.max(0, ...tasks)
  const heapAfter = await heapAfterGc(page)
  test.info().annotations.push(
    {
      type: 'longest task',
      description: `${Math.round(longest)} ms of ${tasks.length} long tasks`,
    },
    {
      type: 'heap after GC',
      description: `${(heapBefore / 1e6).toFixed(1)} → ${(heapMidway / 1e6).toFixed(1)} → ${(heapAfter / 1e6).toFixed(1)} MB`,
    },
  )
  expect(longest, `long tasks: ${tasks.map(Math.round).join(', ')} ms`).toBeLessThan(200)
  // Flat: the last twenty seconds (400 more messages) add no more than a few MB to the heap.
  expect(heapAfter - heapMidway).toBeLessThan(5e6)
})
