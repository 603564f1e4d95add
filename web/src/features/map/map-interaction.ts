/**
 * How the room's other screens reach its map: the MapLibre map once it is ready (to fly to an
 * object or put a marker), and the next click on it (to pick a point, e.g. a report's location)
 * instead of the map's own popup. One map per room screen.
 *
 * The map's clicks have one taker at a time. A screen picking a point takes the next click: the
 * drawing tool (drawing/map-drawing.ts) leaves clicks, drags and Escape alone meanwhile, and its
 * controls say it waits. Beginning a drawing or an edit cancels a pick in progress (the picking
 * screen is told, and stops showing that it picks); so does Escape.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl'
import { useSyncExternalStore } from 'react'
import { drawing } from './drawing/drawing-store.ts'

export interface MapPoint {
  lon: number
  lat: number
}

interface Claim {
  onPick(point: MapPoint): void
  onCancel(): void
  stopWatching(): void
}

let roomMap: MapLibreMap | null = null
const listeners = new Set<() => void>()
let claim: Claim | null = null
/** Clicks a pick took, so that the drawing (a later listener of the same click) leaves them. */
const takenClicks = new WeakSet<Event>()

function notify(): void {
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** MapView registers its map when loaded, and null when it goes. */
export function setRoomMap(map: MapLibreMap | null): void {
  roomMap = map
  if (!map) release()
  notify()
}

/** The room's map when it is ready, else null; re-renders when it comes or goes. */
export function useRoomMap(): MapLibreMap | null {
  return useSyncExternalStore(subscribe, () => roomMap)
}

/** Whether a screen is picking a point: the map's next click is its. */
export function mapPickActive(): boolean {
  return claim !== null
}

/** Whether a screen is picking a point; re-renders when that changes (the drawing's controls show it). */
export function useMapPickActive(): boolean {
  return useSyncExternalStore(subscribe, mapPickActive)
}

/** Ends the current claim without telling its screen (it gave the click back, or was told otherwise). */
function release(): void {
  if (!claim) return
  claim.stopWatching()
  claim = null
  roomMap?.getContainer().classList.remove('map-picking')
  notify()
}

/** Ends the current claim and tells its screen it was cancelled. */
function cancel(): void {
  const cancelled = claim
  release()
  cancelled?.onCancel()
}

/**
 * Takes the map's next click for `onPick` (the cursor becomes a crosshair); another screen's pick
 * in progress is cancelled. `onCancel` is called when the pick ends without a click: Escape, or a
 * drawing begun meanwhile. Returns a function that gives the click back.
 */
export function claimNextMapClick(onPick: (point: MapPoint) => void, onCancel: () => void = () => {}): () => void {
  cancel()
  const startsAtClaim = drawing.starts
  const unsubscribeDrawing = drawing.subscribe(() => {
    if (drawing.starts !== startsAtClaim) cancel()
  })
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.preventDefault() // the drawing's own Escape keeps out, whichever listener runs first
    cancel()
  }
  document.addEventListener('keydown', onKey)
  const mine: Claim = {
    onPick,
    onCancel,
    stopWatching: () => {
      unsubscribeDrawing()
      document.removeEventListener('keydown', onKey)
    },
  }
  claim = mine
  roomMap?.getContainer().classList.add('map-picking')
  notify()
  return () => {
    if (claim === mine) release()
  }
}

/** Called by MapView on every click: true when a screen had claimed it (the map then does nothing else). */
export function takeClaimedClick(event: MapMouseEvent): boolean {
  const taker = claim
  if (!taker) return false
  takenClicks.add(event.originalEvent)
  release()
  taker.onPick({ lon: event.lngLat.lng, lat: event.lngLat.lat })
  return true
}

/** Whether a click belongs to a pick (taken by one, or one is waiting for it): the drawing leaves it. */
export function clickIsPicked(event: MapMouseEvent): boolean {
  return claim !== null || takenClicks.has(event.originalEvent)
}
