// Sharing a result: the comparison as Markdown and one run as JSON. Both are built from the
// redacted run and pass every row through exportValue again: no token, code, verifier or state,
// not even truncated.
import { COMPARISON_ROWS, compareAll } from '../model/comparison'
import { exportValue } from '../model/redact'
import type { Run } from '../model/run-model'
import { measureRun } from '../model/run-measures'
import type { Results } from './run-storage'

/** The Markdown leaves out what this browser could not measure (iframe, third-party cookies). */
const MARKDOWN_ROWS = COMPARISON_ROWS.filter(
  ([key]) => key !== 'iframe' && key !== 'thirdPartyCookies',
)

const cell = (text: string) => text.replace(/\|/g, '\\|')

export function comparisonMarkdown(results: Results, measuredAt: Date): string {
  const rows = compareAll(results)
  const header = rows.map(({ name, row }) => (row ? `${name} (${row.variant})` : name))
  const lines = [
    `Flow lab comparison, measured in this browser (${measuredAt.toISOString()})`,
    '',
    `| Measure | ${header.map(cell).join(' | ')} |`,
    `|---|${rows.map(() => '---').join('|')}|`,
    ...MARKDOWN_ROWS.map(
      ([, label, value]) =>
        `| ${label} | ${rows.map(({ row }) => cell(row ? value(row) : 'not run yet')).join(' | ')} |`,
    ),
  ]
  return `${lines.join('\n')}\n`
}

const rounded = (at: number | null, origin: number) =>
  at === null ? null : Math.round(at - origin)

/** A run's non-secret facts, times in ms after the click. */
export function runExport(run: Run) {
  const measures = measureRun(run)
  const t0 = run.startedAt
  return {
    kind: 'livechat-flow-lab-run',
    version: 1,
    startedAt: new Date(t0).toISOString(),
    options: { ...run.options, scopes: [...run.options.scopes] },
    status: run.status,
    reloaded: run.reloaded,
    windowOpens: run.windowOpens,
    popupBlocked: run.popupBlocked,
    measures: {
      variant: measures.variant,
      toTokenMs: rounded(measures.toToken, 0),
      toValidatedMs: rounded(measures.toValidated, 0),
      toFirstDataMs: rounded(measures.toFirstData, 0),
      roundTrips: measures.firstData ? measures.path.length : null,
      roundTripsComplete: measures.complete,
      floor: measures.floor,
      criticalPath: measures.path.map((r) => `${r.method ?? ''} ${r.path}`.trim()),
    },
    steps: run.steps.map((step) => ({
      kind: step.kind,
      label: step.label,
      atMs: rounded(step.at, t0),
      ok: step.ok,
      ...(step.note ? { note: step.note } : {}),
      ...(step.rows
        ? { fields: step.rows.map(([key, value]) => [key, exportValue(key, value)]) }
        : {}),
    })),
    requests: run.exchanges.map((r) => ({
      method: r.method,
      origin: r.origin,
      path: r.path,
      startMs: rounded(r.start, t0),
      firstByteMs: rounded(r.firstByte, t0),
      endMs: rounded(r.end, t0),
      ...(r.status !== undefined ? { status: r.status } : {}),
      seenBy: r.source,
    })),
  }
}

export function runJson(run: Run): string {
  return `${JSON.stringify(runExport(run), null, 2)}\n`
}
