// The /sandbox control page in a real browser (sandbox/AGENT-API.md "Control page"): it loads,
// every control is reachable by role and accessible name, axe finds nothing, and a fault added
// through its form makes the next agent API call fail (livechat-agent-api.md §9.5 "Fault
// injection"). The sandbox server is shared with other specs, so this one touches only
// `get_group` (which the app never calls) and Ben, who is no sign-in persona.
import { createRequire } from 'node:module'
import { expect, test, type APIRequestContext } from '@playwright/test'

const SANDBOX = 'http://localhost:4010'
const PATH = '/v3.6/configuration/action/get_group'
const BEN = 'ben@acme.test'

test.use({ bypassCSP: true })

async function mintBenToken(request: APIRequestContext): Promise<string> {
  const minted = await request.post(`${SANDBOX}/sandbox/tokens`, { data: { email: BEN } })
  expect(minted.status()).toBe(200)
  return ((await minted.json()) as { access_token: string }).access_token
}

test.afterEach(async ({ request }) => {
  const faults = (await (await request.get(`${SANDBOX}/sandbox/faults`)).json()) as {
    faults: { id: string; path: string }[]
  }
  for (const fault of faults.faults.filter((f) => f.path === PATH)) {
    await request.delete(`${SANDBOX}/sandbox/faults/${fault.id}`)
  }
})

test('the control page loads and every control is usable by role and name', async ({ page }) => {
  await page.goto(`${SANDBOX}/sandbox`)
  await expect(page).toHaveTitle('LiveChat sandbox control')
  await expect(
    page.getByRole('heading', { level: 1, name: 'LiveChat sandbox control' }),
  ).toBeVisible()
  for (const name of [
    'Latency',
    'Faults',
    'Tokens',
    'Clock',
    'Options',
    'Recent requests',
    'Reset',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible()
  }
  for (const label of [
    'Latency (ms)',
    'Path',
    'Status code',
    'Number of requests',
    'Retry-After (optional)',
    'Advance by (seconds)',
  ]) {
    await expect(
      page.getByRole('textbox', { name: label }).or(page.getByRole('spinbutton', { name: label })),
    ).toBeVisible()
  }
  for (const label of ['HTTP method', 'Body', 'Person', 'API region']) {
    await expect(page.getByRole('combobox', { name: label })).toBeVisible()
  }
  for (const name of [
    'Set latency',
    'Add fault',
    'Expire tokens',
    'Revoke tokens',
    'Advance clock',
    'Save options',
    'Reset sandbox',
  ]) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible()
  }
  // Keyboard: the first control after the intro is reachable with Tab.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('spinbutton', { name: 'Latency (ms)' })).toBeFocused()

  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
  await page.addScriptTag({ path: axePath })
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }
    ).axe
    return (await axe.run()).violations.map((v) => v.id)
  })
  expect(violations).toEqual([])
})

test('a fault added from the page makes the next API call fail, then clears itself', async ({
  page,
  request,
}) => {
  const token = await mintBenToken(request)
  const call = () =>
    request.post(`${SANDBOX}${PATH}`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { id: 1 },
    })
  expect((await call()).status()).toBe(200)

  await page.goto(`${SANDBOX}/sandbox`)
  await page.getByRole('textbox', { name: 'Path' }).fill(PATH)
  await page.getByRole('combobox', { name: 'HTTP method' }).selectOption('POST')
  await page.getByRole('spinbutton', { name: 'Status code' }).fill('503')
  await page.getByRole('spinbutton', { name: 'Number of requests' }).fill('1')
  await page.getByRole('textbox', { name: 'Retry-After (optional)' }).fill('7')
  await page.getByRole('button', { name: 'Add fault' }).click()

  await expect(page.getByRole('status')).toHaveText(`Fault added: 503 on ${PATH}`)
  await expect(page.getByRole('table', { name: 'Active faults' })).toContainText(PATH)

  const failed = await call()
  expect(failed.status()).toBe(503)
  expect(failed.headers()['retry-after']).toBe('7')
  expect(await failed.json()).toEqual({
    error: { type: 'service_unavailable', message: 'Service unavailable' },
  })
  expect((await call()).status()).toBe(200)

  await page.reload()
  await expect(page.getByRole('table', { name: 'Active faults' }).getByText(PATH)).toHaveCount(0)
})

test('revoking a person’s tokens from the page makes their next API call 401', async ({
  page,
  request,
}) => {
  const token = await mintBenToken(request)
  await page.goto(`${SANDBOX}/sandbox`)
  await page.getByRole('combobox', { name: 'Person' }).selectOption(BEN)
  await page.getByRole('button', { name: 'Revoke tokens' }).click()
  await expect(page.getByRole('status')).toHaveText(/^Revoked [1-9]\d* token\(s\)$/)
  const after = await request.post(`${SANDBOX}${PATH}`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { id: 1 },
  })
  expect(after.status()).toBe(401)
  expect(await after.json()).toEqual({
    error: { type: 'authentication', message: 'Invalid access token' },
  })
})
