// The OAuth clients registered in the default sandbox: the app's own (CLIENT_ID) and three
// that tests need. `--client` and `--config` add more (config/client-config.ts).
import { ADMIN_SCOPE, AGENT_SCOPES, ORGANIZATION } from './identity'

export type ClientType = 'javascript_app' | 'server_side_app'

export interface OAuthClient {
  id: string
  name: string
  type: ClientType
  redirectUris: string[]
  scopes: string[]
  /** Private apps live in one license; consent is skipped for agents of that license. */
  private: boolean
  organizationId: string
  /** Server-side apps authenticate at the token endpoint with it; web apps have none. */
  secret?: string
}

export const CLIENT_ID = '0123456789abcdef0123456789abcdef'

export const CLIENTS: OAuthClient[] = [
  {
    id: CLIENT_ID,
    name: 'Agent Workspace (sandbox)',
    type: 'javascript_app',
    redirectUris: [
      'http://localhost:5173',
      'http://127.0.0.1:5173',
      'http://localhost:4173',
      'http://127.0.0.1:4173',
    ],
    scopes: [...AGENT_SCOPES, ADMIN_SCOPE],
    // A public-style client so the consent page is shown on first grant, as the issue asks.
    private: false,
    organizationId: ORGANIZATION.id,
  },
  {
    // A second client: tokens issued to it let tests prove token-injection checks.
    id: 'fedcba9876543210fedcba9876543210',
    name: 'Some Other App',
    type: 'javascript_app',
    redirectUris: ['http://localhost:5173', 'http://localhost:4173'],
    scopes: [...AGENT_SCOPES],
    private: false,
    organizationId: ORGANIZATION.id,
  },
  {
    // A server-side client: `response_type=token` is not allowed for it (invalid_request).
    id: 'abcdefabcdefabcdefabcdefabcdef01',
    name: 'Server Reports',
    type: 'server_side_app',
    redirectUris: ['http://localhost:5173'],
    scopes: [...AGENT_SCOPES],
    private: true,
    organizationId: ORGANIZATION.id,
    secret: 'sandbox-server-side-secret',
  },
  {
    // A client with no redirect URIs configured (redirect_uri_not_set).
    id: '00000000000000000000000000000000',
    name: 'Unconfigured App',
    type: 'javascript_app',
    redirectUris: [],
    scopes: [...AGENT_SCOPES],
    private: false,
    organizationId: ORGANIZATION.id,
  },
]
