// Keeps SECURITY.md's catalogue table honest (issue 6): every case of the catalogue (#1–#71,
// #E-live) has a row, and every test a row cites exists, under that title, and names the case.
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// Vitest runs from the repository root (where vite.config.ts is).
const ROOT = `${process.cwd()}/`
const CASES = [...Array.from({ length: 71 }, (_, i) => `#${i + 1}`), '#E-live']

interface Row {
  id: string
  cell: string
  cites: { path: string; title: string }[]
}

function catalogueRows(markdown: string): Row[] {
  const rows: Row[] = []
  for (const line of markdown.split('\n')) {
    // | #12 | short name | `path` — “title”<br>… |   (a literal | inside a cell is \|)
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim().replaceAll('\\|', '|'))
    const id = cells[0] ?? ''
    if (cells.length !== 3 || !/^(#\d+|#E-live|[WX]\d+)$/.test(id)) continue
    const cell = cells[2] ?? ''
    const cites = [...cell.matchAll(/`([^`]+)` — “([^”]+)”/g)].map((m) => ({
      path: m[1] ?? '',
      title: m[2] ?? '',
    }))
    rows.push({ id, cell, cites })
  }
  return rows
}

/** `#17` matches "#17", "A.17" or "C.17" (the catalogue's section form); `X1`, `W1` match themselves. */
function namesCase(title: string, id: string): boolean {
  const number = /^#(\d+)$/.exec(id)?.[1]
  const pattern = number ? `(#|\\b[A-E]\\.)${number}(?!\\d)` : `\\b${id}(?!\\d)`
  return new RegExp(pattern).test(title)
}

const rows = catalogueRows(readFileSync(`${ROOT}SECURITY.md`, 'utf8'))

describe('SECURITY.md catalogue table', () => {
  it('has exactly one row for every case 1–71 and #E-live', () => {
    const ids = rows.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(CASES.filter((id) => !ids.includes(id))).toEqual([])
  })

  it('each row cites at least one test, or says N/A with a reason', () => {
    const empty = rows.filter((r) => r.cites.length === 0 && !/^N\/A\b.{10,}/.test(r.cell))
    expect(empty.map((r) => r.id)).toEqual([])
  })

  it.each(rows.filter((r) => r.cites.length > 0).map((r) => [r.id, r] as const))(
    '%s: every cited file exists, holds the cited title, and the title names the case',
    (id, row) => {
      for (const { path, title } of row.cites) {
        expect(existsSync(`${ROOT}${path}`), `${path} exists`).toBe(true)
        const source = readFileSync(`${ROOT}${path}`, 'utf8')
        expect(source.includes(title), `${path} holds “${title}”`).toBe(true)
        expect(namesCase(title, id), `“${title}” names ${id}`).toBe(true)
      }
    },
  )

  it('the parser and the id match are strict enough to fail', () => {
    const fake = catalogueRows(
      [
        '| #1 | x | `a.test.ts` — “#1 a \\| b”<br>`b.test.ts` — “A.1: c” |',
        '| #2 | y | N/A |',
        '| not a case | z | w |',
      ].join('\n'),
    )
    expect(fake.map((r) => r.id)).toEqual(['#1', '#2'])
    expect(fake[0]?.cites).toEqual([
      { path: 'a.test.ts', title: '#1 a | b' },
      { path: 'b.test.ts', title: 'A.1: c' },
    ])
    expect(/^N\/A\b.{10,}/.test(fake[1]?.cell ?? '')).toBe(false)
    expect(namesCase('A.17: x', '#17')).toBe(true)
    expect(namesCase('#44/#46: x', '#46')).toBe(true)
    expect(namesCase('#170 x', '#17')).toBe(false)
    expect(namesCase('#1 x', '#17')).toBe(false)
    expect(namesCase('DATA.17', '#17')).toBe(false)
  })
})
