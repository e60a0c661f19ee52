// livechat-sandbox's public entry: start a sandbox (startSandbox) or build one in-process
// (createSandbox, for MSW handlers and app.request), drive it through its control API
// (SandboxControl), and the types and seed facts a test needs.
export { createSandbox, type Sandbox } from './app'
export { startSandbox, type RunningSandbox, type StartSandboxOptions } from './start-sandbox'
export type { SandboxSetup, SetupLabels } from './config/sandbox-setup'
export type { ClientEntry } from './config/client-config'
export { ConfigError } from './config/config-error'
export {
  SandboxControl,
  SandboxControlError,
  type CustomerEvent,
  type FaultInput,
  type MintedPat,
  type MintedToken,
  type MintTokenInput,
  type PatListing,
  type Selection,
} from './control-client/sandbox-control'
export {
  DEFAULT_OPTIONS,
  OPTION_SPECS,
  type OptionSpec,
  type Region,
  type SandboxOptions,
} from './options/sandbox-options'
export type { FaultBody, FaultRule } from './fault-rule'
export type { OrgScope, SandboxConfig, SandboxState } from './state'
export type { RtmSocket } from './rtm/rtm-socket'
export { RTM_PATH } from './rtm/admission'
export { CLIENT_ID, type OAuthClient } from './seed/clients'
export { ACME_LABS } from './seed/acme-labs'
export {
  ADMIN_SCOPE,
  AGENT_SCOPES,
  MAYA,
  ORGANIZATION,
  PEOPLE,
  type LiveChatRole,
  type Organization,
  type Person,
} from './seed/identity'
export type { ChatRecord, CustomerRecord, World } from './seed/world-records'
