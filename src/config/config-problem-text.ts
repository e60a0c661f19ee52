// What each configuration problem means and how to fix it, in words. Apart from env.ts because
// only the setup page (a broken build) needs them: they load with it, not with every visit.
import type { ConfigProblem } from './env'

const MISSING: Record<string, string> = {
  VITE_LIVECHAT_CLIENT_ID:
    'Missing. Copy the Client Id from your app’s Authorization block in the LiveChat Developer Console.',
}

export function describeConfigProblem({ variable, issue, value, example }: ConfigProblem): string {
  const quoted = `"${value ?? ''}"`
  switch (issue) {
    case 'missing':
      return MISSING[variable] ?? 'Missing.'
    case 'not-client-id':
      return `${quoted} is not a LiveChat Client Id (32 hexadecimal characters).`
    case 'not-url':
      return `${quoted} is not a URL. Use an origin such as ${example ?? ''}.`
    case 'not-http':
      return `${quoted} must start with https:// (or http:// for a local sandbox).`
    case 'not-origin':
      return `${quoted} must be an origin only (scheme, host and port) with no path, for example ${example ?? ''}.`
    case 'not-one-of':
      return `${quoted} must be one of: ${example ?? ''}.`
    case 'not-rtm-url':
      return `${quoted} must be a ws:// or wss:// URL without a query, for example ${example ?? ''}. Leave it unset to derive it from VITE_LIVECHAT_API_URL.`
    case 'not-boolean':
      return `${quoted} must be true or false.`
    case 'not-scopes':
      return `Not LiveChat scopes: ${value ?? ''}. Use a comma-separated list such as chats--access:rw,customers:ro.`
    case 'no-scopes':
      return 'Empty. Leave it unset for the default agent scopes, or list scopes separated by commas.'
  }
}
