export const MAX_SUBJECT: number
export function checkCommitMessage(message: string): string | null
