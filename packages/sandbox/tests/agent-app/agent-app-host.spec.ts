// The sandbox's Agent App against LiveChat's own, unmodified @livechat/agent-app-sdk (its
// browser build) in a widget on another origin (docs/AGENT-APP.md): the SDK's handshake
// completes, a picked chat reaches the widget as `customer_profile`, and what the widget asks
// for (putMessage, setToast, setNotificationBadge) shows in the Agent App. Frames from anything
// but the widget's window are ignored. The widget's origin is served by Playwright's router.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect, test, type Page } from '@playwright/test'

const SANDBOX = 'http://localhost:4010'
const WIDGET_ORIGIN = 'http://127.0.0.1:4999'
const SDK = readFileSync(
  createRequire(import.meta.url).resolve('@livechat/agent-app-sdk/dist/agentapp.umd.min.js'),
  'utf8',
)

/** A minimal widget: the SDK, what it receives, and buttons for what it can ask. */
const WIDGET = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test widget</title>
<script src="/agentapp.umd.min.js"></script></head><body><main>
<p id="state">loading</p><p id="profile"></p>
<button id="put">Put</button><button id="toast">Toast</button><button id="badge">Badge</button>
<script>
const placement = new URLSearchParams(location.search).get('placement')
const create = placement === 'fullscreen' ? LiveChat.createFullscreenWidget : LiveChat.createDetailsWidget
create().then((widget) => {
  document.getElementById('state').textContent = 'connected ' + new URLSearchParams(location.search).get('plugin_id')
  widget.on('customer_profile', (p) => { document.getElementById('profile').textContent = JSON.stringify(p) })
  document.getElementById('put').onclick = () => widget.putMessage('Hi there, ')
  document.getElementById('toast').onclick = () => widget.setToast({ kind: 'success', content: 'Saved' })
  document.getElementById('badge').onclick = () => widget.setNotificationBadge(3)
}, (error) => { document.getElementById('state').textContent = 'failed ' + error })
</script></main></body></html>`

async function serveWidget(page: Page): Promise<void> {
  await page.route(`${WIDGET_ORIGIN}/**`, (route) => {
    const { pathname } = new URL(route.request().url())
    if (pathname === '/agentapp.umd.min.js')
      return route.fulfill({ contentType: 'text/javascript', body: SDK })
    return route.fulfill({ contentType: 'text/html', body: WIDGET })
  })
}

function agentApp(placement: 'details' | 'fullscreen'): string {
  const url = `${WIDGET_ORIGIN}/widget.html?placement=${placement}`
  return `${SANDBOX}/agent-app?placement=${placement}&persona=nina@acme.test&url=${encodeURIComponent(url)}`
}

test('details: the real SDK connects, gets the picked chat’s customer_profile, and puts a message and a toast', async ({
  page,
}) => {
  await serveWidget(page)
  await page.goto(agentApp('details'))
  const widget = page.frameLocator('iframe[title="App widget"]')
  await expect(widget.locator('#state')).toHaveText('connected sandbox-widget')

  const chats = page.getByRole('region', { name: 'Chats' }).getByRole('button')
  const first = chats.first()
  const customer = (await first.locator('.aa-chat__name').textContent()) ?? ''
  const chatId = (await first.getAttribute('data-chat-id')) ?? ''
  await first.click()
  await expect(first).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('heading', { name: `Chat with ${customer}` })).toBeVisible()
  const profile = JSON.parse((await widget.locator('#profile').textContent()) ?? '{}')
  expect(profile).toMatchObject({ name: customer, chat: { id: chatId }, source: 'chats' })

  await widget.getByRole('button', { name: 'Put' }).click()
  await expect(page.getByLabel('Message box')).toHaveValue('Hi there, ')
  await widget.getByRole('button', { name: 'Toast' }).click()
  await expect(page.getByRole('status', { name: 'Toasts' })).toHaveText('Saved')
  await page.getByText('Developer tools').click()
  const log = page.getByRole('list', { name: 'Messages from the widget' })
  await expect(log.getByRole('listitem')).toHaveText([
    '(connected)',
    'plugin_inited',
    'put_message',
    'set_toast',
  ])

  // A frame in the protocol's shape from the page itself (not the widget's window) is ignored.
  await page.evaluate(() =>
    window.postMessage(
      {
        '@@livechat/postmessenger': true,
        type: 'call',
        data: { method: 'handle', args: [{ message: 'put_message', data: 'forged' }] },
        request: 99,
      },
      '*',
    ),
  )
  await page.getByRole('button', { name: 'Send event' }).focus()
  await expect(page.getByLabel('Message box')).toHaveValue('Hi there, ')
  await expect(log.getByRole('listitem')).toHaveCount(4)
})

test('fullscreen: the badge shows the count the widget sets; a malformed custom profile is refused', async ({
  page,
}) => {
  await serveWidget(page)
  await page.goto(agentApp('fullscreen'))
  const widget = page.frameLocator('iframe[title="App widget"]')
  await expect(widget.locator('#state')).toHaveText('connected sandbox-widget')
  const badge = page.getByRole('status', { name: 'Notification badge' })
  await expect(badge).toBeHidden()
  await widget.getByRole('button', { name: 'Badge' }).click()
  await expect(badge).toHaveText('3')

  await page.getByText('Developer tools').click()
  await page.getByLabel('Event data (JSON)').fill('{not json')
  await page.getByRole('button', { name: 'Send event' }).click()
  await expect(page.getByRole('alert')).toHaveText('That is not JSON: nothing was sent.')
  await page.getByLabel('Event data (JSON)').fill('{"id":"x","name":"Forged"}')
  await page.getByRole('button', { name: 'Send event' }).click()
  await expect(widget.locator('#profile')).toHaveText('{"id":"x","name":"Forged"}')
})
