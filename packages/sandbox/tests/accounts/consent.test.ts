// Sessions, consent and the redirect limit on the authorize pages: docs/ACCOUNTS.md
// docs/ACCOUNTS.md (popup auto flow, iframe), docs/ACCOUNTS.md (consent skipping, limits),
// docs/ACCOUNTS.md.
import { describe, expect, test } from 'vitest'
import {
  APP_ORIGIN,
  answerConsent,
  authorizeQuery,
  buttonNames,
  completeAuthorize,
  framedGuardMessage,
  fragmentParams,
  hiddenInputs,
  isConsentPage,
  isSignInPage,
  newSandbox,
  postedMessage,
  signIn,
  signInAndAllow,
} from '../harness/accounts-kit'

describe('the accounts session cookie', () => {
  test('signing in sets lc_sandbox_session: HttpOnly, SameSite=Lax, Path=/, not Secure', async () => {
    const { browser } = newSandbox()
    await signIn(browser, authorizeQuery(), 'Nina Agent')
    expect(browser.setCookieHeaders).toHaveLength(1)
    const cookie = browser.setCookieHeaders[0] ?? ''
    expect(cookie).toMatch(/^lc_sandbox_session=[0-9a-f-]{36}; /)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).toContain('Path=/')
    expect(cookie).not.toContain('Secure')
  })
})

describe('consent', () => {
  test('the consent page has Allow and Deny and lists the requested scopes with their meaning', async () => {
    const { browser } = newSandbox()
    const response = await signIn(
      browser,
      authorizeQuery({ scope: 'accounts--my:ro,chats--access:rw' }),
      'Nina Agent',
    )
    const html = await response.text()
    expect(isConsentPage(html)).toBe(true)
    expect(buttonNames(html)).toEqual(['Allow', 'Deny'])
    expect(html).toContain('<code>accounts--my:ro</code> — Read your account details')
    expect(html).toContain(
      '<code>chats--access:rw</code> — Read and write chats in the groups you can access',
    )
    expect(html).not.toContain('<code>customers:ro</code>')
  })

  test('consent is remembered per (client, account): the second authorize delivers at once', async () => {
    const { browser } = newSandbox()
    const first = await signInAndAllow(browser, authorizeQuery(), 'Nina Agent')
    expect(first.status).toBe(302)
    const second = await browser.get(`/?${authorizeQuery({ state: 'st-2' })}`)
    expect(second.status).toBe(302)
    expect(fragmentParams(second).get('state')).toBe('st-2')
    expect(fragmentParams(second).get('access_token')).toMatch(/^dal:/)
  })

  test('a scope beyond what was consented asks again', async () => {
    const { browser } = newSandbox()
    await signInAndAllow(browser, authorizeQuery({ scope: 'accounts--my:ro' }), 'Adam Admin')
    const wider = await browser.get(
      `/?${authorizeQuery({ scope: 'accounts--my:ro,chats--all:ro' })}`,
    )
    expect(isConsentPage(await wider.text())).toBe(true)
  })

  test('prompt=consent always shows the consent page, even after consent', async () => {
    const { browser } = newSandbox()
    await signInAndAllow(browser, authorizeQuery(), 'Nina Agent')
    const again = await browser.get(`/?${authorizeQuery({ prompt: 'consent' })}`)
    expect(again.status).toBe(200)
    expect(isConsentPage(await again.text())).toBe(true)
  })

  test('consent is not shared across accounts', async () => {
    const { browser } = newSandbox()
    await signInAndAllow(browser, authorizeQuery(), 'Nina Agent')
    const sam = await browser.get(`/signin?${authorizeQuery()}`)
    const response = await browser.post('/signin', {
      ...hiddenInputs(await sam.text()),
      account_id: '3e0f6b2d-4c5a-4f8e-9d1b-2a3c4d5e6f70',
    })
    expect(isConsentPage(await response.text())).toBe(true)
  })

  test('Deny in a redirect flow stays on an accounts page and never calls the app back', async () => {
    const { sandbox, browser } = newSandbox()
    const denied = await answerConsent(
      browser,
      await signIn(browser, authorizeQuery(), 'Nina Agent'),
      'deny',
    )
    expect(denied.status).toBe(200)
    expect(denied.headers.get('Location')).toBeNull()
    const html = await denied.text()
    expect(html).toContain('Access denied')
    expect(html).not.toContain('localhost:5173')
    expect(sandbox.state.tokens.accessTokens.size).toBe(0)
    // Nothing was remembered: the next request asks again.
    expect(isConsentPage(await (await browser.get(`/?${authorizeQuery()}`)).text())).toBe(true)
  })

  test('Deny in a popup posts access_denied by default, or stays with popupDenyBehaviour=stay', async () => {
    const { browser } = newSandbox()
    const query = authorizeQuery({ flow: 'button' })
    const posted = postedMessage(
      await (
        await answerConsent(browser, await signIn(browser, query, 'Sam Support'), 'deny')
      ).text(),
    )
    expect(posted).toEqual({
      message: { state: 'st-1', error: { oauth_exception: 'access_denied' } },
      target: APP_ORIGIN,
    })

    const other = newSandbox({ popupDenyBehaviour: 'stay' })
    const stay = await answerConsent(
      other.browser,
      await signIn(other.browser, query, 'Sam Support'),
      'deny',
    )
    const html = await stay.text()
    expect(html).toContain('Access denied')
    expect(html).not.toContain('postMessage')
  })

  test('an Allow click is bound to the session and the exact request shown (no forged consent)', async () => {
    const { browser } = newSandbox()
    const page = await signIn(browser, authorizeQuery({ scope: 'accounts--my:ro' }), 'Adam Admin')
    const fields = hiddenInputs(await page.text())
    const widened = await browser.post('/consent', {
      ...fields,
      authorize_query: authorizeQuery({ scope: 'accounts--my:ro,chats--all:ro' }),
      decision: 'allow',
    })
    expect(widened.headers.get('Location')).toBe('/?identity_exception=invalid_request')
    const forged = await browser.post('/consent', { ...fields, csrf: 'x', decision: 'allow' })
    expect(forged.headers.get('Location')).toBe('/?identity_exception=invalid_request')
    const crossOrigin = await browser.post(
      '/consent',
      { ...fields, decision: 'allow' },
      { Origin: APP_ORIGIN },
    )
    expect(crossOrigin.status).toBe(403)
    const real = await browser.post('/consent', { ...fields, decision: 'allow' })
    expect(fragmentParams(real).get('access_token')).toMatch(/^dal:/)
  })

  test('signed out between the consent page and the click → identity_lost', async () => {
    const { sandbox, browser } = newSandbox()
    const page = await signIn(browser, authorizeQuery(), 'Nina Agent')
    for (const session of sandbox.state.sessions.values()) session.ended = true
    const response = await browser.post('/consent', {
      ...hiddenInputs(await page.text()),
      decision: 'allow',
    })
    expect(response.headers.get('Location')).toBe('/?identity_exception=identity_lost')
  })

  test('consent skipping: a private app of the same license never asks', async () => {
    const { browser } = newSandbox()
    const query = authorizeQuery({
      client_id: 'abcdefabcdefabcdefabcdefabcdef01',
      response_type: 'code',
      code_challenge: undefined,
      scope: 'accounts--my:ro',
    })
    const response = await signIn(browser, query, 'Sam Support')
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toMatch(
      /^http:\/\/localhost:5173\/\?code=dal%3A.+&state=st-1$/,
    )
  })
})

describe('popup auto flow and iframe flow', () => {
  test('popup_flow auto with a live session and consent completes without UI (post + close)', async () => {
    const { browser } = newSandbox()
    await signInAndAllow(browser, authorizeQuery(), 'Nina Agent')
    const response = await browser.get(`/?${authorizeQuery({ flow: 'button' })}`)
    const html = await response.text()
    expect(isSignInPage(html) || isConsentPage(html)).toBe(false)
    expect(postedMessage(html).message.data?.access_token).toMatch(/^dal:/)
    expect(html).toContain('window.close()')
  })

  test('popup_flow manual (`/signin`) always shows the form, even with a session', async () => {
    const { browser } = newSandbox()
    await signInAndAllow(browser, authorizeQuery(), 'Nina Agent')
    const html = await (await browser.get(`/signin?${authorizeQuery({ flow: 'button' })}`)).text()
    expect(isSignInPage(html)).toBe(true)
  })

  test('iframe without a session posts identity_exception unauthorized at once, with no UI', async () => {
    const { browser } = newSandbox()
    const response = await browser.get(`/?${authorizeQuery({ flow: 'button' })}`, {
      'Sec-Fetch-Dest': 'iframe',
    })
    const html = await response.text()
    expect(isSignInPage(html)).toBe(false)
    expect(postedMessage(html)).toEqual({
      message: { state: 'st-1', error: { identity_exception: 'unauthorized' } },
      target: APP_ORIGIN,
    })
  })

  test('iframe with a session but no consent posts unauthorized too; with consent it delivers', async () => {
    // Four authorize hits in a row: lift the docs/ACCOUNTS.md limit, which has its own tests below.
    const { browser } = newSandbox({ redirectLimit: 10 })
    await signIn(browser, authorizeQuery(), 'Nina Agent')
    const noConsent = await browser.get(`/?${authorizeQuery({ flow: 'button' })}`, {
      'Sec-Fetch-Dest': 'iframe',
    })
    expect(postedMessage(await noConsent.text()).message.error).toEqual({
      identity_exception: 'unauthorized',
    })

    await completeAuthorize(browser, authorizeQuery(), 'Nina Agent')
    const withConsent = await browser.get(`/?${authorizeQuery({ flow: 'button' })}`, {
      'Sec-Fetch-Dest': 'iframe',
    })
    expect(postedMessage(await withConsent.text()).message.data?.access_token).toMatch(/^dal:/)
  })

  test('a framed button-flow page the server could not recognise still hides its UI and posts unauthorized', async () => {
    const { browser } = newSandbox()
    const html = await (await browser.get(`/?${authorizeQuery({ flow: 'button' })}`)).text()
    expect(isSignInPage(html)).toBe(true)
    expect(framedGuardMessage(html)).toEqual({
      message: { state: 'st-1', error: { identity_exception: 'unauthorized' } },
      target: APP_ORIGIN,
    })
    expect(html).toContain('html.framed body { display: none; }')
  })
})

describe('too many redirects', () => {
  test('the 4th authorize within 30 s for (client, account) → too_many_redirects', async () => {
    const { browser } = newSandbox()
    const first = await signInAndAllow(browser, authorizeQuery(), 'Nina Agent')
    expect(first.status).toBe(302)
    for (const n of [2, 3]) {
      const ok = await browser.get(`/?${authorizeQuery({ state: `s${n}` })}`)
      expect(fragmentParams(ok).get('state')).toBe(`s${n}`)
    }
    const fourth = await browser.get(`/?${authorizeQuery({ state: 's4' })}`)
    expect(fourth.headers.get('Location')).toBe(
      '/ooops?oauth_exception=invalid_request&exception_details=too_many_redirects',
    )
  })

  test('the window slides with the sandbox clock, and the code is configurable', async () => {
    const { sandbox, browser } = newSandbox({ tooManyRedirectsException: 'access_denied' })
    await signInAndAllow(browser, authorizeQuery(), 'Nina Agent')
    await browser.get(`/?${authorizeQuery()}`)
    await browser.get(`/?${authorizeQuery()}`)
    const popup = await browser.get(`/?${authorizeQuery({ flow: 'button' })}`)
    expect(postedMessage(await popup.text()).message.error).toEqual({
      oauth_exception: 'access_denied',
      exception_details: 'too_many_redirects',
    })
    sandbox.state.clockOffsetMs += 31_000
    const later = await browser.get(`/?${authorizeQuery()}`)
    expect(fragmentParams(later).get('access_token')).toMatch(/^dal:/)
  })

  test('the count is per client and per account', async () => {
    const { browser } = newSandbox()
    await signInAndAllow(browser, authorizeQuery(), 'Nina Agent')
    await browser.get(`/?${authorizeQuery()}`)
    await browser.get(`/?${authorizeQuery()}`)
    const otherClient = await completeAuthorize(
      browser,
      authorizeQuery({ client_id: 'fedcba9876543210fedcba9876543210' }),
      'Nina Agent',
    )
    expect(fragmentParams(otherClient).get('access_token')).toMatch(/^dal:/)
  })
})
