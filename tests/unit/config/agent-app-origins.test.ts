import { describe, expect, it } from 'vitest'
import { agentAppOriginsProblem, parseAgentAppOrigins } from '../../../src/config/agent-app-origins'
import { describeConfigProblem } from '../../../src/config/config-problem-text'

describe('VITE_LIVECHAT_AGENT_APP_ORIGINS', () => {
  it('defaults to LiveChat’s Agent App and keeps each listed origin once', () => {
    expect(parseAgentAppOrigins(undefined)).toEqual({
      ok: true,
      origins: ['https://my.livechatinc.com'],
    })
    expect(
      parseAgentAppOrigins(
        ' https://my.livechatinc.com, http://localhost:4010,https://my.livechatinc.com',
      ),
    ).toEqual({ ok: true, origins: ['https://my.livechatinc.com', 'http://localhost:4010'] })
  })

  it.each([
    ['*', 'wildcard'],
    ['https://*.livechatinc.com', 'wildcard'],
    ['https:', 'not an origin'],
    ['my.livechatinc.com', 'not an origin'],
    ['https://my.livechatinc.com/', 'exactly an origin'],
    ['https://my.livechatinc.com/apps', 'exactly an origin'],
    ['http://my.livechatinc.com', 'https'],
    ["'self'", 'not an origin'],
  ])('refuses %s (%s)', (value, words) => {
    const parsed = parseAgentAppOrigins(`https://my.livechatinc.com,${value}`)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.value).toBe(value)
      expect(parsed.reason).toContain(words)
    }
  })

  it('puts a malformed list on the setup screen, named by its variable', () => {
    expect(
      agentAppOriginsProblem({ VITE_LIVECHAT_AGENT_APP_ORIGINS: 'http://localhost:4010' }),
    ).toBe(null)
    const problem = agentAppOriginsProblem({
      VITE_LIVECHAT_AGENT_APP_ORIGINS: 'https://my.livechatinc.com/*',
    })
    expect(problem?.variable).toBe('VITE_LIVECHAT_AGENT_APP_ORIGINS')
    expect(describeConfigProblem(problem!)).toMatch(
      /"https:\/\/my\.livechatinc\.com\/\*" is a wildcard.*e\.g\. https:\/\/my\.livechatinc\.com/,
    )
  })
})
