// What each configuration problem means and how to fix it, in words: what a setup screen can
// show next to the setting's own name (an env variable, a field).
import type { AuthConfigProblem } from './config-problems'

/** The problem in words (without the setting's name, which the caller shows its own way). */
export function describeConfigProblem({
  issue,
  value,
  example,
}: Pick<AuthConfigProblem, 'issue' | 'value' | 'example'>): string {
  const quoted = `"${value ?? ''}"`
  switch (issue) {
    case 'missing':
      return 'Missing. Copy the Client Id from your app’s Authorization block in the LiveChat Developer Console.'
    case 'not-client-id':
      return `${quoted} is not a LiveChat Client Id (32 hexadecimal characters).`
    case 'not-url':
      return `${quoted} is not a URL. Use one such as ${example ?? ''}.`
    case 'not-http':
      return `${quoted} must start with https:// (or http:// for a local sandbox).`
    case 'not-origin':
      return `${quoted} must be an origin only (scheme, host and port) with no path, for example ${example ?? ''}.`
    case 'not-one-of':
      return `${quoted} must be one of: ${example ?? ''}.`
    case 'not-rtm-url':
      return `${quoted} must be a ws:// or wss:// URL without a query, for example ${example ?? ''}. Leave it unset to derive it from the API URL.`
    case 'not-scopes':
      return `Not LiveChat scopes: ${value ?? ''}. Use a list such as chats--access:rw, customers:ro.`
    case 'no-scopes':
      return 'Empty. Leave it unset for the default agent scopes, or list the scopes to request.'
  }
}
