// The /sandbox control page in a real browser (docs/AGENT-API.md "Control page"): it loads,
// every control is reachable by role and accessible name, axe finds nothing, and a fault added
// through its form makes the next agent API call fail (docs/AGENT-API.md "Fault
// injection"). The sandbox server is shared with other specs, so this one touches only
// `get_group` (which the app never calls) and Ben, who is no sign-in persona.
import { createRequire } from 'node:module'
import { expect, test, type APIRequestContext } from '@playwright/test'
import WebSocket from 'ws'

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
    'Customers',
    'RTM sockets',
    'Tokens',
    'Personal access tokens',
    'Redirect URIs',
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
  // Keyboard: Tab walks from the intro through the Agent App's links to the first control.
  for (const link of ['details widget', 'fullscreen widget']) {
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', { name: link })).toBeFocused()
  }
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

// The live-workspace and PAT sections (issues 11 and 13). Each test starts from a fresh world:
// the other specs reset the shared sandbox themselves before they start.
test.describe('Customers, RTM sockets, personal access tokens, redirect URIs', () => {
  const NINA = 'nina@acme.test'

  test.beforeEach(async ({ request }) => {
    expect((await request.post(`${SANDBOX}/sandbox/reset`, { data: {} })).status()).toBe(200)
  })

  /** An agent's RTM socket, logged in with a fresh token, recording what it receives. */
  async function agentSocket(request: APIRequestContext, email: string) {
    const minted = await request.post(`${SANDBOX}/sandbox/tokens`, { data: { email } })
    const { access_token: token } = (await minted.json()) as { access_token: string }
    const ws = new WebSocket(`ws://localhost:4010/v3.6/agent/rtm/ws`)
    const frames: Record<string, unknown>[] = []
    ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as Record<string, unknown>))
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    await new Promise((resolve) => ws.once('open', resolve))
    ws.send(
      JSON.stringify({
        request_id: 'login',
        action: 'login',
        payload: { token: `Bearer ${token}` },
      }),
    )
    await expect.poll(() => frames.some((f) => f.request_id === 'login' && f.success)).toBe(true)
    const pushes = (action: string) =>
      frames.filter((f) => f.type === 'push' && f.action === action)
    return { ws, frames, closed, pushes, token }
  }

  test('Customers: a chat started from the form reaches an agent’s socket; the customer writes, types and leaves', async ({
    page,
    request,
  }) => {
    const nina = await agentSocket(request, NINA)
    await page.goto(`${SANDBOX}/sandbox`)
    await expect(page.getByRole('heading', { level: 2, name: 'Customers' })).toBeVisible()
    await page.getByRole('combobox', { name: 'Group' }).selectOption('1')
    await page.getByRole('textbox', { name: 'Customer name (optional)' }).fill('Playwright Pat')
    await page.getByRole('textbox', { name: 'First message' }).fill('Hello from the control page')
    await page.getByRole('button', { name: 'Start customer chat' }).click()
    await expect(page.getByRole('status')).toHaveText(/^Customer started chat [A-Z0-9]{10}$/)
    const chatId = (await page.getByRole('status').textContent())?.split(' ').at(-1) as string
    await expect.poll(() => nina.pushes('incoming_chat').length).toBe(1)

    // Nina takes the chat so she hears the customer's messages (members get everything, docs/AGENT-API.md).
    nina.ws.send(
      JSON.stringify({
        action: 'add_user_to_chat',
        payload: {
          chat_id: chatId,
          user_id: NINA,
          user_type: 'agent',
          ignore_requester_presence: true,
        },
      }),
    )
    await expect.poll(() => nina.pushes('user_added_to_chat').length).toBe(1)

    await page.getByRole('combobox', { name: 'Chat', exact: true }).selectOption(chatId)
    await page.getByRole('textbox', { name: 'Message from the customer' }).fill('Are you there?')
    await page.getByRole('button', { name: 'Send as customer' }).click()
    await expect(page.getByRole('status')).toHaveText(`Customer wrote in chat ${chatId}`)
    await expect
      .poll(() =>
        nina
          .pushes('incoming_event')
          .map((f) => (f.payload as { event: { text: string } }).event.text),
      )
      .toContain('Are you there?')

    await page.getByRole('combobox', { name: 'Chat being typed in' }).selectOption(chatId)
    await page.getByRole('textbox', { name: 'Text being typed (optional)' }).fill('I wonder')
    await page.getByRole('button', { name: 'Send typing' }).click()
    await expect.poll(() => nina.pushes('incoming_sneak_peek').length).toBe(1)
    expect(nina.pushes('incoming_typing_indicator')).toHaveLength(1)

    await page.getByRole('combobox', { name: 'Chat to close' }).selectOption(chatId)
    await page.getByRole('button', { name: 'Close chat as customer' }).click()
    await expect(page.getByRole('status')).toHaveText(`Customer left chat ${chatId}`)
    await expect.poll(() => nina.pushes('chat_deactivated').length).toBe(1)
    nina.ws.close()
  })

  test('Customers: the autopilot switch turns it on and off', async ({ page, request }) => {
    await page.goto(`${SANDBOX}/sandbox`)
    await page.getByRole('combobox', { name: 'Automatic customers' }).selectOption('true')
    await page.getByRole('button', { name: 'Save autopilot' }).click()
    await expect(page.getByRole('status')).toHaveText('Options saved')
    await expect(page.getByText('Autopilot is on')).toBeVisible()
    expect(
      ((await (await request.get(`${SANDBOX}/sandbox/options`)).json()) as { autopilot: boolean })
        .autopilot,
    ).toBe(true)
    await page.getByRole('combobox', { name: 'Automatic customers' }).selectOption('false')
    await page.getByRole('button', { name: 'Save autopilot' }).click()
    await expect(page.getByText('Autopilot is off')).toBeVisible()
  })

  test('RTM sockets: listed; Disconnect sends the reason then closes; Drop closes without a word', async ({
    page,
    request,
  }) => {
    const first = await agentSocket(request, NINA)
    await page.goto(`${SANDBOX}/sandbox`)
    const table = page.getByRole('table', { name: 'Open RTM sockets' })
    await expect(table).toContainText(NINA)
    // Each socket is in one organization (Nina's only one).
    await expect(table).toContainText('Acme Support')
    await page.getByRole('combobox', { name: 'Whose sockets' }).selectOption(NINA)
    await page
      .getByRole('combobox', { name: 'Disconnect reason' })
      .selectOption('role_permissions_changed')
    await page.getByRole('button', { name: 'Disconnect sockets' }).click()
    await expect(page.getByRole('status')).toHaveText(
      'Sent role_permissions_changed to 1 socket(s)',
    )
    expect(await first.closed).toBe(1000)
    expect(first.pushes('agent_disconnected').map((f) => f.payload)).toEqual([
      { reason: 'role_permissions_changed' },
    ])

    const second = await agentSocket(request, NINA)
    await page.reload()
    await page.getByRole('combobox', { name: 'Whose sockets' }).selectOption(NINA)
    await page.getByRole('button', { name: 'Drop sockets' }).click()
    await expect(page.getByRole('status')).toHaveText('Dropped 1 socket(s)')
    expect(await second.closed).toBe(1006)
    expect(second.pushes('agent_disconnected')).toEqual([])
    await page.reload()
    await expect(page.getByText('No open RTM sockets.')).toBeVisible()
  })

  test('Personal access tokens: create shows the token once, it works as Basic; revoke ends it', async ({
    page,
    request,
  }) => {
    await page.goto(`${SANDBOX}/sandbox`)
    await expect(
      page.getByRole('heading', { level: 2, name: 'Personal access tokens' }),
    ).toBeVisible()
    await page.getByRole('combobox', { name: 'Token owner' }).selectOption(NINA)
    await page.getByRole('textbox', { name: 'Token name' }).fill('Playwright PAT')
    // The agent set is pre-checked; one more scope, one fewer.
    await page.getByRole('checkbox', { name: 'customers:ro' }).uncheck()
    await expect(page.getByRole('checkbox', { name: 'chats--access:rw' })).toBeChecked()
    await page.getByRole('button', { name: 'Create token' }).click()
    await expect(page.getByRole('status')).toContainText(
      'Created token “Playwright PAT” for Nina Agent',
    )
    const base64 = (
      await page.locator('dt:text-is("Base64 encoded token") + dd').textContent()
    )?.trim() as string
    const token = (
      await page.locator('dt:text-is("Personal access token") + dd').textContent()
    )?.trim() as string
    expect(Buffer.from(base64, 'base64').toString()).toMatch(new RegExp(`:${token}$`))
    // No secret in the address bar: the answer was the page itself.
    expect(page.url()).not.toContain(token)

    const call = () =>
      request.post(`${SANDBOX}/v3.6/agent/action/list_chats`, {
        headers: { Authorization: `Basic ${base64}` },
        data: {},
      })
    expect((await call()).status()).toBe(200)
    const customer = await request.post(`${SANDBOX}/v3.6/agent/action/get_customer`, {
      headers: { Authorization: `Basic ${base64}` },
      data: { id: 'b7eff798-f8df-4364-8059-649c35c9ed0c' },
    })
    expect(customer.status()).toBe(403)

    await page.goto(`${SANDBOX}/sandbox`)
    await expect(page.getByText(token)).toHaveCount(0)
    await expect(page.getByRole('table', { name: 'Personal access tokens' })).toContainText(
      'Playwright PAT',
    )
    await page.getByRole('button', { name: `Revoke Playwright PAT (${NINA})` }).click()
    await expect(page.getByRole('status')).toHaveText(
      'Revoked token "Playwright PAT" of Nina Agent',
    )
    expect((await call()).status()).toBe(401)
  })

  test('Redirect URIs: listed; one added from the form is accepted at authorize, then removed', async ({
    page,
    request,
  }) => {
    await page.goto(`${SANDBOX}/sandbox`)
    const table = page.getByRole('table', { name: 'Redirect URIs of the app’s client' })
    await expect(table).toContainText('http://localhost:5173')
    const authorize = () =>
      request.get(
        `${SANDBOX}/?client_id=0123456789abcdef0123456789abcdef&response_type=token&redirect_uri=${encodeURIComponent('http://localhost:3000/')}&scope=chats--access:rw`,
        { maxRedirects: 0 },
      )
    expect((await authorize()).status()).toBe(302)
    await page.getByRole('textbox', { name: 'Redirect URI' }).fill('http://localhost:3000')
    await page.getByRole('button', { name: 'Add redirect URI' }).click()
    await expect(page.getByRole('status')).toHaveText('Redirect URI http://localhost:3000 added')
    await expect(table).toContainText('added here')
    const accepted = await authorize()
    expect(accepted.status()).toBe(200)
    expect(await accepted.text()).toContain('action="/signin"')

    await page.getByRole('textbox', { name: 'Redirect URI' }).fill('http://localhost:3000/?x=1')
    await page.getByRole('button', { name: 'Add redirect URI' }).click()
    await expect(page.getByRole('alert')).toContainText('may not carry a query')

    await page.getByRole('button', { name: 'Remove http://localhost:3000' }).click()
    await expect(page.getByRole('status')).toHaveText('Redirect URI http://localhost:3000 removed')
    expect((await authorize()).status()).toBe(302)
  })
})
