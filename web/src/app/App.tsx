/** The app: who is signed in decides between the sign-in screen and the others; the URL picks the screen. */
import { lazy, Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { LoginScreen } from '../features/login/LoginScreen.tsx'
import { RoomChooser } from '../features/rooms/RoomChooser.tsx'
import { ProblemAlert } from '../ui/ProblemAlert.tsx'
import { LanguageSwitcher } from '../ui/LanguageSwitcher.tsx'
import { ReferenceDataProvider } from './reference-data.tsx'
import { navigate, parseRoute, pathOf, useRoute, type Route } from './routes.ts'
import { SessionProvider, useSession } from './session.tsx'
import { beginRoomOpening, dropRoomOpening } from '../live/room-opening.ts'

// The room screen carries the map (MapLibre): loaded only once someone is signed in.
const loadRoomScreen = () => import('../features/room/RoomScreen.tsx')
const RoomScreen = lazy(async () => ({ default: (await loadRoomScreen()).RoomScreen }))
// Opened at a room's address (a bookmark, a reload): its code is fetched at once, while the languages load and the session is checked.
if (parseRoute(location.pathname, location.search).name === 'room') void loadRoomScreen()
// Full-screen pages of a room without its map.
const StatementsScreen = lazy(async () => ({ default: (await import('../features/statements/StatementsScreen.tsx')).StatementsScreen }))
const ReportPage = lazy(async () => ({ default: (await import('../features/reports/ReportPage.tsx')).ReportPage }))

function Loading() {
  const { t } = useTranslation()
  return <div className="screen-centre" aria-busy="true"><p>{t('app.loading')}</p></div>
}

function Screens() {
  const { state, recheck } = useSession()
  const route = useRoute()

  useEffect(() => {
    if (state.status === 'signed-out' && route.name !== 'login') {
      const next = pathOf(route)
      navigate({ name: 'login', ...(next !== '/rooms' && next !== '/' ? { next } : {}) }, { replace: true })
    }
    if (state.status === 'signed-in') {
      if (route.name === 'login') navigate(route.next ? parseNext(route.next) : { name: 'rooms' }, { replace: true })
      // Fetch the map's code while the user chooses a room.
      void loadRoomScreen()
      // A room's live picture and record start streaming while its code loads (the screen takes them over).
      if (route.name === 'room') beginRoomOpening(route.roomId)
      else dropRoomOpening()
    }
    if (state.status === 'signed-out') dropRoomOpening()
  }, [state.status, route])

  if (state.status === 'checking') return <Loading />
  if (state.status === 'unreachable') {
    return (
      <div className="screen-centre">
        <LanguageSwitcher />
        <ProblemAlert error={state.error} onRetry={recheck} />
      </div>
    )
  }
  if (state.status === 'signed-out') return <LoginScreen expired={state.reason === 'expired'} />
  return (
    <ReferenceDataProvider>
      <Suspense fallback={<Loading />}>
        {route.name === 'room' ? <RoomScreen key={route.roomId} roomId={route.roomId} />
          : route.name === 'statements' ? <StatementsScreen key={route.roomId} roomId={route.roomId} draftId={route.draftId ?? null} />
          : route.name === 'report' ? <ReportPage key={route.reportId} roomId={route.roomId} reportId={route.reportId} />
          : <RoomChooser />}
      </Suspense>
    </ReferenceDataProvider>
  )
}

function parseNext(path: string): Route {
  const route = parseRoute(path)
  return route.name === 'login' || route.name === 'not-found' ? { name: 'rooms' } : route
}

export function App() {
  return (
    <SessionProvider>
      <Screens />
    </SessionProvider>
  )
}
