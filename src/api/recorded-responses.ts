import { createContext, use } from 'react'

/**
 * Responses to requests sent before the credential was confirmed (app/workspace/prefetch.ts),
 * by request name: each is handed out once.
 */
export type TakeRecordedResponse = (request: string) => Promise<unknown> | undefined

const RecordedResponsesContext = createContext<TakeRecordedResponse | null>(null)
RecordedResponsesContext.displayName = 'RecordedResponsesContext'

/** The workspace hands its prefetched responses to every API client under it. */
export const RecordedResponses = RecordedResponsesContext

/** The recorded responses, or null when there are none (outside a workspace, nothing prefetched). */
export function useRecordedResponses(): TakeRecordedResponse | null {
  return use(RecordedResponsesContext)
}
