/** [west, south, east, north] of any GeoJSON coordinates (a point, a line, a polygon, nested parts); null when there are none. */
export function boundsOf(coordinates: unknown): [number, number, number, number] | null {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      west = Math.min(west, value[0]); east = Math.max(east, value[0]); south = Math.min(south, value[1]); north = Math.max(north, value[1])
      return
    }
    for (const item of value) visit(item)
  }
  visit(coordinates)
  return Number.isFinite(west) ? [west, south, east, north] : null
}
