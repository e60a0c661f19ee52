import { useLocation } from 'react-router-dom'
import { safeReturnTo } from '../protocol/return-to'

/** What `<RequireAuth>` leaves in router state for the sign-in page (never in storage). */
export interface SignInLocationState {
  from?: string
}

/** On the sign-in page: the same-origin path to return to after signing in, else `/`. */
export function useReturnTo(): string {
  const state = useLocation().state as SignInLocationState | null
  return safeReturnTo(state?.from)
}
