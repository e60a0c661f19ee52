import { describeScope } from 'livechat-browser-auth'

/** The missing-scope explanation (issue 3's words): what needs which permission, and what it means. */
export function lackingScope(scope: string, action: string): string {
  return `${action} needs the permission ${scope} (${describeScope(scope)}), which this sign-in does not include.`
}

/** The same explanation on screen, the scope set as code. */
export function LackingScope({ scope, action }: { scope: string; action: string }) {
  return (
    <p className="muted">
      {action} needs the permission <code>{scope}</code> ({describeScope(scope)}), which this
      sign-in does not include.
    </p>
  )
}
