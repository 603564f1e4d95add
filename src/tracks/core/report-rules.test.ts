import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { checkReport, maxFutureSkewMilliseconds, newestPerUnit, type ReportValues } from './report-rules.ts'

const now = Date.parse('2021-06-20T08:00:00Z')
const hour = 3_600_000
const report = (changes: Partial<ReportValues> = {}): ReportValues => ({
  unitId: '3f1c6a52-5b1e-4c1a-9d7e-0a3b2c1d4e5f', lat: 34.79, lon: 44.8, reportedAtMilliseconds: now - 1000, ...changes,
})

describe('position report rules', () => {
  test('a well-formed recent report passes', () => {
    assert.equal(checkReport(report({ altitudeMeters: 250, speedMps: 12.5, courseDegrees: 359.9 }), now, 720 * hour), null)
  })

  test('coordinates and motion out of range are refused as out-of-range, naming the field', () => {
    for (const [changes, field] of [[{ lat: 90.5 }, 'lat'], [{ lat: Number.NaN }, 'lat'], [{ lon: -180.01 }, 'lon'], [{ speedMps: -1 }, 'speedMps'], [{ courseDegrees: 400 }, 'courseDegrees'], [{ altitudeMeters: 9_999_999 }, 'altitudeMeters']] as const) {
      const refusal = checkReport(report(changes), now, 720 * hour)
      assert.equal(refusal?.code, 'out-of-range', field)
      assert.match(refusal!.detail, new RegExp(field))
    }
  })

  test('a report stamped more than two minutes ahead is in the future; exactly two minutes is clock skew', () => {
    assert.equal(checkReport(report({ reportedAtMilliseconds: now + maxFutureSkewMilliseconds }), now, hour), null)
    assert.equal(checkReport(report({ reportedAtMilliseconds: now + maxFutureSkewMilliseconds + 1 }), now, hour)?.code, 'in-the-future')
  })

  test('a report older than the retention window is refused', () => {
    assert.equal(checkReport(report({ reportedAtMilliseconds: now - hour + 1 }), now, hour), null)
    assert.equal(checkReport(report({ reportedAtMilliseconds: now - hour - 1 }), now, hour)?.code, 'older-than-retention')
  })

  test('a unit id that is not a UUID, or an unparseable time, is an invalid report', () => {
    assert.equal(checkReport(report({ unitId: 'unit-1' }), now, hour)?.code, 'invalid-report')
    assert.equal(checkReport(report({ reportedAtMilliseconds: Number.NaN }), now, hour)?.code, 'invalid-report')
  })

  test('the newest report of each unit is kept, ordered by unit id, first one winning a tie', () => {
    const reports = [
      { unitId: 'b', reportedAtMilliseconds: 5, tag: 'b5' },
      { unitId: 'a', reportedAtMilliseconds: 3, tag: 'a3' },
      { unitId: 'b', reportedAtMilliseconds: 9, tag: 'b9' },
      { unitId: 'a', reportedAtMilliseconds: 3, tag: 'a3-again' },
      { unitId: 'a', reportedAtMilliseconds: 1, tag: 'a1' },
    ]
    assert.deepEqual(newestPerUnit(reports).map((r) => r.tag), ['a3', 'b9'])
  })
})
