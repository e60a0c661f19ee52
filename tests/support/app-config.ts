import { DEFAULT_SCOPES } from 'livechat-browser-auth'
import type { AppConfig } from '../../src/config/env'
import { SANDBOX_ORIGIN } from './sandbox-msw'

/** The app configured for the sandbox, as `npm start` configures it. */
export const sandboxConfig: AppConfig = Object.freeze({
  clientId: '0123456789abcdef0123456789abcdef',
  accountsUrl: SANDBOX_ORIGIN,
  apiUrl: SANDBOX_ORIGIN,
  scopes: DEFAULT_SCOPES,
  organizationId: null,
  flow: 'popup',
  responseType: 'token',
  redirectUri: 'http://localhost:3000/',
  rtmUrl: 'ws://localhost:4010/v3.6/agent/rtm/ws',
  allowPat: true,
})
