// The main thread's long tasks (PerformanceObserver 'longtask'), for the load tests.
import type { Page } from '@playwright/test'

/** Records every long task (PerformanceObserver 'longtask') from the first script on. */
export async function recordLongTasks(page: Page) {
  await page.addInitScript(() => {
    const tasks: number[] = []
    ;(window as unknown as { __longTasks: number[] }).__longTasks = tasks
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration)
    }).observe({ type: 'longtask', buffered: true })
  })
}

export function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => [...(window as unknown as { __longTasks: number[] }).__longTasks])
}

export function clearLongTasks(page: Page): Promise<void> {
  return page.evaluate(() => {
    ;(window as unknown as { __longTasks: number[] }).__longTasks.length = 0
  })
}
