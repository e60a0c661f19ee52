// Who is calling, whatever the credential: an OAuth access token (`Bearer`) or a personal
// access token (`Basic base64(<account_id>:<PAT>)`, docs/PAT.md). Everything below the
// credential resolver (method handlers, scope checks, the RTM layer) reads only this.
import type { Person } from '../seed/identity'

export type CallerKind = 'oauth' | 'pat'

export interface Caller {
  kind: CallerKind
  /**
   * Stable id of the credential: the access token string for OAuth, the PAT's record id for a
   * PAT (never the PAT itself). Rate limits are counted per credential; live sockets remember it
   * so revoking or expiring that credential ends them.
   */
  credentialId: string
  accountId: string
  organizationId: string
  scopes: string[]
  /** Epoch ms on the sandbox clock; null when the credential never expires (PATs by default). */
  expiresAt: number | null
  /** The OAuth client the token was issued to. PAT requests carry no client (docs/PAT.md). */
  clientId: string | null
  /** Data-centre prefix of an OAuth token (`dal`, `fra` …); a PAT has none (its format is UNKNOWN). */
  region: string | null
  person: Person
}
