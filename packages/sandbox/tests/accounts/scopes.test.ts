// docs/ACCOUNTS.md as the /v2 endpoints apply them
// (`rw` ⊇ `ro`, `access` ⊇ `my`, `all` ⊇ `access` + `my`), and docs/ACCOUNTS.md's `scope` parameter.
import { describe, expect, test } from 'vitest'
import { parseScopeParam } from '../../src/accounts/scopes'
import { scopeImplies } from '../../src/scope-rules'

describe('scope implication', () => {
  test.each([
    ['sessions--my:rw', 'sessions--my:ro', true],
    ['sessions--my:ro', 'sessions--my:rw', false],
    ['accounts--all:ro', 'accounts--my:ro', true],
    ['accounts--my:ro', 'accounts--all:ro', false],
    ['chats--access:rw', 'chats--my:ro', true],
    ['chats--all:ro', 'chats--access:ro', true],
    ['chats--access:ro', 'chats--all:ro', false],
    ['accounts--all:rc', 'accounts--all:ro', true],
    ['customers:rw', 'customers:ro', true],
    ['customers:ro', 'customers.ban:rw', false],
    ['accounts.roles--all:ro', 'accounts--all:ro', false],
    ['agents-bot--all:ro', 'agents--all:ro', false],
  ])('%s grants %s: %s', (granted, needed, expected) => {
    expect(scopeImplies(granted, needed)).toBe(expected)
  })
})

describe('the scope parameter', () => {
  test('comma-separated, as documented; spaces (the SDK README example) also split; duplicates dropped', () => {
    expect(parseScopeParam('accounts--my:ro,chats--all:ro')).toEqual([
      'accounts--my:ro',
      'chats--all:ro',
    ])
    expect(parseScopeParam('chats--all:ro agents--my:rw, chats--all:ro')).toEqual([
      'chats--all:ro',
      'agents--my:rw',
    ])
    expect(parseScopeParam(' , ')).toEqual([])
  })
})
