// GET /agent-app (docs/AGENT-APP.md): the Agent App stand-in's page and its host script, as
// served: the persona's chats with the profile each sends, the framed URL with the Agent App's
// query parameters, a CSP that lets it frame that origin only, and clear refusals.
import { describe, expect, test } from 'vitest'
import { createSandbox } from '../../src/app'

const { app } = createSandbox()

async function page(query: string) {
  const response = await app.request(`/agent-app${query}`)
  return { response, html: await response.text() }
}

function pageData(html: string) {
  const json = /<script type="application\/json" id="aa-data">(.*?)<\/script>/s.exec(html)?.[1]
  return JSON.parse(json ?? 'null') as {
    placement: string
    chats: { chatId: string; profile: Record<string, unknown> }[]
  }
}

describe('the sandbox Agent App', () => {
  test('frames the app’s details widget by default, with plugin_id and theme, and lists the persona’s chats', async () => {
    const { response, html } = await page('?placement=details&persona=nina@acme.test')
    expect(response.status).toBe(200)
    expect(html).toContain(
      'data-src="http://localhost:5173/widget/details?plugin_id=sandbox-widget&amp;theme=light"',
    )
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain('frame-src http://localhost:5173;')
    expect(csp).toContain("script-src 'self';")
    expect(csp).toContain("frame-ancestors 'none'")
    const data = pageData(html)
    expect(data.placement).toBe('details')
    expect(data.chats.length).toBeGreaterThan(0)
    const profile = data.chats[0]!.profile
    expect(profile).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      chat: { id: data.chats[0]!.chatId, groupID: expect.any(String) },
      source: expect.stringMatching(/^(chats|archives)$/),
    })
    // Every listed chat has a button named after its customer.
    for (const chat of data.chats) expect(html).toContain(`data-chat-id="${chat.chatId}"`)
  })

  test('another persona sees their own chats; fullscreen frames the fullscreen route with a badge', async () => {
    const nina = pageData((await page('?persona=nina@acme.test')).html)
    const sam = pageData((await page('?persona=sam@acme.test')).html)
    expect(sam.chats.map((c) => c.chatId)).not.toEqual(nina.chats.map((c) => c.chatId))
    const { html } = await page('?placement=fullscreen')
    expect(html).toContain(
      'data-src="http://localhost:5173/widget/fullscreen?plugin_id=sandbox-widget',
    )
    expect(html).toContain('aria-label="Notification badge"')
  })

  test('frames any app’s widget URL given with url, keeping its own query', async () => {
    const { response, html } = await page(
      `?url=${encodeURIComponent('https://widgets.example.com:8443/app?x=1')}`,
    )
    expect(html).toContain(
      'data-src="https://widgets.example.com:8443/app?x=1&amp;plugin_id=sandbox-widget&amp;theme=light"',
    )
    expect(response.headers.get('content-security-policy')).toContain(
      'frame-src https://widgets.example.com:8443;',
    )
    // Switching persona keeps the given URL.
    expect(html).toContain('name="url" value="https://widgets.example.com:8443/app?x=1"')
  })

  test.each([
    ['?placement=messagebox', /Unknown placement &quot;messagebox&quot;/],
    ['?url=javascript:alert(1)', /is not an http\(s\) URL/],
    ['?persona=nobody@acme.test', /No persona has the email &quot;nobody@acme.test&quot;/],
  ])('%s is refused with a message, not framed', async (query, message) => {
    const { response, html } = await page(query)
    expect(response.status).toBe(400)
    expect(html).toMatch(message)
    expect(html).not.toContain('aa-widget-slot')
  })

  test('serves its host script from the package, as JavaScript', async () => {
    const response = await app.request('/agent-app/host.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/)
    const script = await response.text()
    expect(script).toContain("'@@livechat/postmessenger'")
    expect(script).toContain('event.source !== frame.contentWindow')
  })

  test('the control page links to it', async () => {
    const html = await (await app.request('/sandbox')).text()
    expect(html).toContain('href="/agent-app?placement=details"')
    expect(html).toContain('href="/agent-app?placement=fullscreen"')
  })
})
