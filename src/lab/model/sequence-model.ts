// A run as a sequence diagram: four lanes and the messages between them at their measured
// times, the critical path marked, a failure as the end. Pure: the view draws what this returns,
// and the unit tests read it without a DOM.
import { exchangeName } from './sign-in-measures'
import type { Run, RunExchange, RunStep } from './run-model'
import { measureRun } from './run-measures'

export type LaneId = 'app' | 'window' | 'accounts' | 'api'

export interface Lane {
  id: LaneId
  label: string
}

export type MessageKind = 'request' | 'response' | 'event' | 'leave' | 'return' | 'answer'

export interface Message {
  id: string
  from: LaneId
  to: LaneId
  /** ms after the click. */
  at: number
  label: string
  kind: MessageKind
  ok: boolean
  critical: boolean
  /** What the side panel shows: redacted rows and a note. */
  rows?: [string, string][]
  note?: string
}

export interface SequenceDiagram {
  lanes: Lane[]
  messages: Message[]
  failure: { at: number; reason: string } | null
  status: Run['status']
  /** The accounts pages could not be seen (no accounts server log): say so under the diagram. */
  pagesHidden: boolean
}

function laneOf(exchange: RunExchange): LaneId {
  return /^\/v3(\.\d+)?\//.test(exchange.path) ? 'api' : 'accounts'
}

const REQUEST_LABELS: Record<string, string> = {
  '/': 'authorize request',
  '/signin': 'sign in (persona chosen)',
  '/consent': 'consent answered',
  '/v2/token': 'code exchange (PKCE)',
  '/v2/info': 'validate the token',
}

function requestLabel(exchange: RunExchange): string {
  const what =
    exchange.source === 'lab'
      ? 'first data'
      : (REQUEST_LABELS[exchange.path] ?? 'another request of the page')
  return `${exchangeName(exchange)}: ${what}`
}

/** What an accounts page's answer was, told by what the person did next. */
function pageAnswerLabel(
  exchange: RunExchange,
  next: RunExchange | undefined,
  popup: boolean,
): string {
  const status = exchange.status ?? 200
  if (status >= 300 && status < 400) return `${status}: back to the app, the answer in the URL`
  if (next?.path === '/signin') return `${status}: sign-in page`
  if (next?.path === '/consent') return `${status}: consent page`
  return popup ? `${status}: page that posts the answer` : `${status}: page`
}

function responseLabel(exchange: RunExchange): string {
  const status = exchange.status === undefined ? 'answer' : String(exchange.status)
  if (exchange.path === '/v2/token') return `${status}: tokens`
  if (exchange.path === '/v2/info') return `${status}: scopes, lifetime, client, organization`
  return exchange.source === 'lab' ? `${status}: the data` : status
}

/** The step whose facts belong on an exchange's answer (the side panel shows them). */
function stepFor(run: Run, exchange: RunExchange): RunStep | undefined {
  const kind =
    exchange.source === 'lab'
      ? 'first-api-call'
      : exchange.path === '/v2/token'
        ? 'code-exchanged'
        : exchange.path === '/v2/info'
          ? 'token-validated'
          : null
  return kind ? run.steps.find((s) => s.kind === kind) : undefined
}

function stepMessage(run: Run, step: RunStep, index: number): Message | null {
  const popup = run.options.flow === 'popup'
  const base = {
    id: `step-${index}`,
    at: step.at - run.startedAt,
    ok: step.ok,
    critical: false,
    ...(step.rows ? { rows: step.rows } : {}),
    ...(step.note ? { note: step.note } : {}),
  }
  switch (step.kind) {
    case 'started':
      return { ...base, from: 'app', to: 'app', kind: 'event', label: 'Run clicked' }
    case 'state-generated':
      return { ...base, from: 'app', to: 'app', kind: 'event', label: 'state generated' }
    case 'window-opened':
      return step.ok
        ? {
            ...base,
            from: 'app',
            to: 'window',
            kind: 'leave',
            label: 'window.open()',
            critical: true,
          }
        : null
    case 'authorize-url':
      // In a full-page flow the page leaving carries the URL; in the popup the window is sent there.
      return popup
        ? {
            ...base,
            from: 'app',
            to: 'window',
            kind: 'leave',
            label: 'window sent to the authorize URL',
            critical: true,
          }
        : null
    case 'page-left': {
      const url = run.steps.find((s) => s.kind === 'authorize-url')
      return {
        ...base,
        ...(url?.rows ? { rows: url.rows } : {}),
        from: 'app',
        to: 'window',
        kind: 'leave',
        label: 'page left for the authorize URL',
        critical: true,
      }
    }
    case 'answer':
      return popup
        ? {
            ...base,
            from: 'window',
            to: 'app',
            kind: 'answer',
            label: step.ok ? 'answer by postMessage' : 'error by postMessage',
            critical: step.ok,
          }
        : { ...base, from: 'app', to: 'app', kind: 'event', label: 'answer read from the URL' }
    case 'page-back':
      return {
        ...base,
        from: 'app',
        to: 'app',
        kind: 'return',
        label: 'page loaded again (full reload)',
        critical: true,
      }
    case 'state-verified':
      return { ...base, from: 'app', to: 'app', kind: 'event', label: 'state verified' }
    // Drawn with their requests when those were measured; on their own otherwise.
    case 'code-exchanged':
    case 'token-validated':
    case 'first-api-call':
      return run.exchanges.some((e) => stepFor(run, e) === step)
        ? null
        : { ...base, from: 'app', to: 'app', kind: 'event', label: step.label }
    case 'failed':
      return null
  }
}

function exchangeMessages(
  run: Run,
  exchange: RunExchange,
  index: number,
  critical: boolean,
  pages: RunExchange[],
): Message[] {
  const fromPage = exchange.source === 'accounts-log'
  const client: LaneId = fromPage ? 'window' : 'app'
  const server = laneOf(exchange)
  const step = stepFor(run, exchange)
  const authorize =
    fromPage && exchange.path === '/'
      ? run.steps.find((s) => s.kind === 'authorize-url')
      : undefined
  const request: Message = {
    id: `request-${index}`,
    from: client,
    to: server,
    at: exchange.start - run.startedAt,
    label: requestLabel(exchange),
    kind: 'request',
    ok: true,
    critical,
    ...(authorize?.rows ? { rows: authorize.rows } : {}),
  }
  if (exchange.end === null) return [request]
  const ok = exchange.status === undefined || exchange.status < 400
  let answerTo: LaneId = client
  let label = responseLabel(exchange)
  let kind: MessageKind = 'response'
  if (fromPage) {
    const next = pages[pages.indexOf(exchange) + 1]
    label = pageAnswerLabel(exchange, next, run.options.flow === 'popup')
    // A redirect back to the app lands in the app's lane: the page is back.
    if ((exchange.status ?? 200) >= 300 && (exchange.status ?? 200) < 400) {
      answerTo = 'app'
      kind = 'return'
    }
  }
  const response: Message = {
    id: `response-${index}`,
    from: server,
    to: answerTo,
    at: exchange.end - run.startedAt,
    label,
    kind,
    ok: ok && (step?.ok ?? true),
    critical,
    ...(step?.rows ? { rows: step.rows } : {}),
    ...(step?.note ? { note: step.note } : {}),
  }
  return [request, response]
}

export function sequenceDiagram(run: Run): SequenceDiagram {
  const popup = run.options.flow === 'popup'
  const lanes: Lane[] = [
    { id: 'app', label: 'App tab' },
    { id: 'window', label: popup ? 'Popup window' : 'Same tab, left for LiveChat' },
    { id: 'accounts', label: 'Accounts server' },
    { id: 'api', label: 'Agent API' },
  ]
  const measures = measureRun(run)
  const onPath = new Set(measures.path)
  const pages = run.exchanges.filter((e) => e.source === 'accounts-log')
  const messages: Message[] = []
  run.steps.forEach((step, index) => {
    const message = stepMessage(run, step, index)
    if (message) messages.push(message)
  })
  run.exchanges.forEach((exchange, index) => {
    messages.push(...exchangeMessages(run, exchange, index, onPath.has(exchange), pages))
  })
  // A full-page flow whose pages were not seen: the return itself is the only arrow back.
  if (!popup && pages.length === 0) {
    const back = run.steps.find((s) => s.kind === 'page-back')
    if (back)
      messages.push({
        id: 'return',
        from: 'accounts',
        to: 'app',
        at: back.at - run.startedAt,
        label: 'back to the app, the answer in the URL',
        kind: 'return',
        ok: true,
        critical: true,
      })
  }
  messages.sort((a, b) => a.at - b.at)
  const failedStep =
    run.steps.find((s) => s.kind === 'failed') ?? run.steps.find((s) => !s.ok && s.note)
  const failure =
    run.status === 'failed'
      ? {
          at: (failedStep?.at ?? run.startedAt) - run.startedAt,
          reason: failedStep?.note ?? 'The run failed.',
        }
      : null
  return {
    lanes,
    messages,
    failure,
    status: run.status,
    pagesHidden: run.accountsPages === 'not-visible',
  }
}
