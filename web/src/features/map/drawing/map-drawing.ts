/**
 * The drawing on the MapLibre map: draws the shape of drawing-store.ts with its vertex and midpoint
 * handles and the panels' overlay (e.g. a movement's findings), and turns the mouse, touch and
 * keyboard into the store's transitions. MapView attaches it as soon as the map's style is read,
 * with the picture's layers: its empty sources then load with the rest, instead of costing frames
 * after the picture is drawn.
 *
 * Mouse: a click adds a point; a click on the last point (or the first, for an area) or Enter
 * finishes; dragging a point moves it; a click on a midpoint's handle inserts a point; a
 * right-click on a point removes it; Delete removes the selected (or, while drawing, the last)
 * point; Escape cancels. The map's own keyboard (arrows pan, + and − zoom) is left as it is.
 */
import type { GeoJSONSource, LngLat, Map as MapLibreMap, MapLayerMouseEvent, MapLayerTouchEvent, MapMouseEvent, PointLike } from 'maplibre-gl'
import type { Feature, FeatureCollection } from 'geojson'
import { addVertex, drawing, escape, finish, insertVertex, midpoints, moveVertex, removeVertex, type DrawingShape, type Position } from './drawing-store.ts'
import { clickIsPicked, mapPickActive } from '../map-interaction.ts'

const sources = { shape: 'drawing:shape', handles: 'drawing:handles', overlay: 'drawing:overlay' } as const
const vertexLayer = 'drawing-vertices'
const midpointLayer = 'drawing-midpoints'
/** Blue of the page's accent: distinct from every organization's colour and each movement status. */
const shapeColour = '#1d4ed8'
/** Pixels around the pointer within which a handle counts as hit. */
const hitTolerance = 7

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features })
const toPosition = (lngLat: LngLat): Position => [lngLat.lng, lngLat.lat]

function shapeFeatures(shape: DrawingShape | null, pointer: Position | null): FeatureCollection {
  if (!shape || shape.vertices.length === 0) return collection([])
  const vertices = shape.vertices.map((position) => [...position])
  const features: Feature[] = []
  if (shape.kind === 'polygon' && vertices.length >= 3) {
    features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[...vertices, vertices[0]!]] }, properties: { part: 'area' } })
  } else if (vertices.length >= 2) {
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: vertices }, properties: { part: 'line' } })
  }
  // While drawing, a dashed guide from the last point to the pointer (and back to the first, for an area).
  if (shape.mode === 'draw' && pointer) {
    const guide = [vertices[vertices.length - 1]!, [...pointer]]
    if (shape.kind === 'polygon' && vertices.length >= 2) guide.push(vertices[0]!)
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: guide }, properties: { part: 'guide' } })
  }
  return collection(features)
}

function handleFeatures(shape: DrawingShape | null): FeatureCollection {
  if (!shape) return collection([])
  const features: Feature[] = shape.vertices.map((position, index) => ({
    type: 'Feature', geometry: { type: 'Point', coordinates: [...position] },
    properties: { handle: 'vertex', index, selected: shape.selected === index, closing: shape.mode === 'draw' && (index === shape.vertices.length - 1 || (shape.kind === 'polygon' && index === 0 && shape.vertices.length >= 3)) },
  }))
  if (shape.mode === 'edit') {
    for (const { after, position } of midpoints(shape)) {
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: position }, properties: { handle: 'midpoint', after } })
    }
  }
  return collection(features)
}

/** Whether a key press is meant for the drawing: on the map, on the page itself, or on the drawing's own controls. */
function keyIsForDrawing(target: EventTarget | null, container: HTMLElement): boolean {
  if (!(target instanceof Element)) return true
  return target === document.body || container.contains(target) || target.closest('[data-drawing-keys]') !== null
}

/** Draws the shared shape and overlay on `map` and handles the input; returns what detaches it. */
export function attachMapDrawing(map: MapLibreMap, container: HTMLElement): () => void {
  map.addSource(sources.overlay, { type: 'geojson', data: collection([]) })
  map.addSource(sources.shape, { type: 'geojson', data: collection([]) })
  map.addSource(sources.handles, { type: 'geojson', data: collection([]) })
  const isPolygon = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false] as const
  map.addLayer({ id: 'drawing-shape-fill', type: 'fill', source: sources.shape, filter: ['==', ['get', 'part'], 'area'], paint: { 'fill-color': shapeColour, 'fill-opacity': 0.14 } })
  map.addLayer({ id: 'drawing-shape-casing', type: 'line', source: sources.shape, filter: ['!=', ['get', 'part'], 'guide'], paint: { 'line-color': '#ffffff', 'line-width': 6 }, layout: { 'line-join': 'round', 'line-cap': 'round' } })
  map.addLayer({ id: 'drawing-shape-line', type: 'line', source: sources.shape, filter: ['!=', ['get', 'part'], 'guide'], paint: { 'line-color': shapeColour, 'line-width': 3 }, layout: { 'line-join': 'round', 'line-cap': 'round' } })
  map.addLayer({ id: 'drawing-shape-guide', type: 'line', source: sources.shape, filter: ['==', ['get', 'part'], 'guide'], paint: { 'line-color': shapeColour, 'line-width': 2, 'line-dasharray': [2, 2] } })
  // The overlay (e.g. the stretch of a route that crosses someone's area) above the shape, below its handles.
  map.addLayer({ id: 'drawing-overlay-fill', type: 'fill', source: sources.overlay, filter: isPolygon as never, paint: { 'fill-color': ['coalesce', ['get', 'colour'], '#dc2626'], 'fill-opacity': 0.35 } })
  map.addLayer({
    id: 'drawing-overlay-line', type: 'line', source: sources.overlay, layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': ['coalesce', ['get', 'colour'], '#dc2626'], 'line-width': ['coalesce', ['get', 'width'], 3], 'line-opacity': 0.9 },
  })
  map.addLayer({
    id: midpointLayer, type: 'circle', source: sources.handles, filter: ['==', ['get', 'handle'], 'midpoint'],
    paint: { 'circle-radius': 4.5, 'circle-color': '#ffffff', 'circle-opacity': 0.9, 'circle-stroke-color': shapeColour, 'circle-stroke-width': 1.5 },
  })
  map.addLayer({
    id: vertexLayer, type: 'circle', source: sources.handles, filter: ['==', ['get', 'handle'], 'vertex'],
    paint: {
      'circle-radius': ['case', ['get', 'selected'], 8, ['get', 'closing'], 7, 6],
      'circle-color': ['case', ['get', 'selected'], shapeColour, '#ffffff'],
      'circle-stroke-color': ['case', ['get', 'selected'], '#ffffff', shapeColour], 'circle-stroke-width': 2.5,
    },
  })

  let pointer: Position | null = null
  let dragging: number | null = null
  let suppressClick = false
  let drawnVersion = -1
  let frame: number | null = null

  // Sources that hold features now. An empty source is not set empty again: each setData is tiled
  // by MapLibre's worker and redraws the map, which costs a frame of a few hundred ms on a software
  // renderer — and the map renders this with no shape at all as soon as it is attached.
  const filled = new Set<string>()
  const setSource = (id: string, data: FeatureCollection) => {
    if (data.features.length === 0 && !filled.has(id)) return
    if (data.features.length === 0) filled.delete(id)
    else filled.add(id)
    ;(map.getSource(id) as GeoJSONSource | undefined)?.setData(data)
  }
  const render = () => {
    frame = null
    const shape = drawing.shape
    setSource(sources.shape, shapeFeatures(shape, pointer))
    if (drawnVersion !== drawing.version) {
      drawnVersion = drawing.version
      setSource(sources.handles, handleFeatures(shape))
      setSource(sources.overlay, collection(drawing.overlay?.features ?? []))
    }
    container.classList.toggle('drawing-draw', shape?.mode === 'draw')
    container.classList.toggle('drawing-edit', shape?.mode === 'edit')
    container.dataset.drawingMode = shape?.mode ?? 'none'
    container.dataset.drawingVertices = String(shape?.vertices.length ?? 0)
    // A double click finishes a route rather than zooming in while drawing.
    if (shape?.mode === 'draw') map.doubleClickZoom.disable()
    else map.doubleClickZoom.enable()
  }
  const scheduleRender = () => {
    frame ??= requestAnimationFrame(render)
  }
  const unsubscribe = drawing.subscribe(scheduleRender)

  const handleAt = (point: { x: number; y: number }): { handle: 'vertex'; index: number } | { handle: 'midpoint'; after: number } | null => {
    const box: [PointLike, PointLike] = [[point.x - hitTolerance, point.y - hitTolerance], [point.x + hitTolerance, point.y + hitTolerance]]
    const [hit] = map.queryRenderedFeatures(box, { layers: [vertexLayer, midpointLayer] })
    const properties = hit?.properties
    if (properties?.handle === 'vertex') return { handle: 'vertex', index: Number(properties.index) }
    if (properties?.handle === 'midpoint') return { handle: 'midpoint', after: Number(properties.after) }
    return null
  }

  const onClick = (event: MapMouseEvent) => {
    const shape = drawing.shape
    if (!shape || clickIsPicked(event)) return // a screen picking a point has this click
    if (suppressClick) {
      suppressClick = false
      return
    }
    const hit = handleAt(event.point)
    if (hit?.handle === 'midpoint') {
      drawing.update((current) => insertVertex(current, hit.after, toPosition(event.lngLat)))
    } else if (hit?.handle === 'vertex') {
      const closing = shape.mode === 'draw' && (hit.index === shape.vertices.length - 1 || (shape.kind === 'polygon' && hit.index === 0))
      drawing.update((current) => (closing ? finish(current) : { ...current, selected: current.selected === hit.index ? null : hit.index }))
    } else if (shape.mode === 'draw') {
      drawing.update((current) => addVertex(current, toPosition(event.lngLat)))
    } else if (shape.selected !== null) {
      drawing.update((current) => ({ ...current, selected: null }))
    }
  }

  const onMove = (event: MapMouseEvent) => {
    const shape = drawing.shape
    if (!shape) return
    if (dragging !== null) {
      const index = dragging
      drawing.update((current) => moveVertex(current, index, toPosition(event.lngLat)))
      return
    }
    container.classList.toggle('drawing-over-handle', handleAt(event.point) !== null)
    if (shape.mode === 'draw') {
      // No guide to the pointer while a screen picks a point: the next click is not the drawing's.
      pointer = mapPickActive() ? null : toPosition(event.lngLat)
      scheduleRender()
    }
  }

  const endDrag = () => {
    if (dragging === null) return
    dragging = null
    suppressClick = true
    // A click follows mouseup only when the pointer did not move; never let a stale flag eat the next one.
    setTimeout(() => (suppressClick = false), 0)
    map.dragPan.enable()
  }

  const beginDrag = (event: MapLayerMouseEvent | MapLayerTouchEvent) => {
    const index = Number(event.features?.[0]?.properties?.index)
    if (!drawing.shape || !Number.isInteger(index) || mapPickActive()) return
    // Keeps the map from panning under the point being moved.
    event.preventDefault()
    map.dragPan.disable()
    dragging = index
    drawing.update((current) => ({ ...current, selected: index }))
    map.once('mouseup', endDrag)
    map.once('touchend', endDrag)
  }

  const onTouchMove = (event: MapLayerTouchEvent | MapMouseEvent) => {
    if (dragging === null) return
    const index = dragging
    drawing.update((current) => moveVertex(current, index, toPosition(event.lngLat)))
  }

  const onContextMenu = (event: MapMouseEvent) => {
    const hit = drawing.shape && !mapPickActive() ? handleAt(event.point) : null
    if (hit?.handle !== 'vertex') return
    event.preventDefault()
    drawing.update((current) => removeVertex(current, hit.index))
  }

  const onKey = (event: KeyboardEvent) => {
    const shape = drawing.shape
    // While a screen picks a point, Escape cancels the pick (map-interaction.ts), not the drawing.
    if (!shape || event.defaultPrevented || mapPickActive() || !keyIsForDrawing(event.target, container)) return
    const onMapOrPage = !(event.target instanceof Element) || event.target === document.body || container.contains(event.target)
    if (event.key === 'Escape') {
      drawing.update(escape)
      pointer = null
      event.preventDefault()
    } else if (event.key === 'Enter' && shape.mode === 'draw' && onMapOrPage) {
      drawing.update(finish)
      event.preventDefault()
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && onMapOrPage) {
      const index = shape.selected ?? (shape.mode === 'draw' ? shape.vertices.length - 1 : null)
      if (index === null || index < 0) return
      drawing.update((current) => removeVertex(current, index))
      event.preventDefault()
    }
  }

  const publishView = () => {
    const bounds = map.getBounds()
    container.dataset.view = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()].join(',')
  }

  map.on('click', onClick)
  map.on('mousemove', onMove)
  map.on('touchmove', onTouchMove)
  map.on('mousedown', vertexLayer, beginDrag)
  map.on('touchstart', vertexLayer, beginDrag)
  map.on('contextmenu', onContextMenu)
  map.on('moveend', publishView)
  document.addEventListener('keydown', onKey)
  publishView()

  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches
  drawing.setMap({
    centre: () => toPosition(map.getCenter()),
    fitTo: (bounds) => map.fitBounds(bounds, { padding: 60, maxZoom: 12, duration: reducedMotion ? 0 : 500 }),
  })
  render()

  return () => {
    unsubscribe()
    if (frame !== null) cancelAnimationFrame(frame)
    document.removeEventListener('keydown', onKey)
    map.off('click', onClick)
    map.off('mousemove', onMove)
    map.off('touchmove', onTouchMove)
    map.off('mousedown', vertexLayer, beginDrag)
    map.off('touchstart', vertexLayer, beginDrag)
    map.off('contextmenu', onContextMenu)
    map.off('moveend', publishView)
    drawing.setMap(null)
  }
}
