// The comparison row of a flow, computed from its last recorded run: nothing here is typed in.
import type { Run } from './run-model'
import { stepAt } from './run-model'

export interface FlowComparison {
  timeToToken: string
  timeToData: string
  roundTrips: string
  pageReload: string
  userSaw: string
  iframe: string
  thirdPartyCookies: string
  popupBlocked: string
}

function ms(run: Run, at: number | undefined): string {
  return at === undefined ? 'not reached' : `${Math.round(at - run.startedAt)} ms`
}

export function compare(run: Run): FlowComparison {
  const token = stepAt(run, 'token-validated')?.at
  const data = stepAt(run, 'first-api-call')
  const roundTrips = run.steps.filter((step) => step.network).length
  const opened = run.windowOpens > 0
  return {
    timeToToken: ms(run, token),
    timeToData: ms(run, data?.ok ? data.at : undefined),
    roundTrips: `${roundTrips} (${run.steps
      .filter((step) => step.network)
      .map((step) => step.kind)
      .join(', ')})`,
    pageReload: run.reloaded ? 'Yes: the app loaded again' : 'No: the page stayed',
    userSaw: opened
      ? 'A LiveChat window over the app, which kept its state'
      : 'The app left for LiveChat, then started again',
    iframe: run.framed
      ? `Ran framed: ${run.status === 'done' ? 'it worked' : 'it failed'}`
      : 'Not measured here: this page is not inside an iframe',
    thirdPartyCookies:
      run.storageAccess === null
        ? 'Not measured here: no document.hasStorageAccess()'
        : run.framed
          ? `Storage access: ${run.storageAccess ? 'granted' : 'not granted'}`
          : 'Not measured here: a top-level page always has its cookies',
    popupBlocked: run.popupBlocked
      ? 'Measured: failed at once (window.open returned null)'
      : opened
        ? 'Not seen in this run: block popups and run it again'
        : 'Not affected: this run opened no window (0 window.open calls)',
  }
}
