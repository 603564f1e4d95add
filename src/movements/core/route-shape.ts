/** What a route must be before any geometry engine sees it: at least two distinct places. */

/** How many distinct [longitude, latitude] places a list of positions visits (altitude is ignored). */
export function distinctPlaceCount(positions: readonly (readonly number[])[]): number {
  return new Set(positions.map((position) => `${position[0]},${position[1]}`)).size
}
