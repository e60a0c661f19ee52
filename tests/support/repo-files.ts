// The repository's own files, as git knows them: the repository-level checks in tests/repo read
// these, so a file that is ignored or generated (node_modules, dist, results) is never checked.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

export const ROOT = process.cwd()

/** Every tracked file whose path matches, relative to the repository root. */
export function trackedFiles(pattern: RegExp): string[] {
  return execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((path) => path !== '' && pattern.test(path))
}

export function readText(path: string): string {
  return readFileSync(`${ROOT}/${path}`, 'utf8')
}
