import { describe, expect, it } from 'vitest'
import { greeting, readCustomerProfile } from '../../../src/agent-app/host-events'

describe('what the Agent App says, read as a hint', () => {
  it('takes the customer and chat ids of a customer_profile, and nothing else', () => {
    expect(
      readCustomerProfile({
        id: 'b7eff798-f8df-4364-8059-649c35c9ed0c',
        name: 'Thomas Anderson',
        email: 't.anderson@example.com',
        chat: { id: 'PWJ8Y4THAV', groupID: '0', preChatSurvey: [] },
        geolocation: {},
        source: 'chats',
      }),
    ).toEqual({ customerId: 'b7eff798-f8df-4364-8059-649c35c9ed0c', chatId: 'PWJ8Y4THAV' })
  })

  it.each([
    ['nothing', undefined],
    ['a string', 'b7eff798'],
    ['an array', [{ id: 'x' }]],
    ['no id', { name: 'Ann' }],
    ['a numeric id', { id: 42 }],
    ['an empty id', { id: '' }],
    ['markup as the id', { id: '<img src=x onerror=alert(1)>' }],
    ['a path as the id', { id: '../../v2/accounts/me' }],
    ['an id past 128 characters', { id: 'a'.repeat(129) }],
  ])('W2: a customer_profile with %s is malformed: no hint', (_, data) => {
    expect(readCustomerProfile(data)).toBeNull()
  })

  it('W2: a forged name never reaches the hint; a bad chat id is dropped, the customer kept', () => {
    const hint = readCustomerProfile({
      id: 'no-such-customer',
      name: '<img src=x onerror=alert(1)>',
      chat: { id: 'javascript:alert(1)' },
    })
    expect(hint).toEqual({ customerId: 'no-such-customer', chatId: null })
    expect(JSON.stringify(hint)).not.toContain('img')
  })

  it('greets by the first name LiveChat gives, or without one', () => {
    expect(greeting('Priya Sharma')).toBe('Hi Priya, ')
    expect(greeting('  Aiko ')).toBe('Hi Aiko, ')
    expect(greeting(undefined)).toBe('Hi, ')
    expect(greeting('   ')).toBe('Hi, ')
  })
})
