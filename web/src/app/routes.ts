/**
 * The app's screens as URLs (History API; the server answers every non-/api path with the app).
 * To add a screen: a member of Route, a line in parseRoute and one in pathOf, a case in App.tsx.
 */
import { useSyncExternalStore } from 'react'

export type Route =
  | { name: 'login'; next?: string }
  | { name: 'rooms' }
  | { name: 'room'; roomId: string }
  | { name: 'statements'; roomId: string; draftId?: string }
  | { name: 'report'; roomId: string; reportId: string }
  | { name: 'not-found'; path: string }

const roomIdPattern = '([a-z0-9][a-z0-9-]{1,39})'
const uuidPattern = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'

export function parseRoute(pathname: string, search = ''): Route {
  const path = pathname.replace(/\/+$/, '') || '/'
  if (path === '/login') {
    const next = new URLSearchParams(search).get('next')
    return next && next.startsWith('/') && !next.startsWith('//') ? { name: 'login', next } : { name: 'login' }
  }
  if (path === '/' || path === '/rooms') return { name: 'rooms' }
  const room = new RegExp(`^/rooms/${roomIdPattern}$`).exec(path)
  if (room) return { name: 'room', roomId: room[1]! }
  const statements = new RegExp(`^/rooms/${roomIdPattern}/statements(?:/${uuidPattern})?$`).exec(path)
  if (statements) return statements[2] ? { name: 'statements', roomId: statements[1]!, draftId: statements[2] } : { name: 'statements', roomId: statements[1]! }
  const report = new RegExp(`^/rooms/${roomIdPattern}/reports/${uuidPattern}$`).exec(path)
  if (report) return { name: 'report', roomId: report[1]!, reportId: report[2]! }
  return { name: 'not-found', path }
}

export function pathOf(route: Route): string {
  switch (route.name) {
    case 'login': return route.next ? `/login?next=${encodeURIComponent(route.next)}` : '/login'
    case 'rooms': return '/rooms'
    case 'room': return `/rooms/${route.roomId}`
    case 'statements': return `/rooms/${route.roomId}/statements${route.draftId ? `/${route.draftId}` : ''}`
    case 'report': return `/rooms/${route.roomId}/reports/${route.reportId}`
    case 'not-found': return route.path
  }
}

const listeners = new Set<() => void>()
let current: Route = parseRoute(location.pathname, location.search)
let currentKey = location.pathname + location.search

function refresh(): void {
  const key = location.pathname + location.search
  if (key === currentKey) return
  currentKey = key
  current = parseRoute(location.pathname, location.search)
  for (const listener of listeners) listener()
}
window.addEventListener('popstate', refresh)

/** Shows another screen; `replace` does not add a history entry (redirects). */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const path = pathOf(route)
  if (options.replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  refresh()
}

/** The current screen; re-renders on navigation and on the browser's back and forward. */
export function useRoute(): Route {
  return useSyncExternalStore((listener) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }, () => current)
}
