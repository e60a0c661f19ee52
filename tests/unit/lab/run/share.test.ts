// Sharing a result: the Markdown comparison and the JSON run hold the measured facts and no
// token, code, verifier or state, not even truncated (`dal:…` included).
import { describe, expect, it } from 'vitest'
import { comparisonMarkdown, runExport, runJson } from '../../../../src/lab/run/share'
import { blockedPopupRun, popupRun, redirectCodeRun } from '../../../support/lab-runs'

const FORBIDDEN = [/dal:/, /SECRET/, /abcd…yz/, /code_verifier.*[A-Za-z0-9]{8}/]

describe('share', () => {
  it('the comparison as Markdown: a table with the measured times and round trips', () => {
    const markdown = comparisonMarkdown(
      { popup: popupRun(), redirect: redirectCodeRun() },
      new Date('2026-12-01T00:00:00Z'),
    )
    expect(markdown).toContain(
      '| Measure | Popup (popup (token)) | Redirect (redirect (code + PKCE)) | Implicit grant |',
    )
    expect(markdown).toContain('| Time to first data | 760 ms | 880 ms | not run yet |')
    expect(markdown).toContain(
      '| Round trips to LiveChat | 5 (floor 4) | 6 (floor 5) | not run yet |',
    )
    for (const pattern of FORBIDDEN) expect(markdown).not.toMatch(pattern)
  })

  it('a run as JSON: times in ms after the click, the fields of each step, secrets dropped', () => {
    const json = runJson(popupRun())
    const parsed = JSON.parse(json) as ReturnType<typeof runExport>
    expect(parsed.measures).toMatchObject({ roundTrips: 5, floor: 4, toFirstDataMs: 760 })
    const answer = parsed.steps.find((s) => s.kind === 'answer')
    expect(answer?.fields).toContainEqual(['access_token', '[redacted]'])
    expect(answer?.fields).toContainEqual(['expires_in', '28800'])
    for (const pattern of FORBIDDEN) expect(json).not.toMatch(pattern)
    expect(runJson(redirectCodeRun())).not.toMatch(/dal:/)
  })

  it('a failed run exports its reason', () => {
    const parsed = runExport(blockedPopupRun())
    expect(parsed.status).toBe('failed')
    expect(parsed.steps.at(-1)?.note).toMatch(/popup_blocked/)
    expect(parsed.measures.roundTrips).toBeNull()
  })
})
