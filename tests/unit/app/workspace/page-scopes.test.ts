// Where a page lands after an organization switch (src/app/page-scopes.ts): the same page, unless
// it shows a record of the old organization or the new token's scopes do not allow it.
import { DEFAULT_SCOPES } from 'livechat-browser-auth'
import { describe, expect, it } from 'vitest'
import { landingIn } from '../../../../src/app/workspace/page-scopes'

describe('landingIn', () => {
  it.each([
    ['/', '/'],
    ['/chats', '/chats'],
    ['/archives', '/archives'],
    ['/team', '/team'],
    ['/session', '/session'],
    ['/flows', '/flows'],
    // A chat or a customer of the old organization is not in the new one.
    ['/chats/PJ0MRSHTDG', '/chats'],
    ['/customers/b7eff798-f8df-4364-8059-649c35c9ed0c', '/'],
  ])('with the agent scopes, %s lands on %s', (from, to) => {
    expect(landingIn(from, DEFAULT_SCOPES)).toBe(to)
  })

  it('a page the new scopes do not allow lands home', () => {
    expect(landingIn('/supervisor', DEFAULT_SCOPES)).toBe('/')
    expect(landingIn('/supervisor', [...DEFAULT_SCOPES, 'chats--all:ro'])).toBe('/supervisor')
    expect(landingIn('/chats', ['accounts--my:ro', 'agents--my:ro'])).toBe('/')
  })
})
