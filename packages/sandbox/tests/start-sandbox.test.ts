// startSandbox(): what a developer's own suite gets. A real server on a free port with its RTM
// endpoint, typed control helpers, the configured clients and options (which outlive a reset),
// and stop() that frees the port. A bad setup throws before anything listens.
import { describe, expect, test } from 'vitest'
import WebSocket from 'ws'
import { ConfigError } from '../src/config/config-error'
import { startSandbox } from '../src/start-sandbox'

const APP = '77aa88bb99cc00dd11ee22ff33aa44bb'

describe('startSandbox()', () => {
  test('serves, is driven by its control helpers, and stops', async () => {
    const sandbox = await startSandbox({
      clients: [{ id: APP, redirectUris: ['http://localhost:3999'], scopes: ['accounts--my:ro'] }],
      options: { tokenLifetime: 120 },
    })
    try {
      expect(sandbox.url).toBe(`http://localhost:${sandbox.port}`)
      expect(await sandbox.control.health()).toBe(true)

      // A persona's token for the configured client, minted by the helpers, read back by /v2/info.
      const minted = await sandbox.control.mintToken({
        email: 'sam@acme.test',
        clientId: APP,
        scopes: ['accounts--my:ro'],
      })
      const info = await (
        await fetch(`${sandbox.url}/v2/info`, {
          headers: { Authorization: `Bearer ${minted.access_token}` },
        })
      ).json()
      expect(info).toMatchObject({ client_id: APP, scope: 'accounts--my:ro' })
      expect(info.expires_in).toBeGreaterThan(100)
      expect(info.expires_in).toBeLessThanOrEqual(120)

      // Start options outlive a reset; reset options add to them.
      expect((await sandbox.control.reset({ apiRateLimit: 5 })).tokenLifetime).toBe(120)
      expect((await sandbox.control.options()).apiRateLimit).toBe(5)

      // A PAT and a fault through the helpers.
      const pat = await sandbox.control.createPat({
        account: 'nina@acme.test',
        name: 'ci',
        scopes: ['accounts--my:ro'],
      })
      const me = await fetch(`${sandbox.url}/v2/accounts/me`, {
        headers: { Authorization: `Basic ${pat.base64}` },
      })
      expect((await me.json()).email).toBe('nina@acme.test')
      await sandbox.control.addFault({ path: '/v2/accounts/me', status: 503 })
      expect(
        (
          await fetch(`${sandbox.url}/v2/accounts/me`, {
            headers: { Authorization: `Basic ${pat.base64}` },
          })
        ).status,
      ).toBe(503)

      // RTM answers on rtmUrl.
      const socket = new WebSocket(sandbox.rtmUrl)
      const pong = await new Promise<Record<string, unknown>>((resolve, reject) => {
        socket.on('open', () => socket.send(JSON.stringify({ action: 'ping', request_id: 'p1' })))
        socket.on('message', (data) =>
          resolve(JSON.parse(data.toString()) as Record<string, unknown>),
        )
        socket.on('error', reject)
      })
      expect(pong).toMatchObject({ action: 'ping', success: true })
      socket.close()

      await expect(sandbox.control.mintToken({ email: 'nobody@acme.test' })).rejects.toThrow(
        'email must be one of the sandbox people',
      )
    } finally {
      await sandbox.stop()
    }
    await expect(fetch(`${sandbox.url}/sandbox/health`)).rejects.toThrow()
  })

  test('a bad setup throws a ConfigError and starts nothing', async () => {
    await expect(startSandbox({ clients: [{ id: APP, redirectUris: [] }] })).rejects.toThrow(
      ConfigError,
    )
    await expect(startSandbox({ options: { tokenRegion: 'mars' as never } })).rejects.toThrow(
      'options.tokenRegion: "mars" is not one of its values',
    )
  })
})
