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
  const [x, y] = polylabel(largest as Array<Array<[number, number]>>, Math.min(width, height) * precisionOfSize)
  return [x!, y!]
}
