// The commit-msg hook (installed by `npm install` through simple-git-hooks, package.json): a
// commit needs a subject, and a subject of at most 72 characters, so `git log --oneline` and
// every tool that shows one line stay readable. The reasons go in the body.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

export const MAX_SUBJECT = 72

/** Why git should refuse this message, or null when it may pass. */
export function checkCommitMessage(message) {
  // Git drops comment lines and leading blank lines before it records the message.
  const lines = message.split('\n').filter((line) => !line.startsWith('#'))
  const subject = lines.find((line) => line.trim() !== '')?.trimEnd()
  if (subject === undefined) return 'The commit message is empty: write a subject line.'
  const length = [...subject].length
  if (length > MAX_SUBJECT) {
    return (
      `The subject has ${length} characters; at most ${MAX_SUBJECT}.\n` +
      'Say what the commit does in the imperative ("Add …", "Move …"), and why in the body.'
    )
  }
  return null
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problem = checkCommitMessage(readFileSync(process.argv[2], 'utf8'))
  if (problem) {
    console.error(problem)
    process.exit(1)
  }
}
