/** SQL of position reports: the history (track_points) and the latest position of each unit (unit_positions). */
import type { Queryable } from '../platform/database/database.ts'
import type { BoundingBox } from '../platform/geometry/geojson.ts'
import { selectReleased, type Viewer } from '../releasability/released-store.ts'
import type { LatestPosition, TrackPoint } from './track-schemas.ts'

/** A report ready to store: checked, its time parsed. */
export interface StorableReport {
  unitId: string
  lat: number
  lon: number
  altitudeMeters: number | null
  speedMps: number | null
  courseDegrees: number | null
  reportedAtMilliseconds: number
  source: string
}

/** What ingestion needs to know of a reported unit. */
export interface ReportedUnitRow {
  id: string
  organization_id: string
  released_to: string[]
  home_room_id: string | null
  version: number
}

interface PointRow {
  unit_id: string
  lon: number
  lat: number
  altitude_meters: number | null
  speed_mps: number | null
  course_degrees: number | null
  reported_at: Date
  source: string
  released_to: string[]
}

function toTrackPoint(row: PointRow): TrackPoint {
  return {
    unitId: row.unit_id, lat: row.lat, lon: row.lon, altitudeMeters: row.altitude_meters, speedMps: row.speed_mps,
    courseDegrees: row.course_degrees, reportedAt: new Date(row.reported_at).toISOString(), source: row.source,
  }
}

/** Columns of a batch as parallel arrays, for one `unnest` insert instead of a statement per report. */
function columnsOf(reports: readonly StorableReport[]): unknown[] {
  const count = reports.length
  const unitIds = new Array<string>(count)
  const times = new Array<string>(count)
  const lons = new Array<number>(count)
  const lats = new Array<number>(count)
  const altitudes = new Array<number | null>(count)
  const speeds = new Array<number | null>(count)
  const courses = new Array<number | null>(count)
  const sources = new Array<string>(count)
  for (let index = 0; index < count; index++) {
    const report = reports[index]!
    unitIds[index] = report.unitId
    times[index] = new Date(report.reportedAtMilliseconds).toISOString()
    lons[index] = report.lon
    lats[index] = report.lat
    altitudes[index] = report.altitudeMeters
    speeds[index] = report.speedMps
    courses[index] = report.courseDegrees
    sources[index] = report.source
  }
  return [unitIds, times, lons, lats, altitudes, speeds, courses, sources]
}

const unnestReports = `unnest($1::uuid[], $2::timestamptz[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::text[])
  as r(unit_id, reported_at, lon, lat, altitude_meters, speed_mps, course_degrees, source)`

/**
 * The reported units that exist, whoever may see them (ingestion checks ownership itself). The
 * key-share lock is the one the foreign keys take anyway: a unit cannot vanish before commit,
 * while its release may still change.
 */
export async function lockReportedUnits(transaction: Queryable, unitIds: readonly string[]): Promise<ReportedUnitRow[]> {
  return transaction.query<ReportedUnitRow>(
    'select id::text as id, organization_id, released_to, home_room_id, version from units where id = any($1::uuid[]) for key share',
    [unitIds],
  )
}

/** Appends reports to the history in one statement; reports already stored are skipped. Returns what was new. */
export async function insertTrackPoints(transaction: Queryable, reports: readonly StorableReport[]): Promise<{ inserted: number; units: number; from: Date | null; to: Date | null }> {
  // Sorted by key so that concurrent batches carrying the same reports wait on each other in one order.
  const [row] = await transaction.query<{ inserted: number; units: number; from: Date | null; to: Date | null }>(
    `with inserted as (
       insert into track_points (unit_id, reported_at, position, altitude_meters, speed_mps, course_degrees, source)
       select unit_id, reported_at, st_setsrid(st_makepoint(lon, lat), 4326), altitude_meters, speed_mps, course_degrees, source
       from ${unnestReports} order by unit_id, reported_at
       on conflict (unit_id, reported_at) do nothing
       returning unit_id, reported_at)
     select count(*)::int as inserted, count(distinct unit_id)::int as units, min(reported_at) as "from", max(reported_at) as "to" from inserted`,
    columnsOf(reports),
  )
  return row!
}

/** Moves each unit's latest position to its newest report, unless a newer one is stored; returns the units moved. */
export async function advanceLatestPositions(transaction: Queryable, newest: readonly StorableReport[]): Promise<string[]> {
  const rows = await transaction.query<{ unit_id: string }>(
    `insert into unit_positions (unit_id, reported_at, position, altitude_meters, speed_mps, course_degrees, source)
     select unit_id, reported_at, st_setsrid(st_makepoint(lon, lat), 4326), altitude_meters, speed_mps, course_degrees, source
     from ${unnestReports}
     on conflict (unit_id) do update set reported_at = excluded.reported_at, position = excluded.position,
       altitude_meters = excluded.altitude_meters, speed_mps = excluded.speed_mps, course_degrees = excluded.course_degrees, source = excluded.source
     where excluded.reported_at > unit_positions.reported_at
     returning unit_id::text as unit_id`,
    columnsOf(newest),
  )
  return rows.map((row) => row.unit_id)
}

/** A unit's id if it is released to the viewer. */
export async function findReleasedUnit(database: Queryable, viewer: Viewer, unitId: string): Promise<boolean> {
  const rows = await selectReleased<{ released_to: string[] }>(database, viewer, 'select u.released_to from units u where u.id = $1 and {released:u}', [unitId])
  return rows.length > 0
}

/** A time window and area of track history. */
export interface TrackWindow {
  from: Date
  to?: Date | undefined
  bbox?: BoundingBox | undefined
  limit: number
}

function windowConditions(window: TrackWindow, parameters: unknown[]): string[] {
  parameters.push(window.from)
  const conditions = [`t.reported_at >= $${parameters.length}`]
  if (window.to) {
    parameters.push(window.to)
    conditions.push(`t.reported_at <= $${parameters.length}`)
  }
  if (window.bbox) {
    parameters.push(...window.bbox)
    const n = parameters.length
    conditions.push(`t.position && st_makeenvelope($${n - 3}, $${n - 2}, $${n - 1}, $${n}, 4326)`)
  }
  return conditions
}

const selectPoints = `select t.unit_id::text as unit_id, st_x(t.position) as lon, st_y(t.position) as lat, t.altitude_meters, t.speed_mps,
    t.course_degrees, t.reported_at, t.source, u.released_to
  from track_points t join units u on u.id = t.unit_id`

/** The track of one unit released to the viewer, in time order. */
export async function listUnitTrack(database: Queryable, viewer: Viewer, unitId: string, window: TrackWindow): Promise<TrackPoint[]> {
  const parameters: unknown[] = [unitId]
  const conditions = ['t.unit_id = $1', '{released:u}', ...windowConditions(window, parameters)]
  parameters.push(window.limit)
  const rows = await selectReleased<PointRow>(database, viewer, `${selectPoints} where ${conditions.join(' and ')} order by t.reported_at limit $${parameters.length}`, parameters)
  return rows.map(toTrackPoint)
}

/** The tracks of every unit released to the viewer, in time order. */
export async function listTracks(database: Queryable, viewer: Viewer, window: TrackWindow): Promise<TrackPoint[]> {
  const parameters: unknown[] = []
  const conditions = ['{released:u}', ...windowConditions(window, parameters)]
  parameters.push(window.limit)
  const rows = await selectReleased<PointRow>(database, viewer, `${selectPoints} where ${conditions.join(' and ')} order by t.reported_at, t.unit_id limit $${parameters.length}`, parameters)
  return rows.map(toTrackPoint)
}

/** A latest position with what releasability needs to know of its unit. */
export interface LatestPositionRow {
  position: LatestPosition
  releasedTo: string[]
  version: number
}

/**
 * Every unit's latest position with its released set, to fill the in-memory cache at start. This
 * read is for no viewer: the cache filters each answer by the released set it keeps (see
 * latest-positions-cache.ts), and is kept in step with release changes through the bus.
 */
export async function loadLatestPositions(database: Queryable): Promise<LatestPositionRow[]> {
  const rows = await database.query<PointRow & { organization_id: string; home_room_id: string | null; version: number }>(
    `select p.unit_id::text as unit_id, st_x(p.position) as lon, st_y(p.position) as lat, p.altitude_meters, p.speed_mps, p.course_degrees,
       p.reported_at, p.source, u.organization_id, u.home_room_id, u.released_to, u.version
     from unit_positions p join units u on u.id = p.unit_id`,
  )
  return rows.map((row) => ({ position: { ...toTrackPoint(row), organizationId: row.organization_id, homeRoomId: row.home_room_id }, releasedTo: row.released_to, version: row.version }))
}

/**
 * Deletes history older than `before` (latest positions stay), oldest first, `chunk` points per
 * statement so that a large backlog never becomes one huge transaction; returns how many went.
 */
export async function deleteTrackPointsBefore(database: Queryable, before: Date, chunk = 50_000): Promise<number> {
  let total = 0
  for (;;) {
    const [row] = await database.query<{ deleted: number }>(
      `with deleted as (
         delete from track_points t using (select unit_id, reported_at from track_points where reported_at < $1 order by reported_at limit $2) old
         where t.unit_id = old.unit_id and t.reported_at = old.reported_at returning 1)
       select count(*)::int as deleted from deleted`, [before, chunk],
    )
    const deleted = row?.deleted ?? 0
    total += deleted
    if (deleted < chunk) return total
  }
}
