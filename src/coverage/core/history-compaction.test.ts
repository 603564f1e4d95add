import { test } from 'node:test'
import assert from 'node:assert/strict'
import { compactHistory, dropRepeats } from './history-compaction.ts'

const point = (minute: number, gapKm2: number) => ({ at: new Date(Date.UTC(2025, 2, 1, 0, minute)), gapKm2 })

test('repeated totals are dropped, changes kept', () => {
  const points = [point(0, 10), point(1, 10), point(2, 12), point(3, 12 + 1e-9), point(4, 10)]
  assert.deepEqual(dropRepeats(points).map((p) => p.gapKm2), [10, 12, 10])
})

test('a short history is returned as it is', () => {
  const points = [point(0, 1), point(1, 2), point(2, 3)]
  assert.deepEqual(compactHistory(points, 10), points)
})

test('a long history is thinned to the limit, keeping the ends and a brief spike', () => {
  const points = Array.from({ length: 1000 }, (_, i) => point(i, i % 2 === 0 ? 5 : 6))
  points[500] = point(500, 400)
  const compacted = compactHistory(points, 50)
  assert.ok(compacted.length <= 50, `${compacted.length} points`)
  assert.equal(compacted[0], points[0])
  assert.equal(compacted.at(-1), points.at(-1))
  assert.ok(compacted.some((p) => p.gapKm2 === 400), 'the spike survives')
  assert.ok(compacted.every((p, i) => i === 0 || p.at > compacted[i - 1]!.at), 'time order')
})

test('a limit under two points is refused', () => {
  assert.throws(() => compactHistory([point(0, 1)], 1), RangeError)
})
