/**
 * Compaction of a gap-area history for display: repeated values say nothing, and a long period
 * is thinned to a bounded number of points while keeping each stretch's lowest and highest value
 * (a gap that opened for an hour must still show).
 */

/** A point of the history: a time and the total gap area then. */
export interface TimedValue {
  at: Date
  gapKm2: number
}

/** Drops points whose value repeats the previous kept one (within `toleranceKm2`). */
export function dropRepeats<Point extends TimedValue>(points: readonly Point[], toleranceKm2 = 1e-6): Point[] {
  const kept: Point[] = []
  for (const point of points) {
    const last = kept[kept.length - 1]
    if (last && Math.abs(last.gapKm2 - point.gapKm2) <= toleranceKm2) continue
    kept.push(point)
  }
  return kept
}

/**
 * At most `maxPoints` points, oldest first: repeats dropped, then, if still too many, the period
 * cut into equal stretches of points, each represented by its lowest and highest point in time
 * order. The first and last points are always kept.
 */
export function compactHistory<Point extends TimedValue>(points: readonly Point[], maxPoints: number, toleranceKm2 = 1e-6): Point[] {
  if (maxPoints < 2) throw new RangeError('maxPoints must be at least 2')
  const distinct = dropRepeats(points, toleranceKm2)
  if (distinct.length <= maxPoints) return distinct
  const first = distinct[0]!
  const last = distinct[distinct.length - 1]!
  const inner = distinct.slice(1, -1)
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2))
  const size = Math.ceil(inner.length / buckets)
  const kept: Point[] = [first]
  for (let start = 0; start < inner.length; start += size) {
    const bucket = inner.slice(start, start + size)
    let low = bucket[0]!
    let high = bucket[0]!
    for (const point of bucket) {
      if (point.gapKm2 < low.gapKm2) low = point
      if (point.gapKm2 > high.gapKm2) high = point
    }
    if (low === high) kept.push(low)
    else kept.push(...(low.at <= high.at ? [low, high] : [high, low]))
  }
  kept.push(last)
  return kept
}
