/**
 * The signed-in user. At start the app asks /api/auth/me (the HttpOnly cookie survives a reload);
 * sign-in and sign-out go through the API; the CSRF token is kept in memory for writes only.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { api, ProblemError } from '../api/api-client.ts'
import { endpoints } from '../api/endpoints.ts'
import type { User } from '../api/server-types.ts'

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; reason?: 'expired' }
  | { status: 'signed-in'; user: User }
  | { status: 'unreachable'; error: ProblemError }

interface SessionValue {
  state: SessionState
  signIn(username: string, password: string): Promise<void>
  signOut(): Promise<void>
  /** Asks the server again (after the link came back). */
  recheck(): void
}

const SessionContext = createContext<SessionValue | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    endpoints.me({ signal: controller.signal }).then((me) => {
      const { csrfToken, ...user } = me
      api.setCsrfToken(csrfToken)
      setState({ status: 'signed-in', user })
    }, (error: unknown) => {
      if (controller.signal.aborted) return
      if (error instanceof ProblemError && error.status === 401) setState({ status: 'signed-out' })
      else setState({ status: 'unreachable', error: error instanceof ProblemError ? error : new ProblemError({ status: 0, code: 'network', title: String(error), detail: '' }) })
    })
    return () => controller.abort()
  }, [attempt])

  useEffect(() => {
    api.onSessionLost = () => {
      api.setCsrfToken(null)
      setState({ status: 'signed-out', reason: 'expired' })
    }
    return () => {
      api.onSessionLost = null
    }
  }, [])

  const signIn = useCallback(async (username: string, password: string) => {
    const result = await endpoints.login(username, password)
    api.setCsrfToken(result.csrfToken)
    setState({ status: 'signed-in', user: result.user })
  }, [])

  const signOut = useCallback(async () => {
    try {
      await endpoints.logout()
    } finally {
      api.setCsrfToken(null)
      setState({ status: 'signed-out' })
    }
  }, [])

  const value = useMemo(() => ({ state, signIn, signOut, recheck: () => setAttempt((count) => count + 1) }), [state, signIn, signOut])
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession outside SessionProvider')
  return value
}

/** The signed-in user, for screens that are only shown to one. */
export function useUser(): User {
  const { state } = useSession()
  if (state.status !== 'signed-in') throw new Error('useUser without a signed-in user')
  return state.user
}
