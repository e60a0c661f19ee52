// Recorded runs for the lab's unit tests, shaped as the lab records them: steps from the auth
// layer's observer and the tracer, requests from Resource Timing, the sandbox log and the lab.
import type { Run, RunExchange, RunOptions, RunStep } from '../../src/lab/model/run-model'

export const T0 = 1_700_000_000_000
export const SANDBOX = 'http://localhost:4010'

function step(kind: RunStep['kind'], at: number, extra: Partial<RunStep> = {}): RunStep {
  return { kind, label: kind, at: T0 + at, ok: true, ...extra }
}

function exchange(
  source: RunExchange['source'],
  method: string,
  path: string,
  start: number,
  end: number | null,
  extra: Partial<RunExchange> = {},
): RunExchange {
  return {
    method,
    origin: SANDBOX,
    path,
    start: T0 + start,
    end: end === null ? null : T0 + end,
    firstByte: null,
    source,
    ...extra,
  }
}

function run(options: Partial<RunOptions>, parts: Partial<Run>): Run {
  return {
    id: 'run',
    options: {
      flow: 'popup',
      responseType: 'token',
      popupFlow: 'auto',
      consent: false,
      scopes: ['chats--access:ro'],
      ...options,
    },
    startedAt: T0,
    steps: [],
    status: 'done',
    reloaded: false,
    windowOpens: 0,
    popupBlocked: false,
    framed: false,
    storageAccess: true,
    exchanges: [],
    accountsPages: 'sandbox',
    ...parts,
  }
}

/** What the sandbox logged for a first sign-in: authorize, sign-in, consent. */
function accountsPages(lastStatus = 200): RunExchange[] {
  return [
    exchange('accounts-log', 'GET', '/', 20, 24),
    exchange('accounts-log', 'POST', '/signin', 300, 305),
    exchange('accounts-log', 'POST', '/consent', 600, 606, { status: lastStatus }),
  ]
}

export const SECRET_TOKEN = 'dal:SECRET-ACCESS-TOKEN-123456'

/** popup, token: the run the lab used to count as 3 round trips and the bench as 5. */
export function popupRun(): Run {
  return run(
    {},
    {
      windowOpens: 1,
      steps: [
        step('started', 0),
        step('state-generated', 1, { rows: [['state', 'abcd…yz']] }),
        step('window-opened', 2),
        step('authorize-url', 5, {
          rows: [
            ['endpoint', `${SANDBOX}/`],
            ['response_type', 'token'],
            ['state', 'abcd…yz'],
          ],
        }),
        step('answer', 640, {
          rows: [
            ['access_token', 'dal:…56'],
            ['expires_in', '28800'],
          ],
        }),
        step('state-verified', 641),
        step('token-validated', 700, { rows: [['scopes', '9']] }),
        step('first-api-call', 760, { rows: [['HTTP status', '200']] }),
      ],
      exchanges: [
        ...accountsPages(),
        exchange('browser', 'GET', '/v2/info', 645, 699, { firstByte: T0 + 690, status: 200 }),
        exchange('lab', 'POST', '/v3.6/agent/action/list_chats', 702, 760, {
          firstByte: T0 + 750,
          status: 200,
        }),
      ],
    },
  )
}

/** redirect, code + PKCE, restored after the round trip. */
export function redirectCodeRun(): Run {
  return run(
    { flow: 'redirect', responseType: 'code' },
    {
      reloaded: true,
      steps: [
        step('started', 0),
        step('state-generated', 1),
        step('authorize-url', 3, { rows: [['code_challenge_method', 'S256']] }),
        step('page-left', 3.01),
        step('page-back', 610),
        step('answer', 700, { rows: [['code', 'dal:…xy']] }),
        step('state-verified', 701),
        step('code-exchanged', 760),
        step('token-validated', 820),
        step('first-api-call', 880),
      ],
      exchanges: [
        ...accountsPages(302),
        exchange('browser', 'POST', '/v2/token', 702, 759),
        exchange('browser', 'GET', '/v2/info', 761, 819),
        exchange('lab', 'POST', '/v3.6/agent/action/list_chats', 822, 880, { status: 200 }),
      ],
    },
  )
}

/** popup, blocked: window.open returned null, the provider's popup_blocked ended the run. */
export function blockedPopupRun(): Run {
  return run(
    {},
    {
      status: 'failed',
      windowOpens: 1,
      popupBlocked: true,
      steps: [
        step('started', 0),
        step('window-opened', 1, { ok: false, note: 'window.open returned null' }),
        step('failed', 3, {
          ok: false,
          note: 'Popup blocked: Allow popups for this site (popup_blocked)',
        }),
      ],
      exchanges: [],
      accountsPages: 'unknown',
    },
  )
}
