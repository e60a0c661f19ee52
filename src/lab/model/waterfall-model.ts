// A run's requests as waterfall bars: when each started, how long it waited for the first byte
// and how long the answer took to arrive, ms after the click. Pure.
import { exchangeName } from './sign-in-measures'
import type { Run, RunExchange } from './run-model'
import { measureRun } from './run-measures'

export interface WaterfallBar {
  id: string
  label: string
  start: number
  /** null: the instrument did not see the first byte (one undivided bar). */
  firstByte: number | null
  /** null: the answer never ended (the run failed there). */
  end: number | null
  critical: boolean
  seenBy: RunExchange['source']
}

export function waterfall(run: Run): { bars: WaterfallBar[]; total: number } {
  const onPath = new Set(measureRun(run).path)
  const t = (at: number | null) => (at === null ? null : at - run.startedAt)
  const bars = run.exchanges.map((exchange, index) => ({
    id: `bar-${index}`,
    label: exchangeName(exchange),
    start: exchange.start - run.startedAt,
    firstByte: t(exchange.firstByte),
    end: t(exchange.end),
    critical: onPath.has(exchange),
    seenBy: exchange.source,
  }))
  const total = Math.max(1, ...bars.map((bar) => bar.end ?? bar.start))
  return { bars, total }
}

export const SEEN_BY: Record<RunExchange['source'], string> = {
  browser: "this page's Resource Timing",
  lab: "the lab's own call",
  'accounts-log': "the accounts server's log",
}
