// Why the agent is on the sign-in page again. Only after a session ends, so not in the sign-in
// page's first bundle: the workspace preloads it (app/workspace/workspace.tsx), and the status
// line keeps its place while it loads.
import type { SignOutReason } from 'livechat-browser-auth'

const NOTICES = {
  user: 'You signed out.',
  'other-tab': 'You signed out in another tab.',
  expired: 'Your session expired. Sign in again to pick up where you left off.',
  revoked: 'LiveChat ended your session. Sign in again to continue.',
  'remote-logout':
    'You were signed out of LiveChat from another device or by an administrator. Sign in again to continue.',
} as const satisfies Record<SignOutReason, string>

export function SignOutNotice({ reason }: { reason: SignOutReason }) {
  return <>{NOTICES[reason]}</>
}
