/**
 * Movement along a route on the sphere, as pure functions: distances, bearings and where a unit
 * moving at a steady speed is after some time. The demo track simulator drives units with it.
 * Routes are GeoJSON-ordered [longitude, latitude] pairs in WGS 84 degrees.
 */

/** A position as GeoJSON orders it: [longitude, latitude]. */
export type LonLat = readonly [lon: number, lat: number]

/** Mean Earth radius (IUGG), metres. */
const earthRadiusMeters = 6_371_008.8
const radians = (degrees: number) => (degrees * Math.PI) / 180
const degrees = (angle: number) => (angle * 180) / Math.PI

/** Great-circle distance between two positions, in metres (haversine). */
export function distanceMeters(from: LonLat, to: LonLat): number {
  const dLat = radians(to[1] - from[1])
  const dLon = radians(to[0] - from[0])
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from[1])) * Math.cos(radians(to[1])) * Math.sin(dLon / 2) ** 2
  return 2 * earthRadiusMeters * Math.asin(Math.min(1, Math.sqrt(a)))
}

/** Initial bearing from one position towards another, in degrees clockwise from true north, 0 ≤ b < 360. */
export function bearingDegrees(from: LonLat, to: LonLat): number {
  const φ1 = radians(from[1])
  const φ2 = radians(to[1])
  const Δλ = radians(to[0] - from[0])
  const y = Math.sin(Δλ) * Math.cos(φ2)
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ)
  const bearing = (degrees(Math.atan2(y, x)) + 360) % 360
  return bearing === 360 ? 0 : bearing
}

/** Length of a route, in metres. */
export function routeLengthMeters(route: readonly LonLat[]): number {
  let length = 0
  for (let index = 1; index < route.length; index++) length += distanceMeters(route[index - 1]!, route[index]!)
  return length
}

/** Whether a route ends where it starts (a circuit) rather than being an out-and-back patrol. */
export function isClosedRoute(route: readonly LonLat[]): boolean {
  const first = route[0]
  const last = route[route.length - 1]
  return route.length > 2 && first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1]
}

/** Where a unit is, and where it heads, after travelling `travelledMeters` from the start of a route. */
export interface RoutePosition {
  lon: number
  lat: number
  courseDegrees: number
}

/** The position at a distance along a route (linear between vertices, which are a few km apart at most). */
function pointAtDistance(route: readonly LonLat[], distance: number): RoutePosition {
  let remaining = distance
  for (let index = 1; index < route.length; index++) {
    const from = route[index - 1]!
    const to = route[index]!
    const leg = distanceMeters(from, to)
    if (leg === 0) continue
    if (remaining <= leg || index === route.length - 1) {
      const fraction = Math.min(1, Math.max(0, remaining / leg))
      return { lon: from[0] + (to[0] - from[0]) * fraction, lat: from[1] + (to[1] - from[1]) * fraction, courseDegrees: bearingDegrees(from, to) }
    }
    remaining -= leg
  }
  const only = route[0]!
  return { lon: only[0], lat: only[1], courseDegrees: 0 }
}

/**
 * Where a unit is after travelling `travelledMeters`, looping forever: a closed route is driven
 * round and round; an open one out to its end and back again (a patrol).
 */
export function positionAlongRoute(route: readonly LonLat[], travelledMeters: number): RoutePosition {
  if (route.length === 0) throw new RangeError('a route needs at least one position')
  const length = routeLengthMeters(route)
  if (length === 0 || !Number.isFinite(travelledMeters)) return pointAtDistance(route, 0)
  const travelled = Math.max(0, travelledMeters)
  if (isClosedRoute(route)) return pointAtDistance(route, travelled % length)
  const lap = travelled % (2 * length)
  if (lap <= length) return pointAtDistance(route, lap)
  // On the way back: the route reversed, so the course faces home.
  return pointAtDistance([...route].reverse(), lap - length)
}

/** The distance a unit covers at a steady speed over a time, in metres. */
export function distanceTravelled(speedMps: number, elapsedMilliseconds: number): number {
  return Math.max(0, speedMps) * Math.max(0, elapsedMilliseconds) / 1000
}
