/**
 * Unit symbols (APP-6 / MIL-STD-2525), added to the map as images named `sidc:<code>` the first time
 * a unit with that code is shown. The server draws them with milsymbol, as PNG at the screen's pixel
 * ratio (GET /api/unit-symbols/<code>.png?scale=<ratio>, kept a day by the browser's cache), so the
 * page does not carry milsymbol's 860 KB of script and decodes them off its main thread
 * (createImageBitmap): as SVG images, laid out and drawn on the main thread, the symbols took
 * ≈ 250 ms of it as a large room opened. A room has a few dozen distinct codes even with thousands
 * of units.
 * While a symbol cannot be fetched (a bad link), a plain frame stands in for it, so the unit stays on
 * the map, and the symbol is fetched again until it arrives.
 */
import type { Map as MapLibreMap } from 'maplibre-gl'
import { sidcPattern, unknownSidc } from '../../../../src/units/core/sidc-form.ts'

const prefix = 'sidc:'
/** How often a symbol that could not be fetched is asked for again. */
const retryMs = 10_000
/** The stand-in's size in CSS px, about that of a symbol. */
const standInSize = 24

/** Symbols on their way, per map: each code is fetched once however many tiles ask for it. */
const inFlight = new WeakMap<MapLibreMap, Map<string, Promise<void>>>()

/** The image id a unit's symbol code is drawn with. */
export const unitSymbolId = (sidc: string) => `${prefix}${sidc}`

/**
 * Adds the symbol of a `sidc:` image id to the map unless it is there or on its way. Resolves once
 * the map has an image for it (the symbol, or the stand-in when it could not be fetched); MapLibre's
 * missing-image resolver awaits it before laying the units out.
 */
export function addUnitSymbol(map: MapLibreMap, imageId: string): Promise<void> {
  if (!imageId.startsWith(prefix) || map.hasImage(imageId)) return Promise.resolve()
  let pending = inFlight.get(map)
  if (!pending) inFlight.set(map, (pending = new Map()))
  const existing = pending.get(imageId)
  if (existing) return existing
  const loading = loadSymbol(map, imageId).finally(() => pending.delete(imageId))
  pending.set(imageId, loading)
  return loading
}

const pixelRatio = () => Math.min(3, Math.max(1, Math.round(window.devicePixelRatio || 1)))

/**
 * Fetches the symbol and adds it, in place of the stand-in if one is there. When it cannot be
 * fetched, the stand-in goes in (unless an image is there already) and the symbol is asked for again.
 */
async function loadSymbol(map: MapLibreMap, imageId: string): Promise<void> {
  if (mapRemoved(map)) return
  const sidc = imageId.slice(prefix.length)
  const ratio = pixelRatio()
  try {
    const symbol = await fetchSymbol(sidcPattern.test(sidc) ? sidc : unknownSidc, ratio)
    if (!mapRemoved(map) && map.hasImage(imageId)) map.removeImage(imageId)
    putImage(map, imageId, symbol, ratio)
  } catch {
    putImage(map, imageId, standIn(ratio), ratio)
    setTimeout(() => void loadSymbol(map, imageId), retryMs)
  }
}

async function fetchSymbol(sidc: string, ratio: number): Promise<ImageBitmap> {
  const response = await fetch(`/api/unit-symbols/${encodeURIComponent(sidc)}.png?scale=${ratio}`, { credentials: 'same-origin' })
  if (!response.ok) throw new Error(`symbol ${sidc}: HTTP ${response.status}`)
  return createImageBitmap(await response.blob())
}

/** A grey frame with a question mark: a unit whose symbol has not arrived yet. */
function standIn(ratio: number): ImageData {
  const size = Math.round(standInSize * ratio)
  const canvas = document.createElement('canvas')
  canvas.width = canvas.height = size
  const context = canvas.getContext('2d')!
  context.fillStyle = '#e5e7eb'
  context.strokeStyle = '#374151'
  context.lineWidth = 1.5 * ratio
  context.fillRect(2 * ratio, 4 * ratio, size - 4 * ratio, size - 8 * ratio)
  context.strokeRect(2 * ratio, 4 * ratio, size - 4 * ratio, size - 8 * ratio)
  context.fillStyle = '#374151'
  context.font = `bold ${Math.round(12 * ratio)}px sans-serif`
  context.textAlign = 'center'
  context.textBaseline = 'middle'
  context.fillText('?', size / 2, size / 2)
  return context.getImageData(0, 0, size, size)
}

function putImage(map: MapLibreMap, imageId: string, data: ImageData | ImageBitmap, ratio: number): void {
  if (mapRemoved(map) || map.hasImage(imageId)) return
  map.addImage(imageId, data, { pixelRatio: ratio })
}

/** Whether the map was removed (the room closed) while a symbol was on its way. */
const mapRemoved = (map: MapLibreMap) => (map as unknown as { _removed?: boolean })._removed === true
