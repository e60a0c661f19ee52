// Scope implication, pure (docs/AGENT-API.md; docs/ACCOUNTS.md
// docs/AGENT-API.md and "Chat parts").
import { describe, expect, test } from 'vitest'
import { chatReach } from '../../src/api/chat-access'
import { holdsAnyScope, scopeImplies } from '../../src/scope-rules'

describe('scope implication table', () => {
  test.each([
    // rw ⊇ ro
    ['chats--access:rw', 'chats--access:ro', true],
    ['chats--access:ro', 'chats--access:rw', false],
    ['customers:rw', 'customers:ro', true],
    ['customers:ro', 'customers:rw', false],
    ['accounts--all:rc', 'accounts--all:ro', true],
    ['accounts--all:rc', 'accounts--all:rw', false],
    // all ⊇ access ⊇ my
    ['chats--all:ro', 'chats--access:ro', true],
    ['chats--all:ro', 'chats--my:ro', true],
    ['chats--access:ro', 'chats--my:ro', true],
    ['chats--access:ro', 'chats--all:ro', false],
    ['chats--my:rw', 'chats--access:ro', false],
    ['agents--all:rw', 'agents--my:rw', true],
    ['agents--my:rw', 'agents--all:rw', false],
    ['agents--all:ro', 'agents--my:rw', false],
    ['groups--all:ro', 'groups--my:ro', true],
    ['tags--all:ro', 'tags--groups:ro', true],
    ['tags--groups:ro', 'tags--all:ro', false],
    // Both together: all:rw covers access:ro.
    ['chats--all:rw', 'chats--access:ro', true],
    // Conversation part: chats rw covers conversation write; conversation write gives chats ro only.
    ['chats--access:rw', 'chats.conversation--access:rw', true],
    ['chats--all:rw', 'chats.conversation--my:rw', true],
    ['chats--access:ro', 'chats.conversation--access:rw', false],
    ['chats.conversation--access:rw', 'chats--access:ro', true],
    ['chats.conversation--access:rw', 'chats--my:ro', true],
    ['chats.conversation--access:rw', 'chats--access:rw', false],
    ['chats.conversation--access:rw', 'chats--all:ro', false],
    ['chats.conversation--my:rw', 'chats--access:ro', false],
    // Different resources never imply each other.
    ['agents--all:rw', 'agents-bot--all:ro', false],
    ['customers:rw', 'customers.ban:rw', false],
    ['accounts--my:ro', 'agents--my:ro', false],
    // Reach-less and reach-ful scopes are different scopes.
    ['customers:rw', 'customers--all:ro', false],
    // Garbage never implies anything.
    ['not a scope', 'chats--all:ro', false],
  ])('%s ⇒ %s is %s', (granted, needed, expected) => {
    expect(scopeImplies(granted, needed)).toBe(expected)
  })

  test('holdsAnyScope: one alternative is enough', () => {
    expect(holdsAnyScope(['chats--access:rw'], ['chats--all:ro', 'chats--access:ro'])).toBe(true)
    expect(holdsAnyScope(['customers:ro'], ['chats--all:ro', 'chats--access:ro'])).toBe(false)
  })
})

describe('chat reach per need ()', () => {
  test.each([
    [['chats--all:ro'], 'read', 'all'],
    [['chats--access:rw'], 'read', 'access'],
    [['chats--all:ro', 'chats--access:rw'], 'read', 'all'],
    [['chats--all:ro', 'chats--access:rw'], 'write', 'access'],
    [['chats--all:ro', 'chats--access:rw'], 'conversation', 'access'],
    [['chats.conversation--access:rw'], 'conversation', 'access'],
    [['chats.conversation--access:rw'], 'read', 'access'],
    [['chats.conversation--access:rw'], 'write', null],
    [['chats--my:rw'], 'write', 'my'],
    [['customers:ro'], 'read', null],
  ] as const)('%j for %s → %s', (scopes, need, reach) => {
    expect(chatReach(scopes, need)).toBe(reach)
  })
})
