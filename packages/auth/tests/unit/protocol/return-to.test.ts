// SECURITY.md #27: the return path can never leave the app.
import { describe, expect, it } from 'vitest'
import { safeReturnTo } from '../../../src/protocol/return-to'

describe('safeReturnTo (A.27)', () => {
  it.each([
    ['https://evil.example'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['javascript:alert(1)'],
    ['JAVASCRIPT:alert(1)'],
    ['/%2F%2Fevil'],
    ['/%2f%2fevil'],
    ['/%5Cevil'],
    ['/.//evil'],
    ['/a/..//evil'],
    ['http:/evil.example'],
    ['evil.example'],
    [''],
    ['/chats\n/evil'],
    ['/chats%0d%0aSet-Cookie:x'],
    ['/\u0000'],
    ['/sign-in'],
    ['/sign-in/'],
    ['/SIGN-IN'],
    ['/sign-in?from=/chats'],
    ['/%E0%A4%A'],
    [`/${'a'.repeat(3000)}`],
    [null],
    [undefined],
    [42],
    [{ pathname: '/chats' }],
  ])('%j → /', (value) => {
    expect(safeReturnTo(value)).toBe('/')
  })

  it.each([
    ['/', '/'],
    ['/chats', '/chats'],
    ['/chats/abc?tab=2', '/chats/abc?tab=2'],
    ['/legit/../../x', '/x'],
    ['/a/./b/../c', '/a/c'],
    ['/customers/a%20b', '/customers/a%20b'],
    ['/archives?query=%2F%2Fevil', '/archives?query=%2F%2Fevil'],
    ['/sign-in-help', '/sign-in-help'],
    ['/chats#section', '/chats'],
  ])('%s → %s', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected)
  })
})
