/**
 * The room's map (MapLibre GL): the offline basemap, then each picture layer of picture-layers.ts.
 * Live changes reach the map in batches: the picture tells at most once per animation frame which
 * objects of which live layers changed, and only the sources drawn from them are updated (busy ones
 * at most every `minRedrawMs`, and every `redrawWhileMovingMs` while the map is dragged or zoomed) —
 * never once per message. Sources with `featureOf` get only the changed features (MapLibre's
 * `updateData`), the others are rebuilt. Hidden layers are not updated until shown again.
 */
import 'maplibre-gl/dist/maplibre-gl.css'
import { AttributionControl, Map as MapLibreMap, NavigationControl, Popup, addProtocol, prewarm, setWorkerUrl, type ControlPosition, type GeoJSONSource, type IControl, type LngLatBoundsLike, type MapGeoJSONFeature } from 'maplibre-gl'
import type { TFunction } from 'i18next'
import { useEffect, useRef, useState, type ComponentType } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { createFormatter } from '../../i18n/format.ts'
import type { TileSource } from '../../api/server-types.ts'
import type { Language } from '../../i18n/i18n.ts'
import { useLiveRoom } from '../../live/use-live-picture.ts'
import { basemapAttribution, basemapLabelLayers, basemapStyle, labelIn, tileBuffer } from './basemap-style.ts'
import type { ChangedIds } from '../../live/live-picture.ts'
import { pictureLayers, sourceIdOf, type PictureLayer } from './picture-layers.ts'
import { setRoomMap, takeClaimedClick } from './map-interaction.ts'
import { attachMotionResolution, type MotionResolution } from './motion-resolution.ts'
import { addUnitSymbol, unitSymbolId } from './unit-symbols.ts'
import { mapWorkerUrl } from './map-assets.ts'
import { ScaleBar } from './scale-bar.ts'
import { drawing } from './drawing/drawing-store.ts'
import { distanceText } from '../movements/FindingList.tsx'
import { attachMapDrawing } from './drawing/map-drawing.ts'

setWorkerUrl(mapWorkerUrl)
// Start MapLibre's worker as soon as this code is loaded (while the room is fetched), not when the map is created.
prewarm()

export interface MapViewProps {
  /** [west, south, east, north] to show first (the room's area of interest). */
  initialBounds: [number, number, number, number] | null
  tiles: TileSource | null
  visibleLayers: ReadonlySet<string>
}

let pmtilesRegistered: Promise<void> | null = null
/** The PMTiles protocol, loaded only when the server has a local tile file. */
function registerPmtiles(): Promise<void> {
  pmtilesRegistered ??= import('pmtiles').then(({ Protocol }) => addProtocol('pmtiles', new Protocol().tile))
  return pmtilesRegistered
}

/** While the map moves under the user's hand, busy layers are updated at most this often: each update re-tiles and re-places symbols. */
const redrawWhileMovingMs = 1000
/** How much less often busy layers are updated where WebGL is drawn by the CPU or the GPU is too slow. */
const slowRendererFactor = 4
/** Changes that arrive while the first snapshot is being drawn wait for it at most this long. */
const holdForSnapshotMs = 5000

/** Style layers whose objects a click shows in a popup: these, and those the picture layers name (e.g. operations). */
const interactiveLayers = ['units-symbols', 'reports-points', 'reports-area', 'movements-line', 'areas-fill', 'coverage-fill', ...pictureLayers.flatMap((layer) => layer.clickable ?? [])]
/** Pixels around a click within which an object counts as clicked (thin lines, small points). */
const clickTolerance = 4

/** MapLibre's own texts in the reader's language: its controls' titles, a popup's close button, the map's label. */
function mapLibreTexts(t: TFunction): Record<string, string> {
  return {
    'NavigationControl.ZoomIn': t('mapControls.zoomIn'),
    'NavigationControl.ZoomOut': t('mapControls.zoomOut'),
    'AttributionControl.ToggleAttribution': t('mapControls.attribution'),
    'Popup.Close': t('mapControls.closePopup'),
    'Map.Title': t('room.map'),
  }
}

/** The scale bar's text: a round distance in the reader's words and digits, as findings give distances. */
function scaleText(t: TFunction, language: Language): (metres: number) => string {
  const format = createFormatter(language)
  return (metres) => distanceText(metres, format, t)
}

interface PopupBody {
  element: HTMLElement
  Body: ComponentType<{ properties: Readonly<Record<string, unknown>> }>
  properties: Readonly<Record<string, unknown>>
}

export function MapView({ initialBounds, tiles, visibleLayers }: MapViewProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const { picture } = useLiveRoom()
  const container = useRef<HTMLDivElement>(null)
  const mapRef = useRef<MapLibreMap | null>(null)
  const languageRef = useRef(language)
  const visibleRef = useRef(visibleLayers)
  const redraw = useRef<(layers: readonly PictureLayer[]) => void>(() => {})
  // MapLibre's controls that show text, with their corners: added again when the language changes.
  const textControls = useRef<Array<[IControl, ControlPosition]>>([])
  const scaleBar = useRef<ScaleBar | null>(null)
  const ready = useRef(false)
  // A picture layer's own popup body (PictureLayer.popup), rendered into MapLibre's popup by a portal.
  const [popupBody, setPopupBody] = useState<PopupBody | null>(null)

  useEffect(() => {
    const element = container.current!
    let disposed = false
    let map: MapLibreMap | null = null
    const lastRedraw = new Map<string, number>()
    const timers = new Map<string, ReturnType<typeof setTimeout>>()
    let unsubscribe = () => {}
    let detachDrawing = () => {}
    let motion: MotionResolution | null = null

    // The first complete live snapshot drawn: every visible layer's sources set from it, and a
    // frame rendered with them loaded (mark tansiq:picture-drawn, for bench/web-room.bench.ts).
    // Until then (at most `holdForSnapshotMs`) and until the map's 'load', later changes of those
    // layers wait: the first picture is tiled and drawn once, not again for every update that
    // arrives meanwhile, and 'load' (every source loaded at once) is not put off by a stream of them.
    const snapshotSetData = new Map<string, Promise<unknown>>()
    let snapshotState: 'waiting' | 'drawing' | 'drawn' = 'waiting'
    let mapLoaded = false
    let holdLifted = false
    let holdTimer: ReturnType<typeof setTimeout> | null = null
    const holding = () => !mapLoaded || (snapshotState === 'drawing' && !holdLifted)
    const release = () => schedule(pictureLayers.filter((layer) => pending.has(layer.id)))
    const drawn = () => {
      if (snapshotState === 'drawn') return
      snapshotState = 'drawn'
      motion?.finishStartup()
      release()
    }
    const watchPictureDrawn = () => {
      if (snapshotState !== 'waiting' || !map || ![...visibleRef.current].every((id) => snapshotSetData.has(id) || !pictureLayers.some((layer) => layer.id === id))) return
      snapshotState = 'drawing'
      const sources = pictureLayers.filter((layer) => snapshotSetData.has(layer.id)).flatMap((layer) => Object.keys(layer.sources).map((key) => sourceIdOf(layer, key)))
      holdTimer = setTimeout(() => {
        holdLifted = true
        drawn()
        release()
      }, holdForSnapshotMs)
      void Promise.all(snapshotSetData.values()).then(() => {
        const check = () => {
          if (!map || !sources.every((id) => !map!.getSource(id) || map!.isSourceLoaded(id))) return
          if (motion?.finishStartup()) return // drawn at reduced resolution while loading: the next frame is the sharp one
          map.off('render', check)
          performance.mark('tansiq:picture-drawn')
          element.dataset.pictureDrawn = 'true'
          drawn()
        }
        map?.on('render', check)
        map?.triggerRepaint()
      })
    }

    // What changed per picture layer since it was last updated: object ids, or 'all' (rebuild it whole).
    const pending = new Map<string, Set<string> | 'all'>()
    // The feature ids in each source updated by diffs (to tell a removal from nothing to do, and to count).
    const featureIds = new Map<string, Set<string>>()
    const note = (layer: PictureLayer, changedIds: ChangedIds) => {
      let ids = pending.get(layer.id)
      for (const live of layer.liveLayers) {
        const changed = changedIds.get(live)
        if (changed === undefined || ids === 'all') continue
        if (changed === 'all' || !layer.featureOf) {
          pending.set(layer.id, (ids = 'all'))
          continue
        }
        if (!ids) pending.set(layer.id, (ids = new Set()))
        for (const id of changed) ids.add(id)
      }
    }

    const rebuild = (layer: PictureLayer) => {
      if (!map || !visibleRef.current.has(layer.id)) return
      if (holding() && snapshotSetData.has(layer.id)) return // kept in `pending` until drawn and loaded
      const changes = pending.get(layer.id) ?? 'all'
      pending.delete(layer.id)
      lastRedraw.set(layer.id, performance.now())
      const context = { language: languageRef.current }
      const updates: Array<Promise<unknown>> = []
      const updated: string[] = []
      for (const [key, build] of Object.entries(layer.sources)) {
        const sourceId = sourceIdOf(layer, key)
        const source = map.getSource(sourceId) as GeoJSONSource | undefined
        if (!source) continue
        const featureOf = layer.featureOf?.[key]
        const present = featureIds.get(sourceId)
        if (featureOf && present && changes !== 'all') {
          const add = []
          const remove = []
          for (const id of changes) {
            const feature = featureOf(picture, context, id)
            if (feature) {
              add.push(feature) // replaces the feature of that id when there is one
              present.add(id)
            } else if (present.delete(id)) remove.push(id)
          }
          if (add.length > 0 || remove.length > 0) {
            updates.push(source.updateData({ add, remove }))
            updated.push(sourceId)
          }
        } else {
          const data = build(picture, context)
          // Unit symbols asked for as the data goes to MapLibre's worker, so that laying the units
          // out finds them arrived or on their way (the worker's request awaits the same fetch).
          for (const feature of data.features) {
            const sidc = feature.properties?.sidc
            if (typeof sidc === 'string') void addUnitSymbol(map, unitSymbolId(sidc))
          }
          if (featureOf) featureIds.set(sourceId, new Set(data.features.map((feature) => String(feature.properties?.id))))
          updates.push(source.setData(data))
          updated.push(sourceId)
        }
        if (layer.id === 'units' && key === 'points') element.dataset.unitCount = String(featureIds.get(sourceId)?.size ?? 0)
      }
      // A slow renderer draws the update once its tiles are all laid out, not once per tile.
      motion?.holdUntilLoaded(updated)
      if (picture.loaded && !snapshotSetData.has(layer.id)) {
        snapshotSetData.set(layer.id, Promise.all(updates))
        watchPictureDrawn()
      }
    }
    const schedule = (layers: readonly PictureLayer[]) => {
      for (const layer of layers) {
        if (timers.has(layer.id)) continue
        // A slow renderer (no GPU) draws each update for a few hundred ms: busy layers update less often there.
        const slower = motion?.slowRenderer ? slowRendererFactor : 1
        // The first complete snapshot is drawn at once, however recently the layer was set (empty) before it.
        const firstSnapshot = picture.loaded && !snapshotSetData.has(layer.id)
        const least = layer.minRedrawMs === undefined || firstSnapshot ? 0 : (map?.isMoving() ? Math.max(layer.minRedrawMs, redrawWhileMovingMs) : layer.minRedrawMs) * slower
        const wait = least - (performance.now() - (lastRedraw.get(layer.id) ?? -Infinity))
        if (wait <= 0) rebuild(layer)
        else timers.set(layer.id, setTimeout(() => {
          timers.delete(layer.id)
          requestAnimationFrame(() => schedule([layer]))
        }, wait))
      }
    }
    redraw.current = (layers) => {
      for (const layer of layers) pending.set(layer.id, 'all')
      schedule(layers)
    }

    void (async () => {
      if (tiles?.kind === 'pmtiles') await registerPmtiles()
      if (disposed) return
      map = new MapLibreMap({
        container: element,
        style: basemapStyle(languageRef.current, tiles),
        bounds: (initialBounds ?? [38.8, 29.0, 48.6, 37.4]) as LngLatBoundsLike,
        fitBoundsOptions: { padding: 24 },
        attributionControl: false,
        maxPitch: 0,
        dragRotate: false,
        localIdeographFontFamily: false,
        cancelPendingTileRequestsWhileZooming: true,
        // Symbols appear at once: a fade animates (redraws) the whole map for 300 ms after each update.
        fadeDuration: 0,
        locale: mapLibreTexts(t),
      })
      mapRef.current = map
      motion = attachMotionResolution(map, element)
      map.touchZoomRotate.disableRotation()
      textControls.current = [
        [new NavigationControl({ showCompass: false }), 'top-right'],
        [new AttributionControl({ compact: true, customAttribution: [basemapAttribution, ...(tiles?.attribution ? [tiles.attribution] : [])] }), 'bottom-right'],
      ]
      for (const [control, position] of textControls.current) map.addControl(control, position)
      scaleBar.current = new ScaleBar(scaleText(t, languageRef.current))
      map.addControl(scaleBar.current, 'bottom-left')
      map.getCanvas().setAttribute('aria-label', t('room.map'))
      map.setMissingStyleImageResolver((id) => addUnitSymbol(map!, id))
      // The picture's sources and layers go in as soon as the style is read, not at 'load': the live
      // snapshot (which often arrives first) is then tiled alongside the basemap instead of after it.
      const styleLanguage = languageRef.current
      map.once('style.load', () => {
        if (!map) return
        // The language changed while the style loaded: its labels follow.
        if (languageRef.current !== styleLanguage) for (const id of basemapLabelLayers) map.setLayoutProperty(id, 'text-field', labelIn(languageRef.current))
        for (const layer of pictureLayers) {
          for (const key of Object.keys(layer.sources)) {
            map.addSource(sourceIdOf(layer, key), {
              type: 'geojson', data: { type: 'FeatureCollection', features: [] }, buffer: tileBuffer, ...layer.sourceOptions,
              // Sources updated by diffs know their features by the object's id.
              ...(layer.featureOf?.[key] ? { promoteId: 'id' } : {}),
            })
          }
          for (const style of layer.styleLayers((key) => sourceIdOf(layer, key))) {
            map.addLayer({ ...style, layout: { ...style.layout, visibility: visibleRef.current.has(layer.id) ? 'visible' : 'none' } } as typeof style)
          }
        }
        // The drawing tool's shape and overlay, above the picture.
        detachDrawing = attachMapDrawing(map, element)
        unsubscribe = picture.subscribe((changed, changedIds) => {
          const layers = pictureLayers.filter((layer) => layer.liveLayers.some((live) => changed.has(live)))
          for (const layer of layers) note(layer, changedIds)
          schedule(layers)
        })
        redraw.current(pictureLayers)
        ready.current = true
      })
      map.on('load', () => {
        if (!map) return
        element.dataset.mapReady = 'true'
        performance.mark('tansiq:map-load')
        setRoomMap(map)
        mapLoaded = true
        release()
      })
      const popup = new Popup({ closeButton: true, closeOnClick: true, maxWidth: '18rem' })
      popup.on('close', () => setPopupBody(null))
      map.on('click', (event) => {
        if (takeClaimedClick(event)) return // another screen is picking a point
        if (drawing.capturesClicks) return // clicks add points to the shape being drawn
        const { x, y } = event.point
        const [feature] = map!.queryRenderedFeatures([[x - clickTolerance, y - clickTolerance], [x + clickTolerance, y + clickTolerance]], { layers: interactiveLayers.filter((id) => map!.getLayer(id)) }) as MapGeoJSONFeature[]
        if (!feature) return
        const content = document.createElement('div')
        content.dir = 'auto'
        const owner = pictureLayers.find((layer) => feature.source.startsWith(`${layer.id}:`))
        if (owner?.popup) {
          popup.setLngLat(event.lngLat).setDOMContent(content).addTo(map!)
          setPopupBody({ element: content, Body: owner.popup, properties: feature.properties })
          return
        }
        const label = feature.properties?.label
        if (typeof label !== 'string' || label === '') return
        content.textContent = label
        popup.setLngLat(event.lngLat).setDOMContent(content).addTo(map!)
      })
      for (const id of interactiveLayers) {
        map.on('mouseenter', id, () => (map!.getCanvas().style.cursor = 'pointer'))
        map.on('mouseleave', id, () => (map!.getCanvas().style.cursor = ''))
      }
    })()

    return () => {
      disposed = true
      unsubscribe()
      detachDrawing()
      motion?.detach()
      for (const timer of timers.values()) clearTimeout(timer)
      if (holdTimer) clearTimeout(holdTimer)
      map?.remove()
      mapRef.current = null
      setRoomMap(null)
      ready.current = false
    }
    // The map is built once per room screen (the room screen remounts per room); language and
    // visibility changes are applied by the effects below, not by building another map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // Language: basemap labels switch by expression, picture labels are rebuilt.
  useEffect(() => {
    languageRef.current = language
    const map = mapRef.current
    if (!map) return
    map.getCanvas().setAttribute('aria-label', t('room.map'))
    // MapLibre reads its texts from the table given at creation when a control is added or a popup
    // opens; it has no setter, so the table is updated in place (where it is) and the controls added again.
    const table = (map as unknown as { _locale?: Record<string, string> })._locale
    if (table) Object.assign(table, mapLibreTexts(t))
    for (const [control, position] of textControls.current) {
      map.removeControl(control)
      map.addControl(control, position)
    }
    scaleBar.current?.setText(scaleText(t, language))
    if (!ready.current) return // the style's labels and the picture take the new language when it loads
    for (const id of basemapLabelLayers) if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', labelIn(language))
    redraw.current(pictureLayers)
  }, [language, t])

  // Visibility: a layer shown again is rebuilt first (it was not kept current while hidden).
  useEffect(() => {
    const previous = visibleRef.current
    visibleRef.current = visibleLayers
    const map = mapRef.current
    if (!map || !ready.current) return
    for (const layer of pictureLayers) {
      const visible = visibleLayers.has(layer.id)
      for (const style of layer.styleLayers((key) => sourceIdOf(layer, key))) {
        if (map.getLayer(style.id)) map.setLayoutProperty(style.id, 'visibility', visible ? 'visible' : 'none')
      }
    }
    redraw.current(pictureLayers.filter((layer) => visibleLayers.has(layer.id) && !previous.has(layer.id)))
    // Basemap towns belong to the places toggle too.
    for (const id of ['town-dots', 'town-labels']) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visibleLayers.has('places') ? 'visible' : 'none')
  }, [visibleLayers])

  return (
    <>
      <div ref={container} className="map" data-testid="map" data-opening-text={t('room.opening')} />
      {popupBody && createPortal(<popupBody.Body properties={popupBody.properties} />, popupBody.element)}
    </>
  )
}
