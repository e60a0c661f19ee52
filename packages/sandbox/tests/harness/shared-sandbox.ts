// The sandbox the Playwright run shares (its webServer starts the CLI on :4010), driven through
// the package's own control client, as a developer's suite would drive theirs.
import { SandboxControl } from '../../src/control-client/sandbox-control'

export const SANDBOX_URL = 'http://localhost:4010'
export const sandbox = new SandboxControl(SANDBOX_URL)
