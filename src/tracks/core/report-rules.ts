/**
 * The rules a position report must meet before it is stored, as pure functions: coordinates and
 * motion in range, a time neither in the future (beyond clock skew) nor older than the retention
 * window. They run on every path that ingests (HTTP, TAK, the simulator), not only behind a schema.
 */

/** How far ahead of the server's clock a report may be stamped (device clocks drift). */
export const maxFutureSkewMilliseconds = 2 * 60 * 1000
/** Most reports one batch may carry. */
export const maxReportsPerBatch = 5000

/** Why one report of a batch was refused; the rest of the batch is unaffected. */
export const reportRejectionCodes = ['invalid-report', 'out-of-range', 'in-the-future', 'older-than-retention', 'unknown-unit', 'not-own-unit'] as const
export type ReportRejectionCode = (typeof reportRejectionCodes)[number]

/** A refused report: its position in the batch, why, and a readable detail. */
export interface ReportRejection {
  index: number
  code: ReportRejectionCode
  detail: string
}

/** The measured values of one report, its time already parsed. */
export interface ReportValues {
  unitId: string
  lat: number
  lon: number
  altitudeMeters?: number | null | undefined
  speedMps?: number | null | undefined
  courseDegrees?: number | null | undefined
  reportedAtMilliseconds: number
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

// Ranges generous enough for aircraft and the Dead Sea shore, tight enough to catch garbage fixes.
const ranges = {
  altitudeMeters: [-1000, 100_000],
  speedMps: [0, 2000],
  courseDegrees: [0, 360],
} as const

function outOfRange(value: number | null | undefined, [low, high]: readonly [number, number]): boolean {
  return value !== null && value !== undefined && !(Number.isFinite(value) && value >= low && value <= high)
}

/** Why a report must be refused at `now`, or null when it may be stored. */
export function checkReport(report: ReportValues, nowMilliseconds: number, retentionMilliseconds: number): { code: ReportRejectionCode; detail: string } | null {
  if (!uuidPattern.test(report.unitId)) return { code: 'invalid-report', detail: `unitId ${JSON.stringify(report.unitId)} is not a UUID` }
  if (!Number.isFinite(report.reportedAtMilliseconds)) return { code: 'invalid-report', detail: 'reportedAt is not a valid time' }
  if (!(Number.isFinite(report.lat) && report.lat >= -90 && report.lat <= 90)) return { code: 'out-of-range', detail: `lat ${report.lat} is outside -90..90` }
  if (!(Number.isFinite(report.lon) && report.lon >= -180 && report.lon <= 180)) return { code: 'out-of-range', detail: `lon ${report.lon} is outside -180..180` }
  for (const [field, range] of Object.entries(ranges) as Array<[keyof typeof ranges, readonly [number, number]]>) {
    if (outOfRange(report[field], range)) return { code: 'out-of-range', detail: `${field} ${report[field]} is outside ${range[0]}..${range[1]}` }
  }
  if (report.reportedAtMilliseconds > nowMilliseconds + maxFutureSkewMilliseconds) {
    return { code: 'in-the-future', detail: `reportedAt is ${Math.round((report.reportedAtMilliseconds - nowMilliseconds) / 1000)} s ahead of the server clock (at most ${maxFutureSkewMilliseconds / 1000} s allowed)` }
  }
  if (report.reportedAtMilliseconds < nowMilliseconds - retentionMilliseconds) {
    return { code: 'older-than-retention', detail: `reportedAt is older than the retention window of ${retentionMilliseconds / 3_600_000} h` }
  }
  return null
}

/** The newest report of each unit among `reports` (the first one wins a tie), ordered by unit id. */
export function newestPerUnit<T extends { unitId: string; reportedAtMilliseconds: number }>(reports: readonly T[]): T[] {
  const newest = new Map<string, T>()
  for (const report of reports) {
    const current = newest.get(report.unitId)
    if (!current || report.reportedAtMilliseconds > current.reportedAtMilliseconds) newest.set(report.unitId, report)
  }
  // A fixed order makes concurrent batches lock the same latest-position rows in the same order.
  return [...newest.values()].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0))
}
