/** Rules of coordination lines that JSON schemas cannot say: a line must actually go somewhere. */

/** A [longitude, latitude(, altitude)] position; altitude plays no part in these rules. */
export type LinePosition = readonly number[]

/** How many distinct horizontal positions a line has (altitude ignored, as storage is 2D). */
export function distinctPointCount(coordinates: readonly LinePosition[]): number {
  return new Set(coordinates.map((position) => `${position[0]},${position[1]}`)).size
}

/** Why a line cannot be stored, or null when it can: fewer than two distinct points draws nothing. */
export function lineProblem(coordinates: readonly LinePosition[]): string | null {
  const distinct = distinctPointCount(coordinates)
  if (distinct < 2) return `a coordination line needs at least 2 distinct points; this one has ${distinct}`
  return null
}
