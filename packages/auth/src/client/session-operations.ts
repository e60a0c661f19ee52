// The half of the client that runs once LiveChat answers, and needs no SDK: completing a sign-in
// (code exchange, /v2/info validation) into the session, the silent restore at startup, the
// implicit grant, renewing, and giving tokens back. One lazy module (load-session-operations.ts),
// so the sign-in page's bundle holds none of it and a restore at startup costs a few KB, not the
// SDK.
import { startImplicitSignIn } from '../flows/implicit-flow'
import { trySilentSignIn } from '../flows/silent-flow'
import { AuthError, asAuthError } from '../errors/auth-error'
import type { AuthorizeResult } from '../protocol/authorize-result'
import type { Credential } from '../protocol/credential'
import { forOrganization } from '../protocol/organization'
import { safeReturnTo } from '../protocol/return-to'
import { completeSignIn, renewSession } from '../session/complete-sign-in'
import type { PatInput } from '../session/pat-sign-in'
import type { Session, SignInMethod } from '../session/session'
import { endAllSessions, revokeToken } from '../session/token-endpoint'
import type { ClientCore } from './client-types'
import type { Flow } from '../config/auth-config'

/** Tells the app about a credential before it is validated (`onToken`). */
type TokenListener = (credential: Credential) => void

/** Best effort, never throws: a token that cannot be revoked expires on its own. */
function revoke(core: ClientCore, token: string): Promise<boolean> {
  return revokeToken(core.config, token)
}

/**
 * Turns a credential LiveChat has not confirmed yet into the session, or into `error`. What was
 * fetched with a credential LiveChat refuses is dropped (`onToken`'s return).
 */
async function finishSignIn(
  core: ClientCore,
  run: (onToken: TokenListener) => Promise<Session>,
  flow: SignInMethod,
  returnTo: string,
): Promise<Session | null> {
  core.dispatch({ type: 'AUTHORIZED', flow })
  let discard: (() => void) | undefined
  const heard: TokenListener = (credential) => {
    discard = core.options.onToken?.(credential, returnTo) ?? undefined
  }
  try {
    const session = await run(heard)
    core.confirmAccount(session.accountId, session.organizationId)
    // A second sign-in (e.g. granting more scopes) replaces the token: retire the old one,
    // since LiveChat caps live tokens per client and account at 25.
    const previous = core.getState().session
    if (previous?.kind === 'oauth' && previous.credential.value !== session.credential.value)
      void revoke(core, previous.accessToken)
    core.dispatch({ type: 'SIGNED_IN', session })
    return session
  } catch (error) {
    discard?.()
    core.dispatch({ type: 'SIGN_IN_FAILED', error: asAuthError(error) })
    return null
  }
}

/**
 * Completes an authorize answer (popup, redirect, implicit, silent) into the session; when the
 * sign-in asked for an organization, its token must be for it.
 */
function complete(
  core: ClientCore,
  result: AuthorizeResult,
  flow: Flow,
  returnTo: string,
  organizationId?: string,
): Promise<Session | null> {
  return finishSignIn(
    core,
    (onToken) =>
      completeSignIn(forOrganization(core.config, organizationId), result, flow, { onToken }),
    flow,
    returnTo,
  )
}

/** Signs in with a personal access token (its checks load now: few sign in this way). */
async function signInWithPat(
  core: ClientCore,
  input: PatInput,
  scopes: readonly string[],
  returnTo: string,
): Promise<boolean> {
  const session = await finishSignIn(
    core,
    async (onToken) =>
      (await import('../session/pat-sign-in')).signInWithPat(core.config, input, scopes, {
        onToken,
      }),
    'pat',
    returnTo,
  )
  return session !== null
}

/** At startup without a callback: LiveChat's silent iframe sign-in, when its session lives. */
async function restore(core: ClientCore): Promise<void> {
  const { config, getState, dispatch } = core
  try {
    const result = await trySilentSignIn(config, { responseType: config.responseType })
    // The agent may have started a sign-in of their own meanwhile: theirs wins.
    if (result && getState().status === 'restoring') {
      const here = safeReturnTo(`${window.location.pathname}${window.location.search}`)
      await complete(core, result, config.flow, here)
      return
    }
  } catch (error) {
    // A failed silent restore is not worth showing (the sign-in page is the answer), except
    // LiveChat refusing after several reloads in a row: a click would be refused too for a
    // while, so the page says why and how long, instead of failing on the click.
    if (
      error instanceof AuthError &&
      error.kind === 'too_many_redirects' &&
      getState().status === 'restoring'
    ) {
      dispatch({ type: 'SIGN_IN_FAILED', error })
      return
    }
  }
  dispatch({ type: 'RESTORE_FINISHED' })
}

/**
 * Gives a signed-out OAuth session's tokens back to LiveChat, after the app has let go of them.
 * A personal access token is not ours to revoke: only its owner can, in the Developer Console.
 */
async function retire(core: ClientCore, session: Session, everywhere: boolean): Promise<void> {
  if (session.kind !== 'oauth') return
  if (everywhere) await endAllSessions(core.config, session.accessToken).catch(() => undefined)
  await revoke(core, session.accessToken)
  if (session.refreshToken) await revoke(core, session.refreshToken)
}

export const sessionOperations = {
  complete,
  signInWithPat,
  restore,
  retire,
  revoke,
  renewSession,
  startImplicitSignIn,
}

export type SessionOperations = typeof sessionOperations
