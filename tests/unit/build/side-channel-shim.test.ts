// The app build swaps `side-channel` (pulled in by qs through the accounts SDK) for a WeakMap
// stand-in (build-shims/side-channel.cjs, aliased in vite.config.ts). qs must behave the same:
// what the SDK stringifies and parses, and its cyclic-object check that uses the side channel.
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import getSideChannel from '../../../build-shims/side-channel.cjs'

interface Qs {
  stringify(value: unknown, options?: { encode?: boolean }): string
  parse(text: string): Record<string, unknown>
}

/** qs as the app build has it: its `require('side-channel')` answered by the stand-in. */
function qsWithStandIn(): Qs {
  const require = createRequire(import.meta.url)
  const qsDir = dirname(require.resolve('qs/package.json'))
  const sideChannel = require.resolve('side-channel', { paths: [qsDir] })
  for (const id of Object.keys(require.cache)) if (id.startsWith(qsDir)) delete require.cache[id]
  const real = require.cache[sideChannel]
  require.cache[sideChannel] = {
    id: sideChannel,
    filename: sideChannel,
    loaded: true,
    exports: getSideChannel,
  } as NodeJS.Module
  try {
    return require('qs') as Qs
  } finally {
    if (real) require.cache[sideChannel] = real
    else delete require.cache[sideChannel]
  }
}

describe('the side-channel stand-in', () => {
  it('keeps values for object and primitive keys, and says what it lacks', () => {
    const channel = getSideChannel()
    const key = {}
    channel.set(key, 1)
    channel.set('k', 2)
    expect([channel.get(key), channel.get('k'), channel.has({}), channel.get('x')]).toEqual([
      1,
      2,
      false,
      undefined,
    ])
    expect(() => channel.assert({})).toThrow(TypeError)
    expect(channel.delete(key)).toBe(true)
    expect(channel.has(key)).toBe(false)
  })

  it('qs through it: the SDK’s authorize parameters, nested values, and the cycle check', () => {
    const qs = qsWithStandIn()
    expect(
      qs.stringify({
        client_id: 'cid',
        redirect_uri: 'http://localhost:5173/',
        scope: 'a:ro,b:rw',
      }),
    ).toBe('client_id=cid&redirect_uri=http%3A%2F%2Flocalhost%3A5173%2F&scope=a%3Aro%2Cb%3Arw')
    expect(qs.stringify({ a: { b: [1, 2] } }, { encode: false })).toBe('a[b][0]=1&a[b][1]=2')
    expect(qs.parse('access_token=dal%3Aabc&expires_in=28800')).toEqual({
      access_token: 'dal:abc',
      expires_in: '28800',
    })
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => qs.stringify(cyclic)).toThrow(/Cyclic object value/)
  })
})
