/**
 * Unit symbols (APP-6 / MIL-STD-2525) drawn by milsymbol, added to the map as images named
 * `sidc:<code>` the first time a unit with that code is shown. A room has a few dozen distinct
 * codes even with thousands of units, so each is drawn once.
 */
import ms from 'milsymbol'
import type { Map as MapLibreMap } from 'maplibre-gl'

const prefix = 'sidc:'
const symbolSize = 22

/** Adds the image of a missing `sidc:` id; returns whether it handled the id. */
export function addUnitSymbol(map: MapLibreMap, imageId: string): boolean {
  if (!imageId.startsWith(prefix) || map.hasImage(imageId)) return false
  const sidc = imageId.slice(prefix.length)
  const ratio = Math.min(3, Math.max(1, Math.round(window.devicePixelRatio || 1)))
  let symbol = new ms.Symbol(sidc, { size: symbolSize, simpleStatusModifier: true })
  // A code milsymbol cannot read still gets a symbol: the unknown-affiliation frame.
  if (symbol.isValid() !== true) symbol = new ms.Symbol('SUGP-----------', { size: symbolSize })
  const canvas = symbol.asCanvas(ratio)
  const context = canvas.getContext('2d')
  if (!context) return false
  map.addImage(imageId, context.getImageData(0, 0, canvas.width, canvas.height), { pixelRatio: ratio })
  return true
}
