import { ApiError, describeApiError } from 'livechat-browser-auth'

/** Why LiveChat refused, in plain words; never the raw answer, which could quote a token (#54). */
export function failureText(error: unknown): string {
  return error instanceof ApiError ? describeApiError(error) : 'Something unexpected went wrong.'
}

/** A failed action: what did not happen, then why. */
export function ActionError({ what, error }: { what: string; error: unknown }) {
  return (
    <p role="alert" className="alert">
      {what} {failureText(error)}
    </p>
  )
}
