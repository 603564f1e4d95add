/**
 * Lengths and areas of a drawn shape on a sphere of the Earth's mean radius, to tell the user
 * what they drew while drawing. The server measures on the ellipsoid (PostGIS geography); the
 * two differ by well under 1 %, which is enough for "12.4 km".
 */
import type { Position } from './drawing-store.ts'

const earthRadiusKm = 6371.0088
const radians = (degrees: number) => (degrees * Math.PI) / 180

/** Great-circle distance between two positions, in km. */
export function distanceKm(a: Position, b: Position): number {
  const dLat = radians(b[1] - a[1])
  const dLon = radians(b[0] - a[0])
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a[1])) * Math.cos(radians(b[1])) * Math.sin(dLon / 2) ** 2
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Length of a line through the positions, in km. */
export function lengthKm(vertices: readonly Position[]): number {
  let total = 0
  for (let index = 1; index < vertices.length; index++) total += distanceKm(vertices[index - 1]!, vertices[index]!)
  return total
}

/** Area of the polygon whose (open) ring is `vertices`, in km² (spherical excess, after Chamberlain and Duquette). */
export function areaKm2(vertices: readonly Position[]): number {
  if (vertices.length < 3) return 0
  let sum = 0
  for (let index = 0; index < vertices.length; index++) {
    const a = vertices[index]!, b = vertices[(index + 1) % vertices.length]!
    sum += radians(b[0] - a[0]) * (2 + Math.sin(radians(a[1])) + Math.sin(radians(b[1])))
  }
  return Math.abs((sum * earthRadiusKm * earthRadiusKm) / 2)
}
