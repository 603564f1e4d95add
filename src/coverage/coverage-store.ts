/**
 * SQL of coverage: the PostGIS computation of a room's gaps and overlaps, the stored result, its
 * history and its alerts. Coverage rows are derived (not releasable); the names of organizations
 * reach a reader only through `releasedAreaOrganizations`, which reads areas through selectReleased.
 */
import type { Queryable } from '../platform/database/database.ts'
import type { BoundingBox } from '../platform/geometry/geojson.ts'
import { selectReleased, type Viewer } from '../releasability/released-store.ts'
import type { PartKind, PreviousPart } from './core/part-matching.ts'
import type { PolygonGeometry } from './core/coverage-views.ts'
import type { WarmUpArrangement } from './core/warm-up-arrangement.ts'

/** How a computation treats geometry: the grid it snaps to, the slivers it drops, the border distance. */
export interface ComputationSettings {
  /** Precision of the polygon overlays, in degrees (snap-rounding to a 1e-7° grid ≈ 1 cm): robust, and the same on both backends. */
  gridDegrees: number
  /** Parts smaller than this are slivers of digitising, not gaps: dropped. */
  minimumPartKm2: number
  /** An area of responsibility within this distance of a gap borders it. */
  borderMeters: number
}

/** A gap or overlap as computed, before it is matched with the stored result. */
export interface ComputedPart {
  kind: PartKind
  geometry: PolygonGeometry
  /** The geometry exactly as computed (hex EWKB), so that a recomputation finding the same polygon stores and compares it bit for bit. */
  ewkb: string
  areaKm2: number
  bbox: BoundingBox
  organizationIds: string[]
  areaIds: string[]
  /** Area shared with each stored part of the same kind (what identity and novelty are decided on). */
  shared: Array<{ previousId: string; sharedKm2: number }>
}

/** What one computation read and found. */
export interface ComputedCoverage {
  hasJointSecurityArea: boolean
  jointSecurityAreaKm2: number
  /** Every area read: the room's joint security areas and the areas of responsibility near them. */
  inputAreaIds: string[]
  parts: ComputedPart[]
}

const activeAt = (alias: string, parameter: string) => `${alias}.valid_from <= ${parameter} and (${alias}.valid_to is null or ${alias}.valid_to > ${parameter})`

/**
 * Degrees that certainly span `meters` at the latitudes of a geometry (a degree of longitude is
 * the shortest, at least 110 km × cos(latitude)): the planar prefilter before the exact distance
 * on the ellipsoid. Conversely, two shapes closer than meters / 112 000 degrees are within
 * `meters` (no degree is longer than 111.7 km).
 */
const marginDegrees = (geometry: string, meters: string) =>
  `(${meters} / 110000.0 / cos(radians(least(80.0, greatest(abs(st_ymin(${geometry})), abs(st_ymax(${geometry}))) + 1.0))) + 0.0001)`

/** Approximate km² of a small lon/lat polygon (planar degrees² scaled at its latitude): a cheap prefilter before the exact area. */
const roughKm2 = (geometry: string) => `(st_area(${geometry}) * 12392.0 * cos(radians(st_ymin(${geometry}))))`

/** Areas of responsibility in force at $2. */
const activeAor = (alias: string) => `${alias}.kind = 'aor' and ${activeAt(alias, '$2::timestamptz')}`

/*
 * The computation, at instant $2 for room $1, as an arrangement rather than a chain of polygon
 * unions (which cost several times more for hundreds of areas):
 *  - jsa: union of the room's joint security areas in force;
 *  - near: areas of responsibility in force near it (any organization, any room: ground covered is covered);
 *  - the boundaries of both are noded together and polygonized into faces: no boundary crosses
 *    the inside of a face, so a face lies wholly inside or outside each area;
 *  - each face inside the joint security area is classified by the areas of responsibility that
 *    contain a point inside it: none → a gap; two or more organizations → an overlap (faces and
 *    their points are materialized once; claims, and later the areas bordering each gap, are one
 *    index-backed join grouped per face rather than a subquery per face);
 *  - a gap face is a whole gap (two gap faces cannot share an edge: every edge has the inside of
 *    some area on one side); overlap faces are merged by their set of claimants and dumped into
 *    polygons; parts under the minimum area (slivers of digitising) are dropped;
 *  - gaps get the areas within the border distance (geography), overlaps the claiming areas;
 *  - each part gets the area it shares with the stored parts of its kind (for matching);
 *  - a last row 'inputs' carries the joint security area's size and every area read.
 * Polygon overlays (the joint security areas' union, the merging of overlap faces, the shared
 * areas) run at the fixed precision $3 (snap-rounding): in floating point, nearly coincident edges
 * leave zero-width spikes. Noding the boundaries is a plain line union: where two edges nearly
 * coincide it leaves a sliver face, which the minimum area drops. Parts are stored exactly as
 * computed (EWKB), so a part found again compares equal bit for bit and costs no overlay, and shown
 * in GeoJSON with 9 decimals (0.1 mm), where PGlite's GEOS and the server's agree.
 * Parameters: $1 room, $2 instant, $3 grid (degrees), $4 border metres, $5 minimum km².
 */
const computationSql = `
with jsa_rows as (
  select a.id, a.geometry as g from areas a
  where a.room_id = $1 and a.kind = 'joint-security-area' and ${activeAt('a', '$2::timestamptz')}
),
jsa as (
  select st_union(g, $3::float8) as g, array_agg(id) as ids from jsa_rows
),
near as (
  select a.id, a.organization_id, a.geometry as g from areas a, jsa
  where jsa.g is not null and ${activeAor('a')} and a.geometry && st_expand(jsa.g, ${marginDegrees('jsa.g', '$4')})
),
lines as (
  select st_union(b) as g from (select st_boundary(g) as b from jsa where g is not null union all select st_boundary(g) from near) x
),
faces as materialized (
  select d.path[1] as n, d.geom as g, st_pointonsurface(d.geom) as p from (select st_polygonize(g) as g from lines) z, st_dump(z.g) d
),
inside as materialized (
  select f.n, f.g, f.p from faces f, jsa where st_intersects(jsa.g, f.p)
),
claims as materialized (
  select f.n, f.g, f.p,
    coalesce(array_agg(distinct a.organization_id order by a.organization_id) filter (where a.id is not null), '{}') as organization_ids,
    coalesce(array_agg(a.id::text order by a.id::text) filter (where a.id is not null), '{}') as area_ids
  from inside f left join areas a on ${activeAor('a')} and a.geometry && f.p and st_intersects(a.geometry, f.p)
  group by f.n, f.g, f.p
),
gap_areas as materialized (
  select n, g, km2 from claims cross join lateral (select st_area(g::geography) / 1000000.0 as km2) k
  where cardinality(organization_ids) = 0 and ${roughKm2('g')} >= $5 * 0.8 and k.km2 >= $5
),
gap_rows as (
  select 'gap'::text as kind, gaps.g, gaps.km2,
    coalesce(array_agg(a.id::text order by a.id::text) filter (where a.id is not null), '{}') as area_ids,
    coalesce(array_agg(distinct a.organization_id order by a.organization_id) filter (where a.id is not null), '{}') as organization_ids
  from gap_areas gaps left join areas a
    on ${activeAor('a')} and a.geometry && st_expand(gaps.g, ${marginDegrees('gaps.g', '$4')})
      and st_dwithin(a.geometry, gaps.g, ${marginDegrees('gaps.g', '$4')})
      and (st_dwithin(a.geometry, gaps.g, $4 / 112000.0) or st_dwithin(a.geometry::geography, gaps.g::geography, $4))
  group by gaps.n, gaps.g, gaps.km2
),
overlap_faces as (
  select g, p, organization_ids, area_ids from claims where cardinality(organization_ids) >= 2
),
overlap_parts as (
  select m.organization_ids, d.geom as g
  from (select organization_ids, st_union(g, $3::float8) as g from overlap_faces group by organization_ids) m,
       st_dump(st_collectionextract(m.g, 3)) d
  where ${roughKm2('d.geom')} >= $5 * 0.8
),
overlap_rows as (
  select 'overlap'::text as kind, o.g, k.km2, c.area_ids, o.organization_ids
  from overlap_parts o
  cross join lateral (select st_area(o.g::geography) / 1000000.0 as km2) k
  cross join lateral (
    select coalesce(array_agg(distinct id order by id), '{}') as area_ids
    from overlap_faces f, unnest(f.area_ids) id
    where f.organization_ids = o.organization_ids and f.p && o.g and st_intersects(o.g, f.p)
  ) c
  where k.km2 >= $5
),
found as (select * from gap_rows union all select * from overlap_rows)
select f.kind, st_asgeojson(f.g, 9)::json as geometry, f.g::text as ewkb, f.km2 as area_km2,
  st_xmin(f.g) as west, st_ymin(f.g) as south, st_xmax(f.g) as east, st_ymax(f.g) as north,
  f.area_ids, f.organization_ids,
  coalesce((
    select json_agg(json_build_object('previousId', p.id, 'sharedKm2',
      case when p.geometry = f.g then p.area_km2 else st_area(st_intersection(p.geometry, f.g, $3::float8)::geography) / 1000000.0 end))
    from coverage_parts p where p.room_id = $1 and p.kind = f.kind and p.geometry && f.g and (p.geometry = f.g or st_intersects(p.geometry, f.g))
  ), '[]'::json) as shared
from found f
union all
select 'inputs', null, null, (select coalesce(st_area(g::geography) / 1000000.0, 0) from jsa), null, null, null, null,
  array(select unnest(ids)::text from jsa where ids is not null union all select id::text from near),
  case when (select g from jsa) is null then '{}'::text[] else '{present}'::text[] end,
  null
`

interface ComputedRow {
  kind: PartKind | 'inputs'
  geometry: PolygonGeometry | null
  ewkb: string | null
  area_km2: number
  west: number | null
  south: number | null
  east: number | null
  north: number | null
  area_ids: string[]
  organization_ids: string[]
  shared: Array<{ previousId: string; sharedKm2: number }> | null
}

/** Computes the gaps and overlaps of a room's joint security area at an instant, in PostGIS. */
export async function computeCoverage(database: Queryable, roomId: string, at: Date, settings: ComputationSettings): Promise<ComputedCoverage> {
  const rows = await database.query<ComputedRow>(computationSql, [roomId, at.toISOString(), settings.gridDegrees, settings.borderMeters, settings.minimumPartKm2])
  const inputs = rows.find((row) => row.kind === 'inputs')!
  const parts = rows.filter((row): row is ComputedRow & { kind: PartKind; geometry: PolygonGeometry } => row.kind !== 'inputs' && row.geometry !== null)
  return {
    hasJointSecurityArea: inputs.organization_ids.length > 0,
    jointSecurityAreaKm2: Number(inputs.area_km2),
    inputAreaIds: [...new Set(inputs.area_ids)],
    parts: parts.map((row) => ({
      kind: row.kind,
      geometry: row.geometry,
      ewkb: row.ewkb!,
      areaKm2: Number(row.area_km2),
      bbox: [row.west!, row.south!, row.east!, row.north!],
      organizationIds: row.organization_ids,
      areaIds: row.area_ids,
      shared: (row.shared ?? []).map((entry) => ({ previousId: entry.previousId, sharedKm2: Number(entry.sharedKm2) })),
    })),
  }
}

/** The stored state of a room's coverage. */
export interface CoverageState {
  roomId: string
  asOf: Date
  computedAt: Date
  jointSecurityAreaKm2: number
  hasJointSecurityArea: boolean
  gapKm2: number
  gapCount: number
  overlapKm2: number
  overlapCount: number
  inputAreaIds: string[]
  extent: BoundingBox | null
  revision: number
}

interface StateRow {
  room_id: string
  as_of: Date | string
  computed_at: Date | string
  joint_security_area_km2: number
  has_joint_security_area: boolean
  gap_km2: number
  gap_count: number
  overlap_km2: number
  overlap_count: number
  input_area_ids: string[]
  west: number | null
  south: number | null
  east: number | null
  north: number | null
  revision: number
}

const selectStates = `select room_id, as_of, computed_at, joint_security_area_km2, joint_security_area is not null as has_joint_security_area,
    gap_km2, gap_count, overlap_km2, overlap_count, array(select unnest(input_area_ids)::text) as input_area_ids,
    st_xmin(extent) as west, st_ymin(extent) as south, st_xmax(extent) as east, st_ymax(extent) as north, revision
  from coverage_states`

function toState(row: StateRow): CoverageState {
  return {
    roomId: row.room_id,
    asOf: new Date(row.as_of),
    computedAt: new Date(row.computed_at),
    jointSecurityAreaKm2: Number(row.joint_security_area_km2),
    hasJointSecurityArea: row.has_joint_security_area,
    gapKm2: Number(row.gap_km2),
    gapCount: row.gap_count,
    overlapKm2: Number(row.overlap_km2),
    overlapCount: row.overlap_count,
    inputAreaIds: row.input_area_ids,
    extent: row.west === null ? null : [row.west, row.south!, row.east!, row.north!],
    revision: row.revision,
  }
}

/** The stored coverage state of a room, or null before its first computation. */
export async function findState(database: Queryable, roomId: string): Promise<CoverageState | null> {
  const [row] = await database.query<StateRow>(`${selectStates} where room_id = $1`, [roomId])
  return row ? toState(row) : null
}

/** Every stored state (few: one a room), for deciding which rooms an area change concerns. */
export async function listStates(database: Queryable): Promise<CoverageState[]> {
  return (await database.query<StateRow>(`${selectStates} order by room_id`)).map(toState)
}

/** Locks the room's coverage for one recomputation (creating its state row); false when the room does not exist. */
export async function lockRoomCoverage(transaction: Queryable, roomId: string, at: Date): Promise<{ members: string[]; state: CoverageState | null } | null> {
  const [room] = await transaction.query<{ member_organization_ids: string[] }>('select member_organization_ids from rooms where id = $1', [roomId])
  if (!room) return null
  const [existing] = await transaction.query<StateRow>(`${selectStates} where room_id = $1 for update`, [roomId])
  if (existing) return { members: room.member_organization_ids, state: toState(existing) }
  await transaction.query('insert into coverage_states (room_id, as_of) values ($1, $2::timestamptz) on conflict (room_id) do nothing', [roomId, at.toISOString()])
  await transaction.query('select 1 from coverage_states where room_id = $1 for update', [roomId])
  return { members: room.member_organization_ids, state: null }
}

/** Writes the state of a computation: the joint security area's union and extent, totals, inputs. */
export async function saveState(transaction: Queryable, state: { roomId: string; asOf: Date; jointSecurityAreaKm2: number; gapKm2: number; gapCount: number; overlapKm2: number; overlapCount: number; inputAreaIds: string[]; changed: boolean }, settings: ComputationSettings): Promise<void> {
  await transaction.query(
    `with jsa as (
       select st_multi(st_union(a.geometry, $3::float8)) as g
       from areas a where a.room_id = $1 and a.kind = 'joint-security-area' and ${activeAt('a', '$2::timestamptz')}
     )
     update coverage_states s set as_of = $2::timestamptz, computed_at = now(),
       joint_security_area = case when st_isempty(jsa.g) then null else jsa.g end,
       extent = case when jsa.g is null or st_isempty(jsa.g) then null else st_expand(st_envelope(jsa.g), ${marginDegrees('jsa.g', '$4')}) end,
       joint_security_area_km2 = $5, gap_km2 = $6, gap_count = $7, overlap_km2 = $8, overlap_count = $9, input_area_ids = $10::uuid[],
       revision = s.revision + case when $11::boolean then 1 else 0 end
     from jsa where s.room_id = $1`,
    [state.roomId, state.asOf.toISOString(), settings.gridDegrees, settings.borderMeters, state.jointSecurityAreaKm2, state.gapKm2, state.gapCount,
      state.overlapKm2, state.overlapCount, state.inputAreaIds, state.changed],
  )
}

/** A stored gap or overlap. */
export interface StoredPart {
  id: string
  roomId: string
  kind: PartKind
  geometry: PolygonGeometry
  areaKm2: number
  bbox: BoundingBox
  organizationIds: string[]
  areaIds: string[]
  firstSeenAt: Date
  computedAt: Date
}

interface PartRow {
  id: string
  room_id: string
  kind: PartKind
  geometry: PolygonGeometry
  area_km2: number
  west: number
  south: number
  east: number
  north: number
  organization_ids: string[]
  area_ids: string[]
  first_seen_at: Date | string
  computed_at: Date | string
}

const selectParts = `select p.id, p.room_id, p.kind, st_asgeojson(p.geometry, 9)::json as geometry, p.area_km2,
    st_xmin(p.geometry) as west, st_ymin(p.geometry) as south, st_xmax(p.geometry) as east, st_ymax(p.geometry) as north,
    p.organization_ids, array(select unnest(p.area_ids)::text) as area_ids, p.first_seen_at, p.computed_at
  from coverage_parts p`

function toPart(row: PartRow): StoredPart {
  return {
    id: row.id,
    roomId: row.room_id,
    kind: row.kind,
    geometry: row.geometry,
    areaKm2: Number(row.area_km2),
    bbox: [row.west, row.south, row.east, row.north],
    organizationIds: row.organization_ids,
    areaIds: row.area_ids,
    firstSeenAt: new Date(row.first_seen_at),
    computedAt: new Date(row.computed_at),
  }
}

/** The stored gaps and overlaps of a room, largest first. */
export async function listParts(database: Queryable, roomId: string): Promise<StoredPart[]> {
  return (await database.query<PartRow>(`${selectParts} where p.room_id = $1 order by p.kind, p.area_km2 desc, p.id`, [roomId])).map(toPart)
}

/** The stored parts of a room without their geometry: what matching a new result needs. */
export async function listPartSummaries(database: Queryable, roomId: string): Promise<PreviousPart[]> {
  const rows = await database.query<{ id: string; kind: PartKind; area_km2: number; organization_ids: string[]; area_ids: string[]; first_seen_at: Date | string }>(
    'select id, kind, area_km2, organization_ids, array(select unnest(area_ids)::text) as area_ids, first_seen_at from coverage_parts where room_id = $1', [roomId],
  )
  return rows.map((row) => ({ id: row.id, kind: row.kind, areaKm2: Number(row.area_km2), organizationIds: row.organization_ids, areaIds: row.area_ids, firstSeenAt: new Date(row.first_seen_at) }))
}

/** A page of stored parts of some rooms, by id after `afterId`, optionally intersecting a box (the live layer). */
export async function pageParts(database: Queryable, filter: { roomIds: readonly string[]; bbox?: BoundingBox | undefined; afterId?: string | undefined; limit: number }): Promise<StoredPart[]> {
  const parameters: unknown[] = [filter.roomIds]
  const conditions = ['p.room_id = any($1::text[])']
  if (filter.afterId) {
    parameters.push(filter.afterId)
    conditions.push(`p.id > $${parameters.length}::uuid`)
  }
  if (filter.bbox) {
    parameters.push(...filter.bbox)
    const n = parameters.length
    conditions.push(`st_intersects(p.geometry, st_makeenvelope($${n - 3}, $${n - 2}, $${n - 1}, $${n}, 4326))`)
  }
  parameters.push(filter.limit)
  const rows = await database.query<PartRow>(`${selectParts} where ${conditions.join(' and ')} order by p.id limit $${parameters.length}`, parameters)
  return rows.map(toPart)
}

/** Removes stored parts by id. */
export async function deleteParts(transaction: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await transaction.query('delete from coverage_parts where id = any($1::uuid[])', [ids])
}

/** Stores parts (new ones, or changed ones whose previous row was deleted). */
export async function insertParts(transaction: Queryable, roomId: string, parts: ReadonlyArray<{ id: string; part: ComputedPart; firstSeenAt: Date }>, computedAt: Date): Promise<void> {
  if (parts.length === 0) return
  await transaction.query(
    `insert into coverage_parts (id, room_id, kind, geometry, area_km2, organization_ids, area_ids, first_seen_at, computed_at)
     select (e->>'id')::uuid, $1, e->>'kind', (e->>'ewkb')::geometry, (e->>'areaKm2')::double precision,
       array(select json_array_elements_text(e->'organizationIds')), array(select json_array_elements_text(e->'areaIds'))::uuid[],
       (e->>'firstSeenAt')::timestamptz, $3::timestamptz
     from json_array_elements($2::json) e`,
    [roomId, JSON.stringify(parts.map(({ id, part, firstSeenAt }) => ({
      id, kind: part.kind, ewkb: part.ewkb, areaKm2: part.areaKm2, organizationIds: part.organizationIds, areaIds: part.areaIds, firstSeenAt: firstSeenAt.toISOString(),
    }))), computedAt.toISOString()],
  )
}

/** The organizations of those of `areaIds` that are released to the viewer, by area id. */
export async function releasedAreaOrganizations(database: Queryable, viewer: Viewer, areaIds: readonly string[]): Promise<Map<string, string>> {
  if (areaIds.length === 0) return new Map()
  const rows = await selectReleased<{ id: string; organization_id: string; released_to: string[] }>(
    database, viewer, 'select a.id::text as id, a.organization_id, a.released_to from areas a where a.id = any($1::uuid[]) and {released:a}', [[...new Set(areaIds)]],
  )
  return new Map(rows.map((row) => [row.id, row.organization_id]))
}

/** A point of the gap history. */
export interface HistoryPoint {
  at: Date
  gapKm2: number
  gapCount: number
  overlapKm2: number
  overlapCount: number
  jointSecurityAreaKm2: number
}

/** Appends a point to a room's gap history. */
export async function appendHistory(transaction: Queryable, roomId: string, point: HistoryPoint): Promise<void> {
  await transaction.query(
    `insert into coverage_history (room_id, at, gap_km2, gap_count, overlap_km2, overlap_count, joint_security_area_km2)
     values ($1, $2::timestamptz, $3, $4, $5, $6, $7)`,
    [roomId, point.at.toISOString(), point.gapKm2, point.gapCount, point.overlapKm2, point.overlapCount, point.jointSecurityAreaKm2],
  )
}

/** The history of a room within [from, to], oldest first. */
export async function listHistory(database: Queryable, roomId: string, from: Date, to: Date): Promise<HistoryPoint[]> {
  const rows = await database.query<{ at: Date | string; gap_km2: number; gap_count: number; overlap_km2: number; overlap_count: number; joint_security_area_km2: number }>(
    `select at, gap_km2, gap_count, overlap_km2, overlap_count, joint_security_area_km2 from coverage_history
     where room_id = $1 and at >= $2::timestamptz and at <= $3::timestamptz order by at, id`,
    [roomId, from.toISOString(), to.toISOString()],
  )
  return rows.map((row) => ({
    at: new Date(row.at), gapKm2: Number(row.gap_km2), gapCount: row.gap_count, overlapKm2: Number(row.overlap_km2),
    overlapCount: row.overlap_count, jointSecurityAreaKm2: Number(row.joint_security_area_km2),
  }))
}

/** A stored coverage alert. */
export interface StoredAlert {
  id: string
  roomId: string
  gapId: string
  geometry: PolygonGeometry
  areaKm2: number
  bbox: BoundingBox
  raisedAt: Date
  acknowledgedAt: Date | null
  acknowledgedByUsername: string | null
  acknowledgedOrganizationId: string | null
}

interface AlertRow {
  id: string
  room_id: string
  gap_id: string
  geometry: PolygonGeometry
  area_km2: number
  west: number
  south: number
  east: number
  north: number
  raised_at: Date | string
  acknowledged_at: Date | string | null
  acknowledged_by_username: string | null
  acknowledged_organization_id: string | null
}

const selectAlerts = `select id, room_id, gap_id, st_asgeojson(geometry, 9)::json as geometry, area_km2,
    st_xmin(geometry) as west, st_ymin(geometry) as south, st_xmax(geometry) as east, st_ymax(geometry) as north,
    raised_at, acknowledged_at, acknowledged_by_username, acknowledged_organization_id
  from coverage_alerts`

function toAlert(row: AlertRow): StoredAlert {
  return {
    id: row.id, roomId: row.room_id, gapId: row.gap_id, geometry: row.geometry, areaKm2: Number(row.area_km2),
    bbox: [row.west, row.south, row.east, row.north], raisedAt: new Date(row.raised_at),
    acknowledgedAt: row.acknowledged_at === null ? null : new Date(row.acknowledged_at),
    acknowledgedByUsername: row.acknowledged_by_username, acknowledgedOrganizationId: row.acknowledged_organization_id,
  }
}

/** Records alerts for new gaps (each with the gap's geometry as it is now). */
export async function insertAlerts(transaction: Queryable, roomId: string, alerts: ReadonlyArray<{ id: string; gapId: string; ewkb: string; areaKm2: number }>, raisedAt: Date): Promise<void> {
  if (alerts.length === 0) return
  await transaction.query(
    `insert into coverage_alerts (id, room_id, gap_id, geometry, area_km2, raised_at)
     select (e->>'id')::uuid, $1, (e->>'gapId')::uuid, (e->>'ewkb')::geometry, (e->>'areaKm2')::double precision, $3::timestamptz
     from json_array_elements($2::json) e`,
    [roomId, JSON.stringify(alerts), raisedAt.toISOString()],
  )
}

/** The alerts of a room, newest first. */
export async function listAlerts(database: Queryable, roomId: string, filter: { status: 'open' | 'acknowledged' | 'all'; limit: number }): Promise<StoredAlert[]> {
  const condition = filter.status === 'open' ? ' and acknowledged_at is null' : filter.status === 'acknowledged' ? ' and acknowledged_at is not null' : ''
  const rows = await database.query<AlertRow>(`${selectAlerts} where room_id = $1${condition} order by raised_at desc, id limit $2`, [roomId, filter.limit])
  return rows.map(toAlert)
}

/** One alert of a room, locked when read inside a transaction that acknowledges it. */
export async function findAlert(database: Queryable, roomId: string, id: string, lock = false): Promise<StoredAlert | null> {
  const [row] = await database.query<AlertRow>(`${selectAlerts} where room_id = $1 and id = $2${lock ? ' for update' : ''}`, [roomId, id])
  return row ? toAlert(row) : null
}

/** Records who acknowledged an alert, and when. */
export async function acknowledgeAlert(transaction: Queryable, id: string, by: { userId: string; username: string; organizationId: string }, at: Date): Promise<void> {
  await transaction.query(
    'update coverage_alerts set acknowledged_by = $2, acknowledged_by_username = $3, acknowledged_organization_id = $4, acknowledged_at = $5::timestamptz where id = $1',
    [id, by.userId, by.username, by.organizationId, at.toISOString()],
  )
}

/** The member organizations of a room (one query, kept with the rooms). */
export { roomMembers } from '../rooms/rooms-store.ts'

/** The rooms an organization is a member of. */
export async function roomsOfOrganization(database: Queryable, organizationId: string): Promise<string[]> {
  const rows = await database.query<{ id: string }>('select id from rooms where $1 = any(member_organization_ids) order by id', [organizationId])
  return rows.map((row) => row.id)
}

/**
 * Rooms whose coverage may have changed since their last computation because an area's validity
 * window opened or closed after it and no later than `at`: a joint security area of the room, or
 * an area of responsibility within its extent. Also rooms with a joint security area in force but
 * no computation yet. With `roomId`, only that room is considered.
 */
export async function roomsWithValidityChanges(database: Queryable, at: Date, roomId?: string): Promise<string[]> {
  const rows = await database.query<{ room_id: string }>(
    `select s.room_id from coverage_states s
     where ($2::text is null or s.room_id = $2) and exists (
       select 1 from areas a
       where ((a.kind = 'joint-security-area' and a.room_id = s.room_id) or (a.kind = 'aor' and s.extent is not null and a.geometry && s.extent))
         and ((a.valid_from > s.as_of and a.valid_from <= $1::timestamptz) or (a.valid_to > s.as_of and a.valid_to <= $1::timestamptz))
     )
     union
     select distinct a.room_id from areas a
     where a.kind = 'joint-security-area' and a.room_id is not null and ($2::text is null or a.room_id = $2) and ${activeAt('a', '$1::timestamptz')}
       and not exists (select 1 from coverage_states s where s.room_id = a.room_id)
     order by 1`,
    [at.toISOString(), roomId ?? null],
  )
  return rows.map((row) => row.room_id)
}

/** A ring as EWKT of a lon/lat MultiPolygon: read by the geometry type's own input function, which every computation needs anyway. */
const multiPolygonEwkt = (ring: ReadonlyArray<readonly [number, number]>) => `SRID=4326;MULTIPOLYGON(((${ring.map(([x, y]) => `${x} ${y}`).join(',')})))`

/**
 * Creates the synthetic room of a warm-up — its organizations, the room, its joint security area
 * and areas of responsibility — in the caller's transaction, which the caller rolls back. Returns
 * the ids of the areas of responsibility. (Geometry goes in as EWKT, so that the warm-up looks up no
 * PostGIS function a real computation does not use.)
 */
export async function insertWarmUpRoom(transaction: Queryable, room: { roomId: string; organizationIds: string[]; arrangement: WarmUpArrangement }): Promise<string[]> {
  const { roomId, organizationIds, arrangement } = room
  await transaction.query(
    `insert into organizations (id, name_en, name_ar, name_ckb) select id, 'Coverage warm-up', 'تهيئة التغطية', 'ئامادەکردنی داپۆشین' from unnest($1::text[]) id`,
    [organizationIds],
  )
  await transaction.query(
    `insert into rooms (id, name_en, name_ar, name_ckb, member_organization_ids) values ($1, 'Coverage warm-up', 'تهيئة التغطية', 'ئامادەکردنی داپۆشین', $2)`,
    [roomId, organizationIds],
  )
  const areas = [
    { organizationId: organizationIds[0]!, kind: 'joint-security-area', ewkt: multiPolygonEwkt(arrangement.jointSecurityArea) },
    ...arrangement.areas.map((area) => ({ organizationId: organizationIds[area.organizationIndex]!, kind: 'aor', ewkt: multiPolygonEwkt(area.ring) })),
  ]
  const rows = await transaction.query<{ id: string; kind: string }>(
    `insert into areas (id, organization_id, room_id, kind, name_en, geometry, valid_from, released_to)
     select gen_random_uuid(), e->>'organizationId', $1, e->>'kind', 'Coverage warm-up', (e->>'ewkt')::geometry, '2000-01-01', array[e->>'organizationId']
     from json_array_elements($2::json) e
     returning id::text, kind`,
    [roomId, JSON.stringify(areas)],
  )
  return rows.filter((row) => row.kind === 'aor').map((row) => row.id)
}

/** Gives a warm-up area a new outline: the change between the warm-up's two computations. */
export async function reshapeWarmUpArea(transaction: Queryable, areaId: string, ring: ReadonlyArray<readonly [number, number]>): Promise<void> {
  await transaction.query('update areas set geometry = $2::geometry where id = $1', [areaId, multiPolygonEwkt(ring)])
}
