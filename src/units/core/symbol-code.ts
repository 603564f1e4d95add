/** APP-6 / MIL-STD-2525 symbol identification codes (SIDC), checked against and drawn by milsymbol. */
import ms from 'milsymbol'
import { sidcPattern, unknownSidc } from './sidc-form.ts'

/** Whether a SIDC (15-character letter code, or 20/30-digit numeric code) names a symbol milsymbol can draw. */
export function sidcIsKnown(sidc: string): boolean {
  if (!sidcPattern.test(sidc)) return false
  return new ms.Symbol(sidc).isValid() === true
}

/** How big the map draws a unit's symbol (milsymbol's size: the frame's height in px, about). */
const mapSymbolSize = 22

/**
 * A unit's symbol as the map shows it, as SVG: the status as a simple modifier, no text. A code
 * milsymbol cannot read still gets a symbol (the unknown-affiliation frame), so a unit arriving
 * with a strange code, from a TAK device say, is still on the map.
 */
export function mapSymbolSvg(sidc: string): string {
  let symbol = new ms.Symbol(sidc, { size: mapSymbolSize, simpleStatusModifier: true })
  if (symbol.isValid() !== true) symbol = new ms.Symbol(unknownSidc, { size: mapSymbolSize, simpleStatusModifier: true })
  return symbol.asSVG()
}
