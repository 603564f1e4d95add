/**
 * The room screen: the live map with the side panel (feed, layers, units…), the connection state
 * and the room's clock in the header. Laid out for a 1366×768 laptop; at tablet width the panel
 * becomes a drawer over the map.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/api-client.ts'
import { useReferenceData } from '../../app/reference-data.tsx'
import { navigate, pathOf } from '../../app/routes.ts'
import type { Language } from '../../i18n/i18n.ts'
import { LiveRoomContext, useLiveConnection } from '../../live/use-live-picture.ts'
import { roomLiveLayers, roomOpening, roomOpeningTaken } from '../../live/room-opening.ts'
import { AppHeader } from '../../ui/AppHeader.tsx'
import { RoomProblem, useRoom } from '../rooms/use-room.tsx'
import { Clocks } from '../../ui/Clocks.tsx'
import { ConnectionStatus } from '../../ui/ConnectionStatus.tsx'
import { localName } from '../../ui/organizations.ts'
import { boundsOf } from '../map/coordinate-bounds.ts'
import { MapView } from '../map/MapView.tsx'
import { pictureLayers } from '../map/picture-layers.ts'
import { listenForPanelRequests } from './panel-requests.ts'
import { roomPanels } from './room-panels.tsx'

const visibilityKey = 'tansiq.visible-layers'

function initialVisibility(): Set<string> {
  try {
    const saved = JSON.parse(localStorage.getItem(visibilityKey) ?? 'null') as unknown
    if (Array.isArray(saved)) return new Set(saved.filter((id): id is string => typeof id === 'string'))
  } catch {
    // a damaged setting falls back to the defaults
  }
  return new Set(pictureLayers.filter((layer) => layer.defaultVisible).map((layer) => layer.id))
}

export function RoomScreen({ roomId }: { roomId: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const { config } = useReferenceData()
  const [visibleLayers, setVisibleLayers] = useState<ReadonlySet<string>>(initialVisibility)
  const [activePanel, setActivePanel] = useState(roomPanels[0]!.id)
  // At tablet width the panel is a drawer over the map: closed at first.
  const [panelOpen, setPanelOpen] = useState(() => window.matchMedia('(min-width: 1101px)').matches)
  const tabRefs = useRef(new Map<string, HTMLButtonElement>())
  const sessionEnded = useCallback(() => api.onSessionLost?.(), [])
  // The room's live picture and record, begun while this screen's code was loading (App).
  const [opening] = useState(() => roomOpening(roomId))
  const { live, state } = useLiveConnection(roomId, roomLiveLayers, sessionEnded, opening?.live)
  useEffect(() => roomOpeningTaken(opening), [opening])
  const { room, error, retry } = useRoom(roomId, opening?.room ?? null)

  const roomName = room ? localName(room.names, language) : ''
  useEffect(() => {
    document.title = roomName ? `${roomName} — ${t('app.name')}` : t('app.name')
  }, [roomName, t])

  const setLayerVisible = useCallback((id: string, visible: boolean) => {
    setVisibleLayers((current) => {
      const next = new Set(current)
      if (visible) next.add(id)
      else next.delete(id)
      localStorage.setItem(visibilityKey, JSON.stringify([...next]))
      return next
    })
  }, [])

  const bounds = useMemo(() => boundsOf((room?.areaOfInterest as { coordinates?: unknown } | null | undefined)?.coordinates), [room])
  // When the room's panel is usable (its tabs and content rendered): a mark for bench/web-room.bench.ts.
  useEffect(() => {
    if (room && performance.getEntriesByName('tansiq:panel-usable').length === 0) performance.mark('tansiq:panel-usable')
  }, [room])

  // Another part of the page asks for a tab (e.g. an operation's popup on the map): shown, the drawer opened.
  useEffect(() => listenForPanelRequests((id) => {
    if (!roomPanels.some((panel) => panel.id === id)) return
    setActivePanel(id)
    setPanelOpen(true)
  }), [])

  // Tabs: arrow keys move between them (reversed in right-to-left), Home and End jump.
  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    const index = roomPanels.findIndex((panel) => panel.id === activePanel)
    const forward = document.documentElement.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight'
    const backward = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft'
    let next: number
    if (event.key === forward) next = (index + 1) % roomPanels.length
    else if (event.key === backward) next = (index - 1 + roomPanels.length) % roomPanels.length
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = roomPanels.length - 1
    else return
    event.preventDefault()
    const id = roomPanels[next]!.id
    setActivePanel(id)
    tabRefs.current.get(id)?.focus()
  }

  if (error !== null) {
    return (
      <div className="page">
        <AppHeader />
        <main id="main" className="screen-centre">
          <RoomProblem error={error} onRetry={retry} />
          <p><a href={pathOf({ name: 'rooms' })} onClick={(event) => { event.preventDefault(); navigate({ name: 'rooms' }) }}>{t('rooms.back')}</a></p>
        </main>
      </div>
    )
  }

  return (
    <LiveRoomContext.Provider value={live}>
      <div className={`page room-screen ${panelOpen ? 'panel-open' : 'panel-closed'}`}>
        <AppHeader>
          <a className="back-link" href={pathOf({ name: 'rooms' })} onClick={(event) => { event.preventDefault(); navigate({ name: 'rooms' }) }} title={t('rooms.back')}>
            <span aria-hidden="true">{document.documentElement.dir === 'rtl' ? '→' : '←'}</span>
            <span className="visually-hidden">{t('rooms.back')}</span>
          </a>
          <h1 className="room-title" dir="auto">{roomName || t('app.loading')}</h1>
          <Clocks roomTimeZone={config.roomTimeZone} />
          <ConnectionStatus state={state} lastMessageAt={live.connection.lastMessageAt} onReconnect={() => live.connection.reconnectNow()} />
        </AppHeader>
        <div className="room-body">
          <main id="main" className="map-area" tabIndex={-1} aria-label={roomName}>
            {room && <MapView initialBounds={bounds} tiles={config.tiles} visibleLayers={visibleLayers} />}
            <button type="button" className="panel-toggle" aria-expanded={panelOpen} aria-controls="room-panel" onClick={() => setPanelOpen((open) => !open)}>
              {panelOpen ? t('room.hidePanel') : t('room.showPanel')}
            </button>
          </main>
          <aside id="room-panel" className="room-panel" aria-label={t('room.panel')} hidden={!panelOpen}>
            <div role="tablist" aria-label={t('room.panel')} className="tabs room-tabs">
              {roomPanels.map((panel) => (
                <button
                  key={panel.id}
                  ref={(element) => { if (element) tabRefs.current.set(panel.id, element); else tabRefs.current.delete(panel.id) }}
                  type="button"
                  role="tab"
                  id={`tab-${panel.id}`}
                  aria-selected={activePanel === panel.id}
                  aria-controls={`tabpanel-${panel.id}`}
                  tabIndex={activePanel === panel.id ? 0 : -1}
                  onClick={() => setActivePanel(panel.id)}
                  onKeyDown={onTabKey}
                >
                  {panel.icon}
                  <span className="tab-label">{t(panel.labelKey)}</span>
                  {panel.Badge && room && <panel.Badge />}
                </button>
              ))}
            </div>
            {room && roomPanels.map((panel) => (
              <div key={panel.id} role="tabpanel" id={`tabpanel-${panel.id}`} aria-labelledby={`tab-${panel.id}`} hidden={activePanel !== panel.id} className="tabpanel" tabIndex={0}>
                {activePanel === panel.id && panel.render({ room, roomTimeZone: config.roomTimeZone, visibleLayers, setLayerVisible })}
              </div>
            ))}
          </aside>
        </div>
      </div>
    </LiveRoomContext.Provider>
  )
}
