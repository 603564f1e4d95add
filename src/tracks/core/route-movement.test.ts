import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { bearingDegrees, distanceMeters, distanceTravelled, isClosedRoute, positionAlongRoute, routeLengthMeters, type LonLat } from './route-movement.ts'

const kifri: LonLat = [44.96, 34.69]
const tuzKhurmatu: LonLat = [44.63, 34.89]
const near = (actual: number, expected: number, tolerance: number, message?: string) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${message ?? ''} expected ${expected} ± ${tolerance}, got ${actual}`)

describe('movement along a route', () => {
  test('distances match known great-circle figures', () => {
    near(distanceMeters([0, 0], [1, 0]), 111_195, 1, 'one degree of longitude on the equator')
    near(distanceMeters([0, 0], [0, 1]), 111_195, 1, 'one degree of latitude')
    near(distanceMeters(kifri, tuzKhurmatu), 38_000, 1500, 'Kifri to Tuz Khurmatu')
    assert.equal(distanceMeters(kifri, kifri), 0)
  })

  test('bearings point the right way and stay within 0..360', () => {
    near(bearingDegrees([0, 0], [0, 1]), 0, 1e-9, 'north')
    near(bearingDegrees([0, 0], [1, 0]), 90, 1e-9, 'east')
    near(bearingDegrees([0, 1], [0, 0]), 180, 1e-9, 'south')
    near(bearingDegrees([1, 0], [0, 0]), 270, 1e-9, 'west')
    const towardsTuz = bearingDegrees(kifri, tuzKhurmatu)
    assert.ok(towardsTuz > 270 && towardsTuz < 360, `Tuz Khurmatu lies north-west of Kifri, got ${towardsTuz}`)
  })

  test('a unit is at the start, part way, and at the end of a leg after the matching distance', () => {
    const route = [[44, 35], [45, 35]] as const
    const length = routeLengthMeters(route)
    assert.deepEqual(positionAlongRoute(route, 0), { lon: 44, lat: 35, courseDegrees: bearingDegrees(route[0], route[1]) })
    const half = positionAlongRoute(route, length / 2)
    near(half.lon, 44.5, 1e-9)
    near(positionAlongRoute(route, length).lon, 45, 1e-9)
  })

  test('an open route is driven out and back: past the end the unit heads home on the same line', () => {
    const route = [[44, 35], [44, 35.1], [44.1, 35.1]] as const
    const length = routeLengthMeters(route)
    const returning = positionAlongRoute(route, length + routeLengthMeters([route[2], route[1]]) / 2)
    near(returning.lon, 44.05, 1e-9)
    near(returning.lat, 35.1, 1e-9)
    near(returning.courseDegrees, 270, 0.1, 'heading west on the way back')
    const home = positionAlongRoute(route, 2 * length)
    near(home.lon, 44, 1e-9)
    near(home.lat, 35, 1e-9)
    const again = positionAlongRoute(route, 2 * length + 10)
    near(again.courseDegrees, 0, 0.1, 'setting out north again')
  })

  test('a closed route is driven round and round', () => {
    const circuit = [[44, 35], [44.1, 35], [44.1, 35.1], [44, 35]] as const
    assert.equal(isClosedRoute(circuit), true)
    const length = routeLengthMeters(circuit)
    const first = positionAlongRoute(circuit, 1000)
    const secondLap = positionAlongRoute(circuit, length + 1000)
    near(secondLap.lon, first.lon, 1e-9)
    near(secondLap.lat, first.lat, 1e-9)
    near(secondLap.courseDegrees, first.courseDegrees, 1e-9)
  })

  test('distance travelled is speed times time, never negative', () => {
    assert.equal(distanceTravelled(10, 60_000), 600)
    assert.equal(distanceTravelled(-5, 1000), 0)
    assert.equal(distanceTravelled(10, -1000), 0)
  })

  test('a unit moving at a steady speed covers the same ground each interval', () => {
    const route = [kifri, [44.8, 34.75], tuzKhurmatu] as const
    const step = distanceTravelled(15, 5000)
    for (let index = 1; index < 40; index++) {
      const a = positionAlongRoute(route, (index - 1) * step)
      const b = positionAlongRoute(route, index * step)
      near(distanceMeters([a.lon, a.lat], [b.lon, b.lat]), step, 1, `interval ${index}`)
    }
  })
})
