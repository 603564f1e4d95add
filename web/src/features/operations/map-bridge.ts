/**
 * The board's two uses of the room's map, through the map's own interfaces for panels
 * (features/map/map-interaction.ts and the drawing store's map handle): show a box, and pick a
 * point with the next click (Escape or a drawing begun meanwhile gives the click back).
 */
import { drawing } from '../map/drawing/drawing-store.ts'
import { claimNextMapClick } from '../map/map-interaction.ts'

export interface MapClick {
  lon: number
  lat: number
}

/** Shows a box ([west, south, east, north]) on the room's map. */
export function fitMapTo(bbox: readonly number[]): void {
  const [west, south, east, north] = bbox
  if ([west, south, east, north].every((value) => typeof value === 'number' && Number.isFinite(value))) drawing.map?.fitTo([west!, south!, east!, north!])
}

/**
 * Takes the map's next click for `onPick`; `onCancel` when the pick ends without one (Escape, or a
 * drawing begun meanwhile). Returns a function that gives the click back.
 */
export function pickMapPoint(onPick: (click: MapClick) => void, onCancel: () => void): () => void {
  return claimNextMapClick(onPick, onCancel)
}
