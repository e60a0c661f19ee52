// Reads and judges the redirect or implicit answer in the URL at startup. Loaded (with the SDK)
// only when the URL carries one (redirect-callback.ts). In one task, which no other script can
// interrupt: take the pending transaction, let the SDK parse the URL when it ran the flow, strip
// the answer from the address bar and history. Then, asynchronously: exact single-use state, the
// token or code parsed strictly, and the SDK's own parse in agreement.
import type { AuthConfig } from '../config/auth-config'
import { createSdk, sweepSdkStorage, type RedirectAuthorizeData } from '../sdk/accounts-sdk'
import { CODE_QUERY_KEYS } from '../protocol/callback-keys'
import { AuthError } from '../errors/auth-error'
import { noteFlow } from '../flows/flow-observer'
import { toAuthError } from '../errors/oauth-error'
import type { AuthorizeResult } from '../protocol/authorize-result'
import {
  parseCodeQuery,
  parseParams,
  parseTokenFragment,
  stateOf,
} from '../protocol/callback-params'
import { takePendingLookup, type Pending, type PendingLookup } from '../flows/pending-redirect'
import type { RedirectCallbackResult } from './callback-result'
import { safeReturnTo } from '../protocol/return-to'
import { answerIn, stripAnswer } from './callback-url'

/** The answer as it was in the URL: the fragment for token answers, the query for code. */
export interface CapturedAnswer {
  hash: string | null
  search: string | null
}

function stateMismatch(returnTo?: string): RedirectCallbackResult {
  return {
    kind: 'error',
    error: new AuthError('state_mismatch'),
    ...(returnTo === undefined ? {} : { returnTo }),
  }
}

/**
 * Reads the answer in the URL and strips it, in one synchronous block: nothing may await before
 * the URL is clean. The SDK reads location in its Promise executor, then writes the token back
 * into the URL, which is stripped right after. The rest is asynchronous. Never throws.
 */
export function readCallback(config: AuthConfig, now: number): Promise<RedirectCallbackResult> {
  const { pathname, search, hash } = window.location
  const location = { pathname, search, hash }
  const historyState: unknown = window.history.state
  const found = answerIn(location)
  const captured = {
    hash: found.hash ? location.hash : null,
    search: found.query ? location.search : null,
  }
  let lookup: PendingLookup = { status: 'none' }
  let sdkData: Promise<RedirectAuthorizeData> | null = null
  try {
    lookup = takePendingLookup(now)
    if (lookup.status === 'ok' && lookup.pending.flow === 'redirect') {
      const { pending } = lookup
      sdkData = createSdk(config, {
        responseType: pending.responseType,
        state: pending.state,
        scopes: pending.scopes,
      })
        .redirect()
        .authorizeData()
      sdkData.catch(() => undefined)
    }
  } catch {
    sdkData = null
  } finally {
    if (lookup.status !== 'none') sweepSdkStorage(lookup.pending.state)
    stripAnswer(location, historyState)
  }
  // ---- from here on the URL holds no token, code or state ----
  return settle(lookup, captured, sdkData)
}

async function settle(
  lookup: PendingLookup,
  captured: CapturedAnswer,
  sdkData: Promise<RedirectAuthorizeData> | null,
): Promise<RedirectCallbackResult> {
  // An answer with no sign-in of ours pending: unsolicited, login CSRF or a replay (A.4, A.21).
  if (lookup.status === 'none') return stateMismatch()
  const returnTo = safeReturnTo(lookup.pending.returnTo)
  if (lookup.status === 'expired') {
    return {
      kind: 'error',
      error: new AuthError('timeout', 'The sign-in took too long. Please try again.'),
      returnTo,
    }
  }
  try {
    const result = await read(lookup.pending, captured, sdkData)
    const { flow, organizationId } = lookup.pending
    return {
      kind: 'authorized',
      flow,
      result,
      returnTo,
      ...(organizationId ? { organizationId } : {}),
    }
  } catch (error) {
    return { kind: 'error', error: toAuthError(error), returnTo }
  }
}

async function read(
  pending: Pending,
  captured: CapturedAnswer,
  sdkData: Promise<RedirectAuthorizeData> | null,
): Promise<AuthorizeResult> {
  const raw = pending.responseType === 'token' ? captured.hash : captured.search
  // The answer is not where our flow expects it: not an answer to our request.
  if (raw === null) throw new AuthError('state_mismatch')
  const params = parseParams(
    raw,
    pending.responseType === 'code' ? { strictKeys: CODE_QUERY_KEYS } : {},
  )
  // Exact, single-use state before anything else is believed (A.3–A.6, A.9). Never SDK verify(),
  // which passes when the state is missing (docs/livechat-notes.md#the-sdk-state).
  noteFlow('answer', () => Object.fromEntries(params))
  if (stateOf(params) !== pending.state) throw new AuthError('state_mismatch')
  noteFlow('state-verified')

  let result: AuthorizeResult
  if (pending.responseType === 'token') {
    const token = parseTokenFragment(raw)
    result = {
      kind: 'token',
      accessToken: token.accessToken,
      expiresIn: token.expiresIn,
      scopes: token.scopes,
      state: token.state,
    }
  } else {
    const answer = parseCodeQuery(raw)
    if (!pending.codeVerifier)
      throw new AuthError('malformed_response', 'The sign-in lost its PKCE verifier.')
    result = {
      kind: 'code',
      code: answer.code,
      codeVerifier: pending.codeVerifier,
      state: answer.state,
    }
  }

  if (pending.flow === 'redirect') {
    // The SDK ran this flow, so its parser must agree with ours; `qs` output that differs
    // (arrays, objects) means the URL was something our parser would also refuse.
    if (!sdkData) throw new AuthError('malformed_response')
    let data: RedirectAuthorizeData
    try {
      data = await sdkData
    } catch (error) {
      throw new AuthError('malformed_response', undefined, { cause: error })
    }
    const agrees =
      data.state === pending.state &&
      (result.kind === 'token'
        ? data.access_token === result.accessToken
        : data.code === result.code)
    if (!agrees) throw new AuthError('malformed_response')
  }
  return result
}
