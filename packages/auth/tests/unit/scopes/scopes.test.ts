// LiveChat's scopes (docs/livechat-notes.md#scopes: format, implication rules, chat parts, the scope list) and
// SECURITY.md #20 (scope strings).
import { describe, expect, it } from 'vitest'
import { describeScope } from '../../../src/scopes/scope-meanings'
import { parseScopes } from '../../../src/scopes/scope-list'
import { missingScopes, scopeSatisfies } from '../../../src/scopes/scopes'

describe('parseScopes (A.20)', () => {
  it.each([
    [
      'comma-separated, as /v2/info sends it',
      'chats--all:ro,chats--all:rw',
      ['chats--all:ro', 'chats--all:rw'],
    ],
    ['space-separated', 'chats--all:ro agents--my:ro', ['chats--all:ro', 'agents--my:ro']],
    ['mixed and doubled separators', ' a:ro,, b:rw  ,c:ro ,', ['a:ro', 'b:rw', 'c:ro']],
    ['duplicates removed, first order kept', 'b:ro,a:ro,b:ro', ['b:ro', 'a:ro']],
    ['unknown scopes kept', 'made_up--my:ro', ['made_up--my:ro']],
    ['empty string', '', []],
    [
      'the popup payload array',
      ['chats--all:ro', 'agents--my:ro', 'chats--all:ro'],
      ['chats--all:ro', 'agents--my:ro'],
    ],
    ['array entries holding lists', ['a:ro,b:ro'], ['a:ro', 'b:ro']],
  ])('%s', (_name, input, expected) => {
    expect(parseScopes(input)).toEqual(expected)
  })

  it.each([
    ['a tab inside (%09)', 'chats--all:ro\tagents--my:ro'],
    ['a newline inside (%0A)', 'chats--all:ro\nagents--my:ro'],
    ['a NUL', 'chats--all:ro\u0000'],
    ['DEL', 'a:ro\u007f'],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { scope: 'a:ro' }],
    ['an array with a non-string', ['a:ro', 7]],
    ['an array with a control character', ['a:ro', 'b:ro\r']],
  ])('refuses %s', (_name, input) => {
    expect(parseScopes(input)).toBeNull()
  })
})

describe('scopeSatisfies (implication rules)', () => {
  it.each([
    // rw ⊇ ro
    [['agents--my:rw'], 'agents--my:ro', true],
    [['agents--my:ro'], 'agents--my:rw', false],
    [['customers:rw'], 'customers:ro', true],
    [['customers:ro'], 'customers:rw', false],
    // all ⊇ access ⊇ my
    [['chats--all:ro'], 'chats--access:ro', true],
    [['chats--all:ro'], 'chats--my:ro', true],
    [['chats--access:ro'], 'chats--my:ro', true],
    [['chats--access:ro'], 'chats--all:ro', false],
    [['chats--my:rw'], 'chats--access:ro', false],
    [['agents--all:ro'], 'agents--my:ro', true],
    [['groups--all:ro'], 'groups--my:ro', true],
    [['groups--my:ro'], 'groups--all:ro', false],
    // reach and access combine
    [['chats--all:rw'], 'chats--my:ro', true],
    [['chats--all:ro'], 'chats--my:rw', false],
    // `groups` is its own reach: only `all` covers it
    [['tags--all:ro'], 'tags--groups:ro', true],
    [['tags--groups:rw'], 'tags--groups:ro', true],
    [['tags--groups:ro'], 'tags--all:ro', false],
    [['canned_responses--all:rw'], 'canned_responses--groups:ro', true],
    // no reach only matches no reach
    [['customers:rw'], 'customers--my:ro', false],
    [['customers--all:rw'], 'customers:ro', false],
    // rc reads; rw creates too (taken, not documented); own stands alone
    [['accounts--all:rc'], 'accounts--all:ro', true],
    [['accounts--all:ro'], 'accounts--all:rc', false],
    [['accounts--all:rw'], 'accounts--all:rc', true],
    [['customers:own'], 'customers:rw', false],
    [['customers:rw'], 'customers:own', false],
    [['customers:own'], 'customers:own', true],
    // chat parts: chats-*:rw → conversation rw; conversation rw → chats ro
    [['chats--access:rw'], 'chats.conversation--access:rw', true],
    [['chats--all:rw'], 'chats.conversation--access:rw', true],
    [['chats--access:ro'], 'chats.conversation--access:rw', false],
    [['chats.conversation--access:rw'], 'chats--access:ro', true],
    [['chats.conversation--access:rw'], 'chats--my:ro', true],
    [['chats.conversation--access:rw'], 'chats--access:rw', false],
    [['chats.conversation--my:rw'], 'chats--access:ro', false],
    [['chats.conversation--all:rw'], 'chats--all:ro', true],
    // different resources never imply each other
    [['agents--all:rw'], 'agents-bot--all:ro', false],
    [['accounts--all:rw'], 'accounts.roles--all:ro', false],
    [['webhooks.state:rw'], 'webhooks--my:ro', false],
    // nothing granted, or nonsense
    [[], 'chats--my:ro', false],
    [['not a scope'], 'not a scope', true],
    [['garbage'], 'chats--my:ro', false],
    [['chats--all:rw'], 'garbage', false],
  ] as const)('%j covers %s: %s', (granted, required, expected) => {
    expect(scopeSatisfies(granted, required)).toBe(expected)
  })
})

describe('missingScopes', () => {
  it('lists what the granted scopes do not cover, deduplicated, in the order asked', () => {
    const granted = ['chats--access:rw', 'agents--my:rw', 'customers:ro']
    expect(
      missingScopes(granted, [
        'chats--my:ro',
        'chats--all:ro',
        'agents--my:ro',
        'groups--all:ro',
        'chats--all:ro',
      ]),
    ).toEqual(['chats--all:ro', 'groups--all:ro'])
  })

  it('is empty for the agent set when a supervisor holds chats--all:rw', () => {
    expect(
      missingScopes(['chats--all:rw'], ['chats--access:ro', 'chats.conversation--access:rw']),
    ).toEqual([])
  })
})

describe('describeScope (LiveChat’s scope list)', () => {
  it.each([
    ['chats--all:ro', /every chat/i],
    ['chats--access:rw', /chats in your groups/i],
    ['accounts--my:ro', /your LiveChat account/i],
    ['sessions--my:rw', /sign you out/i],
    ['customers:ro', /customer/i],
  ])('%s has its documented meaning', (scope, meaning) => {
    expect(describeScope(scope)).toMatch(meaning)
  })

  it.each([
    ['webhooks.state:rw', 'Read and change webhooks state'],
    ['foo_bar--my:ro', 'Read foo bar (your own)'],
    ['things--all:rc', 'Read and create things (across the organization)'],
  ])('an unknown scope %s is described from its parts', (scope, words) => {
    expect(describeScope(scope)).toBe(words)
  })

  it('a malformed scope still gets a sentence', () => {
    expect(describeScope('<script>')).toBe('A LiveChat permission this app needs')
  })
})
