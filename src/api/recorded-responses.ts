import { createContext, use } from 'react'

/** Answers to requests made before the credential was confirmed (app/first-data.ts), by name. */
export type AnswersFrom = (request: string) => Promise<unknown> | undefined

const FirstAnswersContext = createContext<AnswersFrom | null>(null)
FirstAnswersContext.displayName = 'FirstAnswersContext'

/** The workspace hands its first answers to every API client under it. */
export const FirstAnswers = FirstAnswersContext

/** The first answers, or null when there are none (outside a workspace, or nothing prefetched). */
export function useFirstAnswers(): AnswersFrom | null {
  return use(FirstAnswersContext)
}
