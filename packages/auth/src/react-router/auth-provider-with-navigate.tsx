import { useCallback } from 'react'
import { useNavigate } from 'react-router-dom'
import { AuthProvider, type AuthProviderProps } from '../react/auth-provider'

/** `<AuthProvider>` inside a React Router: a completed redirect sign-in navigates with it. */
export function AuthProviderWithNavigate(props: Omit<AuthProviderProps, 'onRedirectCallback'>) {
  const navigate = useNavigate()
  const onRedirectCallback = useCallback(
    (returnTo: string) => void navigate(returnTo, { replace: true }),
    [navigate],
  )
  return <AuthProvider {...props} onRedirectCallback={onRedirectCallback} />
}
