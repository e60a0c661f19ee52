// Nothing in the repository cites a document that is not in it: every `.md` a file names (with
// its `#section`, when it gives one) is a file of this repository with that heading, and no file
// cites private section labels (`§2.5`) other than an RFC's. What the code relies on about
// LiveChat is cited as LiveChat's public page or as the project's own notes (docs/livechat/).
import { posix } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readText, trackedFiles } from '../support/repo-files'

const TEXT = /\.(ts|tsx|mts|js|mjs|cjs|md|json|ya?ml|html|css)$/
/** Generated, vendored, or this file's own fixtures: cited, never scanned. */
const SKIPPED = /^(bench\/results\/|package-lock\.json$|tests\/repo\/citations\.test\.ts$)/
/** A path ending in .md, not part of a URL, with an optional #anchor. */
const CITATION = /(?<![\w/.:@-])((?:\.{1,2}\/)*[\w-][\w.-]*(?:\/[\w.-]+)*\.md)(?:#([\w-]+))?/g

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

function anchorsOf(markdown: string): Set<string> {
  const headings = markdown.match(/^#{1,6} .+$/gm) ?? []
  return new Set(headings.map((line) => slug(line.replace(/^#+ /, ''))))
}

/** Where a citation in `file` may point: beside it, from the root, or from its package's root. */
function candidates(file: string, path: string): string[] {
  const pkg = /^packages\/[^/]+\//.exec(file)?.[0]
  return [posix.join(posix.dirname(file), path), posix.normalize(path)].concat(
    pkg ? [posix.join(pkg, path)] : [],
  )
}

/** The citations in the files `scan` picks that do not resolve within `files`. */
export function brokenCitations(
  files: ReadonlyMap<string, string>,
  scan: (path: string) => boolean = () => true,
): string[] {
  const broken: string[] = []
  for (const [file, text] of files) {
    if (!scan(file)) continue
    const code = !/\.(md|json|ya?ml|html)$/.test(file)
    text.split('\n').forEach((raw, index) => {
      const where = `${file}:${index + 1}`
      // In code only comments cite (a string like 'latest.md' names a file it writes); a
      // Markdown link's text is a label, its target the citation.
      const comment = /(\/\/|^\s*\/?\*|\/\*)(.*)$/.exec(raw)?.[2]
      const line = (code ? (comment ?? '') : raw).replace(/\[[^\]]*\]\(/g, '(')
      if (line.includes('§') && !/\bRFC \d+/.test(line))
        broken.push(`${where}: a private section label (§); cite a page or docs/ instead`)
      for (const [, path = '', anchor] of line.matchAll(CITATION)) {
        const target = candidates(file, path).find((candidate) => files.has(candidate))
        if (!target) broken.push(`${where}: ${path} is not in the repository`)
        else if (anchor && !anchorsOf(files.get(target) ?? '').has(anchor))
          broken.push(`${where}: ${target} has no section #${anchor}`)
      }
    })
  }
  return broken
}

describe('citations', () => {
  it('every .md a file cites is in the repository, with the cited section', () => {
    const files = new Map(trackedFiles(TEXT).map((path) => [path, readText(path)]))
    expect(files.size).toBeGreaterThan(400)
    expect(brokenCitations(files, (path) => !SKIPPED.test(path))).toEqual([])
  })

  it('fails on a missing document, a missing section or a private label', () => {
    const files = new Map([
      ['docs/notes.md', '# Notes\n\n## Disconnect reasons\n'],
      [
        'src/a.ts',
        [
          '// docs/notes.md#disconnect-reasons and ../docs/notes.md resolve',
          '// livechat-rtm-api.md §2.5 does not',
          '// docs/notes.md#heartbeat is not a section; https://example.com/x.md is a URL',
          '// RFC 6749 §4.1.2 is public',
        ].join('\n'),
      ],
    ])
    expect(brokenCitations(files)).toEqual([
      'src/a.ts:2: a private section label (§); cite a page or docs/ instead',
      'src/a.ts:2: livechat-rtm-api.md is not in the repository',
      'src/a.ts:3: docs/notes.md has no section #heartbeat',
    ])
    expect(slug('The SDK: popup')).toBe('the-sdk-popup')
  })
})
