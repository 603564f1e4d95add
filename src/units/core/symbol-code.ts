/** APP-6 / MIL-STD-2525 symbol identification codes (SIDC), checked against milsymbol's symbol tables. */
import ms from 'milsymbol'

/** Whether a SIDC (15-character letter code, or 20/30-digit numeric code) names a symbol milsymbol can draw. */
export function sidcIsKnown(sidc: string): boolean {
  if (!/^[A-Z*-]{15}$|^\d{20}(\d{10})?$/.test(sidc)) return false
  return new ms.Symbol(sidc).isValid() === true
}
