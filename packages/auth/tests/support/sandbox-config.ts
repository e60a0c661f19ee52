// The package configured for the local LiveChat sandbox, whose one definition the app's tests
// share (tests/support/sandbox-msw.ts: MSW hands every request for its origin to it in-process).
import { createAuthConfig } from '../../src/config/auth-config'
import { CLIENT_ID } from 'livechat-sandbox'
import { SANDBOX_ORIGIN } from '../../../../tests/support/sandbox-msw'

export const sandboxConfig = createAuthConfig({
  clientId: CLIENT_ID,
  accountsUrl: SANDBOX_ORIGIN,
  apiUrl: SANDBOX_ORIGIN,
  redirectUri: 'http://localhost:3000/',
  allowPat: true,
})
