// The command line: flags win over their environment variables, a config file's entries come
// first, and every mistake stops the start with the entry, the problem and the fix.
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parseCli } from '../../src/cli/parse-cli'
import { ConfigError } from '../../src/config/config-error'
import { resolveSetup } from '../../src/config/sandbox-setup'
import { runUntilExit } from '../harness/spawn-sandbox'

const APP = '9a8b7c6d5e4f30211203f4e5d6c7b8a9'

function start(argv: string[], env: Record<string, string> = {}) {
  const command = parseCli(argv, env)
  if (command.kind !== 'start') throw new Error('expected a start')
  return command
}

/** The message a bad command line stops with (what the CLI prints after "not started."). */
function refusal(argv: string[], env: Record<string, string> = {}): string {
  try {
    const { start: options, labels } = start(argv, env)
    resolveSetup(options, labels)
  } catch (error) {
    if (error instanceof ConfigError) return error.message
    throw error
  }
  throw new Error('expected a refusal')
}

async function jsonFile(content: unknown): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'sandbox-cli-')), 'file.json')
  await writeFile(path, JSON.stringify(content))
  return path
}

describe('flags and their variables', () => {
  test('defaults: port 4010 on loopback, no extra clients', () => {
    const { start: options } = start([])
    expect(options).toMatchObject({ port: 4010, host: '127.0.0.1', clients: [], redirectUris: [] })
  })

  test('a flag wins over its variable; a variable stands in for a missing flag', () => {
    expect(start(['--port', '0'], { SANDBOX_PORT: '5000' }).start.port).toBe(0)
    expect(start([], { SANDBOX_PORT: '5000', SANDBOX_HOST: '0.0.0.0' }).start).toMatchObject({
      port: 5000,
      host: '0.0.0.0',
    })
    expect(
      start([], { SANDBOX_CLIENTS: `${APP}=http://localhost:3000 abc=http://a.test` }).start
        .clients,
    ).toEqual([
      { id: APP, redirectUris: ['http://localhost:3000'] },
      { id: 'abc', redirectUris: ['http://a.test'] },
    ])
  })

  test("--client repeats; --option values take their option's type", () => {
    const { start: options } = start([
      '--client',
      `${APP}=http://localhost:3000,http://localhost:3000/callback`,
      '--client',
      'other=http://localhost:8080',
      '--option',
      'tokenLifetime=60',
      '--option',
      'autopilot=true',
      '--option',
      'tokenRegion=fra',
    ])
    expect(options.clients).toHaveLength(2)
    expect(options.options).toEqual({ tokenLifetime: 60, autopilot: true, tokenRegion: 'fra' })
  })

  test('--help', () => {
    expect(parseCli(['--help'], {})).toEqual({ kind: 'help' })
  })
})

describe('a config file', () => {
  test('clients with type and secret, redirect URIs, options and a world path, then the flags', async () => {
    const world = await jsonFile({ organization: { name: 'Foreign Org' } })
    const config = await jsonFile({
      clients: [
        {
          id: 'server-app',
          type: 'server_side_app',
          secret: 's3cret',
          redirectUris: ['https://app.test/callback'],
          scopes: ['accounts--my:ro'],
        },
      ],
      redirectUris: ['http://localhost:7000'],
      options: { tokenLifetime: 120 },
      world,
    })
    const { start: options, labels } = start([
      '--config',
      config,
      '--client',
      `${APP}=http://localhost:3000`,
      '--option',
      'tokenLifetime=30',
    ])
    const resolved = resolveSetup(options, labels)
    expect(resolved.clients?.map((c) => [c.id, c.type, c.secret])).toEqual([
      ['server-app', 'server_side_app', 's3cret'],
      [APP, 'javascript_app', undefined],
    ])
    expect(resolved.redirectUris).toEqual(['http://localhost:7000'])
    expect(resolved.options).toEqual({ tokenLifetime: 30 })
    expect(resolved.world?.organization.name).toBe('Foreign Org')
  })
})

describe('refusals name the entry and the fix', () => {
  test.each([
    [['--bogus'], 'command line: Unknown option', '--help'],
    [['--port', 'eighty'], '--port: "eighty" is not a port', '0 picks a free port'],
    [
      ['--client', 'no-equals-sign'],
      '--client #1: "no-equals-sign" is not <client id>=<redirect uri>',
      '--client 4f3a…=http://localhost:3000',
    ],
    [
      ['--client', `${APP}=localhost:3000`],
      '--client #1.redirectUris[0]: "localhost:3000" must start with http:// or https://',
      'e.g. "http://localhost:3000"',
    ],
    [
      ['--client', '0123456789abcdef0123456789abcdef=http://localhost:3000'],
      'is already registered',
      '--redirect-uris (SANDBOX_REDIRECT_URIS)',
    ],
    [
      ['--client', `${APP}=http://a.test`, '--client', `${APP}=http://b.test`],
      '--client #2.id',
      'Give each client its own id',
    ],
    [
      ['--option', 'tokenRegion=mars'],
      '--option: tokenRegion must be one of dal, fra, fra-a, fra-b, not "mars"',
      '--help',
    ],
    [['--option', 'noSuchOption=1'], '--option: unknown option noSuchOption', '--help'],
    [
      ['--redirect-uris', 'http://ok.test,ftp://no.test'],
      '--redirect-uris: "ftp://no.test" must start with http:// or https://',
      'comma-separated',
    ],
    [
      ['--world', '/no/such/world.json'],
      '--world: /no/such/world.json cannot be read (ENOENT)',
      'Check the path',
    ],
  ])('%j', (argv, problem, fix) => {
    const message = refusal(argv)
    expect(message).toContain(problem)
    expect(message).toContain(fix)
  })

  test('config file entries: a server-side app without a secret, an unknown scope, a typo', async () => {
    const noSecret = await jsonFile({
      clients: [{ id: 'srv', type: 'server_side_app', redirectUris: ['http://a.test'] }],
    })
    expect(refusal(['--config', noSecret])).toContain(
      `${noSecret} clients[0].secret: a server-side app needs a secret`,
    )
    const badScope = await jsonFile({
      clients: [{ id: 'web', redirectUris: ['http://a.test'], scopes: ['chats:everything'] }],
    })
    expect(refusal(['--config', badScope])).toContain(
      'clients[0].scopes[0]: "chats:everything" is not a scope the sandbox knows',
    )
    const typo = await jsonFile({ clients: [], option: {} })
    expect(refusal(['--config', typo])).toContain(
      `${typo}.option: is not a known member. Use only clients, redirectUris, world, options.`,
    )
    const badOption = await jsonFile({ options: { tokenLifetime: 'long' } })
    expect(refusal(['--config', badOption])).toContain(
      `${badOption} options.tokenLifetime: must be a number from 0. Its default is 28800.`,
    )
  })

  test('the real command line exits 1 and prints why, before listening', async () => {
    const result = await runUntilExit({}, 20_000, ['--client', `${APP}=localhost:3000`])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('LiveChat sandbox not started. --client #1.redirectUris[0]')
    expect(result.stdout).not.toContain('on http://localhost:')
  }, 30_000)
})
