/**
 * Where an area's name goes: the point inside it farthest from its edges (its pole of
 * inaccessibility, found by `polylabel`), in its largest part when it has several. One point per
 * area, whatever the map's tiles: MapLibre's own label for a polygon is placed per tile on the part of
 * the polygon that tile holds, so an area cut by a tile's edge would be named once on each side.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson'
import polylabel from 'polylabel'

/** Found to a twentieth of the area's smaller side: a few pixels at the zooms names are shown. */
const precisionOfSize = 1 / 20
/**
 * The centre of gravity is taken when it lies at least this share of the best distance there could be
 * (half the smaller side) from every edge: true of most areas, which are compact, and found in one
 * pass over their vertices. Searching every area with polylabel cost the page's main thread ≈ 160 ms
 * as a room of 500 areas opened; ≈ 70 ms with this, most of it code run before it is compiled.
 * Others (a U, an L, a thin band, a hole in the middle) are searched.
 */
const centreGoodEnough = 0.5

/** Points found, by geometry: the areas layer is rebuilt when any area changes, most of them unchanged. */
const found = new WeakMap<Polygon | MultiPolygon, [number, number] | null>()

function boxOf(ring: Position[]): { width: number; height: number } {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x, y] of ring) {
    west = Math.min(west, x!)
    east = Math.max(east, x!)
    south = Math.min(south, y!)
    north = Math.max(north, y!)
  }
  return { width: east - west, height: north - south }
}

/** Twice the signed area of a ring (shoelace), its absolute value for the size of a part. */
function ringArea(ring: Position[]): number {
  let sum = 0
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) sum += (ring[previous]![0]! - ring[index]![0]!) * (ring[previous]![1]! + ring[index]![1]!)
  return Math.abs(sum)
}

export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] | null {
  if (found.has(geometry)) return found.get(geometry)!
  const point = poleOf(geometry)
  found.set(geometry, point)
  return point
}

function poleOf(geometry: Polygon | MultiPolygon): [number, number] | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  let largest: Position[][] | undefined
  for (const polygon of polygons) if (polygon[0] && (!largest || ringArea(polygon[0]) > ringArea(largest[0]!))) largest = polygon
  if (!largest || largest[0]!.length < 4) return null
  const { width, height } = boxOf(largest[0]!)
  const centre = centreOfGravity(largest[0]!)
  if (centre && signedDistance(centre, largest) >= (centreGoodEnough * Math.min(width, height)) / 2) return centre
  const [x, y] = polylabel(largest as Array<Array<[number, number]>>, Math.min(width, height) * precisionOfSize)
  return [x!, y!]
}

/** The centre of gravity of a ring's surface (null for a ring of no area). */
function centreOfGravity(ring: Position[]): [number, number] | null {
  let [twiceArea, x, y] = [0, 0, 0]
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
    const [x1, y1] = ring[previous]!
    const [x2, y2] = ring[index]!
    const cross = x1! * y2! - x2! * y1!
    twiceArea += cross
    x += (x1! + x2!) * cross
    y += (y1! + y2!) * cross
  }
  return twiceArea === 0 ? null : [x / (3 * twiceArea), y / (3 * twiceArea)]
}

/** Distance from a point to a polygon's nearest edge (holes included), negative when outside it (even-odd rule). */
function signedDistance([x, y]: [number, number], polygon: Position[][]): number {
  let inside = false
  let nearest = Infinity
  for (const ring of polygon) {
    for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
      const [x1, y1] = ring[index] as [number, number]
      const [x2, y2] = ring[previous] as [number, number]
      if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside
      const [dx, dy] = [x2 - x1, y2 - y1]
      const along = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
      nearest = Math.min(nearest, Math.hypot(x - (x1 + along * dx), y - (y1 + along * dy)))
    }
  }
  return inside ? nearest : -nearest
}
