// The sequence diagram and waterfall models of recorded runs: lanes, arrows in time order, the
// critical path, the page leaving and coming back, a failure as the end.
import { describe, expect, it } from 'vitest'
import { sequenceDiagram } from '../../../../src/lab/model/sequence-model'
import { waterfall } from '../../../../src/lab/model/waterfall-model'
import { blockedPopupRun, popupRun, redirectCodeRun } from '../../../support/lab-runs'

const arrows = (run: Parameters<typeof sequenceDiagram>[0]) =>
  sequenceDiagram(run).messages.map((m) => `${m.from}>${m.to} ${m.label}`)

describe('sequence diagram', () => {
  it('a popup run: four lanes, the popup window among them, every message in time order', () => {
    const diagram = sequenceDiagram(popupRun())
    expect(diagram.lanes.map((l) => l.label)).toEqual([
      'App tab',
      'Popup window',
      'Accounts server',
      'Agent API',
    ])
    expect(arrows(popupRun())).toEqual([
      'app>app Run clicked',
      'app>app state generated',
      'app>window window.open()',
      'app>window window sent to the authorize URL',
      'window>accounts GET /: authorize request',
      'accounts>window 200: sign-in page',
      'window>accounts POST /signin: sign in (persona chosen)',
      'accounts>window 200: consent page',
      'window>accounts POST /consent: consent answered',
      'accounts>window 200: page that posts the answer',
      'window>app answer by postMessage',
      'app>app state verified',
      'app>accounts GET /v2/info: validate the token',
      'accounts>app 200: scopes, lifetime, client, organization',
      'app>api POST /v3.6/agent/action/list_chats: first data',
      'api>app 200: the data',
    ])
    const times = diagram.messages.map((m) => m.at)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(diagram.failure).toBeNull()
  })

  it('marks the round trips on the critical path and the answer that carried the token', () => {
    const critical = sequenceDiagram(popupRun())
      .messages.filter((m) => m.critical)
      .map((m) => m.label)
    expect(critical).toContain('GET /: authorize request')
    expect(critical).toContain('answer by postMessage')
    expect(critical).toContain('POST /v3.6/agent/action/list_chats: first data')
    expect(critical).not.toContain('state verified')
  })

  it('attaches the redacted facts of each step to its arrow', () => {
    const diagram = sequenceDiagram(popupRun())
    const authorize = diagram.messages.find((m) => m.label === 'GET /: authorize request')
    expect(authorize?.rows).toContainEqual(['response_type', 'token'])
    const answer = diagram.messages.find((m) => m.label === 'answer by postMessage')
    expect(answer?.rows).toContainEqual(['access_token', 'dal:…56'])
  })

  it('a redirect run: the tab leaves, the 302 comes back to the app, the page loads again', () => {
    const diagram = sequenceDiagram(redirectCodeRun())
    expect(diagram.lanes[1]?.label).toBe('Same tab, left for LiveChat')
    const list = arrows(redirectCodeRun())
    const left = list.indexOf('app>window page left for the authorize URL')
    const back = list.indexOf('accounts>app 302: back to the app, the answer in the URL')
    const reload = list.indexOf('app>app page loaded again (full reload)')
    expect(left).toBeGreaterThan(-1)
    expect(back).toBeGreaterThan(left)
    expect(reload).toBeGreaterThan(back)
    expect(list).toContain('app>accounts POST /v2/token: code exchange (PKCE)')
  })

  it('a blocked popup ends the diagram in red with its reason', () => {
    const diagram = sequenceDiagram(blockedPopupRun())
    expect(diagram.failure?.reason).toMatch(/popup_blocked/)
    expect(diagram.messages.map((m) => m.label)).toEqual(['Run clicked'])
  })
})

describe('waterfall', () => {
  it('one bar per request, split into wait and transfer where the first byte was seen', () => {
    const { bars, total } = waterfall(popupRun())
    expect(bars.map((b) => b.label)).toEqual([
      'GET /',
      'POST /signin',
      'POST /consent',
      'GET /v2/info',
      'POST /v3.6/agent/action/list_chats',
    ])
    expect(bars[3]).toMatchObject({ start: 645, firstByte: 690, end: 699, critical: true })
    expect(bars[0]?.firstByte).toBeNull()
    expect(total).toBe(760)
  })
})
