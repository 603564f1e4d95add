// An area's name is placed once, inside it, away from its edges (web/src/features/map/label-point.ts).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Polygon } from 'geojson'
import { labelPoint } from '../../web/src/features/map/label-point.ts'

/** Whether a point is inside a ring (even-odd rule). */
function inside([x, y]: [number, number], ring: number[][]): boolean {
  let crossings = false
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
    const [x1, y1] = ring[index]!
    const [x2, y2] = ring[previous]!
    if ((y1! > y) !== (y2! > y) && x < ((x2! - x1!) * (y - y1!)) / (y2! - y1!) + x1!) crossings = !crossings
  }
  return crossings
}

test('a U-shaped area is named inside one of its arms, not at its centre of gravity (which lies in the gap)', () => {
  // Two arms 0.1° wide joined at the bottom, open at the top between x = 44.1 and 44.4.
  const ring = [[44.0, 35.0], [44.5, 35.0], [44.5, 35.5], [44.4, 35.5], [44.4, 35.1], [44.1, 35.1], [44.1, 35.5], [44.0, 35.5], [44.0, 35.0]]
  const point = labelPoint({ type: 'Polygon', coordinates: [ring] })!
  assert.ok(inside(point, ring), `${point} is inside the area`)
  const centroidX = ring.slice(0, -1).reduce((sum, [x]) => sum + x!, 0) / (ring.length - 1)
  assert.ok(!inside([centroidX, 35.3], ring), 'the vertex average is outside: the test would catch a centroid')
})

test('a square area is named at its centre', () => {
  const point = labelPoint({ type: 'Polygon', coordinates: [[[44, 35], [45, 35], [45, 36], [44, 36], [44, 35]]] })!
  assert.ok(Math.abs(point[0] - 44.5) < 0.03 && Math.abs(point[1] - 35.5) < 0.03, `${point}`)
})

test('an area of several parts is named once, in its largest part', () => {
  const small: Polygon['coordinates'] = [[[40, 30], [40.1, 30], [40.1, 30.1], [40, 30.1], [40, 30]]]
  const large: Polygon['coordinates'] = [[[44, 35], [45, 35], [45, 36], [44, 36], [44, 35]]]
  const point = labelPoint({ type: 'MultiPolygon', coordinates: [small, large] })!
  assert.ok(inside(point, large[0]!), `${point} is in the larger part`)
})

test('an area without a usable ring has no name point', () => {
  assert.equal(labelPoint({ type: 'Polygon', coordinates: [] }), null)
  assert.equal(labelPoint({ type: 'Polygon', coordinates: [[[44, 35], [45, 35], [44, 35]]] }), null)
})

test('a thick L-shaped area, whose centre of gravity lies inside but by its inner corner, is named away from the edges', () => {
  // Arms 0.4° wide in a 1° square: the centre of gravity (44.39, 35.39) is 0.02° from the inner corner.
  const ring = [[44, 35], [45, 35], [45, 35.4], [44.4, 35.4], [44.4, 36], [44, 36], [44, 35]]
  const point = labelPoint({ type: 'Polygon', coordinates: [ring] })!
  assert.ok(inside(point, ring), `${point} is inside the area`)
  const distanceToEdges = Math.min(...ring.slice(1).map(([x2, y2], index) => {
    const [x1, y1] = ring[index]!
    const [dx, dy] = [x2! - x1!, y2! - y1!]
    const along = Math.max(0, Math.min(1, ((point[0] - x1!) * dx + (point[1] - y1!) * dy) / (dx * dx + dy * dy)))
    return Math.hypot(point[0] - (x1! + along * dx), point[1] - (y1! + along * dy))
  }))
  assert.ok(distanceToEdges > 0.15, `${point} is ${distanceToEdges.toFixed(3)}° from the nearest edge, the centre of gravity 0.02°`)
})

test('an area with a hole around its centre of gravity is named in its body, not in the hole', () => {
  const outer = [[44, 35], [45, 35], [45, 36], [44, 36], [44, 35]]
  const hole = [[44.3, 35.3], [44.3, 35.7], [44.7, 35.7], [44.7, 35.3], [44.3, 35.3]]
  const point = labelPoint({ type: 'Polygon', coordinates: [outer, hole] })!
  assert.ok(inside(point, outer) && !inside(point, hole), `${point} is in the area's body`)
})
