// A lab run's numbers through the one definition the bench uses too (sign-in-measures.ts): the
// run's steps say when the answer reached the app, its exchanges are the requests.
import type { Run, RunExchange } from './run-model'
import { stepAt } from './run-model'
import {
  milestones,
  PROTOCOL_FLOORS,
  roundTrips,
  variantOf,
  type Milestones,
  type Variant,
} from './sign-in-measures'

export interface RunMeasures extends Milestones<RunExchange> {
  variant: Variant
  floor: number
  /** The requests on the critical path, in order (empty before the first data arrived). */
  path: RunExchange[]
  /** False when the accounts pages were not visible to the app: the count is a lower bound. */
  complete: boolean
}

/**
 * When LiveChat's answer reached the app: the popup's postMessage, or (a full-page flow) the
 * navigation back to the app, which started this page load.
 */
export function answerAt(run: Run): number | null {
  if (run.options.flow === 'popup') {
    const answer = stepAt(run, 'answer')
    return answer?.ok ? answer.at : null
  }
  return stepAt(run, 'page-back')?.at ?? null
}

export function measureRun(run: Run): RunMeasures {
  const variant = variantOf(run.options.flow, run.options.responseType)
  const measured = milestones({
    click: run.startedAt,
    answer: answerAt(run),
    responseType: run.options.flow === 'implicit' ? 'token' : run.options.responseType,
    exchanges: run.exchanges,
    isFirstData: (r) => r.source === 'lab',
  })
  const origins = [...new Set(run.exchanges.map((r) => r.origin))]
  const path = measured.firstData
    ? roundTrips(run.exchanges, { liveChatOrigins: origins, last: measured.firstData })
    : []
  return {
    ...measured,
    variant,
    floor: PROTOCOL_FLOORS[variant].roundTrips,
    path,
    complete: run.accountsPages === 'sandbox',
  }
}
