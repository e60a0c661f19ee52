// Accounts sessions: one per sign-in on the sandbox's pages, kept by id. Every token minted in a
// session carries its id, so ending the session can end them too.
import { randomUUID } from 'node:crypto'
import type { AccountsSession } from './records'

export class SessionStore extends Map<string, AccountsSession> {
  open(accountId: string, userAgent: string, now: number): AccountsSession {
    const session: AccountsSession = {
      id: randomUUID(),
      accountId,
      organizationId: null,
      createdAt: now,
      userAgent,
      ended: false,
    }
    this.set(session.id, session)
    return session
  }

  live(sessionId: string | undefined): AccountsSession | undefined {
    if (!sessionId) return undefined
    const session = this.get(sessionId)
    return session && !session.ended ? session : undefined
  }

  endAllOf(accountId: string): void {
    for (const session of this.values()) {
      if (session.accountId === accountId) session.ended = true
    }
  }
}
