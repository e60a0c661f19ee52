// The comparison row of a flow, computed from its last recorded run through the measures the
// bench uses too (run-measures.ts): nothing here is typed in.
import { FLOWS, type Flow } from 'livechat-browser-auth'
import { exchangeName } from './sign-in-measures'
import type { Run } from './run-model'
import { measureRun } from './run-measures'

export interface FlowComparison {
  flow: Flow
  variant: string
  status: Run['status']
  /** ms after the click; null when not reached. */
  toToken: number | null
  toValidated: number | null
  toFirstData: number | null
  /** Sequential round trips to LiveChat up to the first data (null: the data never came). */
  roundTrips: number | null
  floor: number
  /** False when the accounts pages were not visible: roundTrips is then a lower bound. */
  complete: boolean
  path: string[]
  pageReload: string
  userSaw: string
  popupBlocked: string
  iframe: string
  thirdPartyCookies: string
  /** The same facts in a few words, for the compact table beside the charts. */
  brief: { pageReload: string; userSaw: string; popupBlocked: string; widget: string }
}

export const FLOW_NAMES: Record<Flow, string> = {
  popup: 'Popup',
  redirect: 'Redirect',
  implicit: 'Implicit grant',
}

export function compare(run: Run): FlowComparison {
  const measures = measureRun(run)
  const opened = run.windowOpens > 0
  // Inside a widget (the lab itself in a frame, e.g. the Agent App's fullscreen widget): whether
  // the run worked there, and if not why (its last step, the failure); a run in a tab says nothing
  // about it.
  const why = run.steps.at(-1)?.note
  const framed = run.framed
    ? `Ran framed: ${run.status === 'done' ? 'it worked' : why ? `it failed. ${why}` : 'it failed'}`
    : 'Not measured here: this page is not inside an iframe'
  return {
    flow: run.options.flow,
    variant: measures.variant,
    status: run.status,
    toToken: measures.toToken,
    toValidated: measures.toValidated,
    toFirstData: measures.toFirstData,
    roundTrips: measures.firstData ? measures.path.length : null,
    floor: measures.floor,
    complete: measures.complete,
    path: measures.path.map(exchangeName),
    pageReload: run.reloaded ? 'Yes: the app loaded again' : 'No: the page stayed',
    userSaw: opened
      ? 'A LiveChat window over the app, which kept its state'
      : 'The app left for LiveChat, then started again',
    popupBlocked: run.popupBlocked
      ? 'Measured: failed at once (window.open returned null)'
      : opened
        ? 'Not seen in this run: block popups and run it again'
        : 'Not affected: this run opened no window (0 window.open calls)',
    brief: {
      pageReload: run.reloaded ? 'Yes' : 'No',
      userSaw: opened ? 'A window over the app' : 'The app left and came back',
      popupBlocked: run.popupBlocked
        ? 'Failed at once'
        : opened
          ? 'Not seen this run'
          : 'Not affected',
      widget: framed,
    },
    iframe: framed,
    thirdPartyCookies:
      run.storageAccess === null
        ? 'Not measured here: no document.hasStorageAccess()'
        : run.framed
          ? `Storage access: ${run.storageAccess ? 'granted' : 'not granted'}`
          : 'Not measured here: a top-level page always has its cookies',
  }
}

export function formatMs(ms: number | null): string {
  return ms === null ? 'not reached' : `${Math.round(ms)} ms`
}

export function formatRoundTrips(row: FlowComparison): string {
  if (row.roundTrips === null) return 'not reached'
  return `${row.complete ? '' : '≥ '}${row.roundTrips} (floor ${row.floor})`
}

/** Every measure as a labelled row: the table alternative and the Markdown export read these. */
export const COMPARISON_ROWS: readonly [
  key: string,
  label: string,
  value: (row: FlowComparison) => string,
][] = [
  ['toToken', 'Time to token', (row) => formatMs(row.toToken)],
  ['toValidated', 'Time to validated session', (row) => formatMs(row.toValidated)],
  ['toFirstData', 'Time to first data', (row) => formatMs(row.toFirstData)],
  ['roundTrips', 'Round trips to LiveChat', formatRoundTrips],
  ['path', 'Critical path', (row) => row.path.join(' → ') || '—'],
  ['pageReload', 'Full page reload', (row) => row.pageReload],
  ['userSaw', 'What the user saw', (row) => row.userSaw],
  ['iframe', 'Inside an iframe', (row) => row.iframe],
  ['thirdPartyCookies', 'Third-party cookies blocked', (row) => row.thirdPartyCookies],
  ['popupBlocked', 'When the popup is blocked', (row) => row.popupBlocked],
]

/** The last run of each flow, compared (null: not run yet). */
export function compareAll(results: Partial<Record<Flow, Run>>) {
  return FLOWS.map((flow) => {
    const run = results[flow]
    return { flow, name: FLOW_NAMES[flow], row: run ? compare(run) : null }
  })
}
