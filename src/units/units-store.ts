/** SQL of units (with their latest position). */
import type { Queryable } from '../platform/database/database.ts'
import { releaseView, selectReleased, type ReleaseColumns, type Viewer } from '../releasability/released-store.ts'
import type { BoundingBox } from '../platform/geometry/geojson.ts'
import type { Unit } from './unit-schemas.ts'

interface UnitRow extends ReleaseColumns {
  id: string
  name_en: string
  name_ar: string
  name_ckb: string
  echelon: Unit['echelon']
  sidc: string
  parent_unit_id: string | null
  home_room_id: string | null
  status: Unit['status']
  version: number
  created_at: Date
  updated_at: Date
  lon: number | null
  lat: number | null
  altitude_meters: number | null
  speed_mps: number | null
  course_degrees: number | null
  reported_at: Date | null
  source: string | null
}

const selectUnits = `select u.id, u.organization_id, u.name_en, u.name_ar, u.name_ckb, u.echelon, u.sidc, u.parent_unit_id, u.home_room_id,
    u.status, u.release_scope, u.release_organization_ids, u.release_room_id, u.released_to, u.version, u.created_at, u.updated_at,
    st_x(p.position) as lon, st_y(p.position) as lat, p.altitude_meters, p.speed_mps, p.course_degrees, p.reported_at, p.source
  from units u left join unit_positions p on p.unit_id = u.id`

function toUnit(row: UnitRow, viewer: Viewer): Unit {
  return {
    id: row.id,
    organizationId: row.organization_id,
    names: { en: row.name_en, ar: row.name_ar, ckb: row.name_ckb },
    echelon: row.echelon,
    sidc: row.sidc,
    parentUnitId: row.parent_unit_id,
    homeRoomId: row.home_room_id,
    status: row.status,
    release: releaseView(row, viewer),
    position: row.lon === null || row.lat === null || !row.reported_at ? null : {
      lon: row.lon, lat: row.lat, altitudeMeters: row.altitude_meters, speedMps: row.speed_mps, courseDegrees: row.course_degrees,
      reportedAt: new Date(row.reported_at).toISOString(), source: row.source ?? 'unknown',
    },
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

/** Units released to the viewer, optionally of one room or with a latest position inside a box; `byId` orders for keyset paging. */
export async function listUnits(database: Queryable, viewer: Viewer, filter: { roomId?: string | undefined; bbox?: BoundingBox | undefined; limit: number; afterId?: string | undefined; byId?: boolean }): Promise<Unit[]> {
  const conditions = ['{released:u}']
  const parameters: unknown[] = []
  if (filter.afterId) {
    parameters.push(filter.afterId)
    conditions.push(`u.id > $${parameters.length}`)
  }
  if (filter.roomId) {
    parameters.push(filter.roomId)
    conditions.push(`(u.home_room_id = $${parameters.length} or u.release_room_id = $${parameters.length})`)
  }
  if (filter.bbox) {
    parameters.push(...filter.bbox)
    const n = parameters.length
    conditions.push(`p.position && st_makeenvelope($${n - 3}, $${n - 2}, $${n - 1}, $${n}, 4326)`)
  }
  parameters.push(filter.limit)
  const rows = await selectReleased<UnitRow>(database, viewer, `${selectUnits} where ${conditions.join(' and ')} order by ${filter.byId ? '' : 'u.name_en, '}u.id limit $${parameters.length}`, parameters)
  return rows.map((row) => toUnit(row, viewer))
}

/** One unit if it is released to the viewer. */
export async function findUnit(database: Queryable, viewer: Viewer, id: string): Promise<Unit | null> {
  const [row] = await selectReleased<UnitRow>(database, viewer, `${selectUnits} where u.id = $1 and {released:u}`, [id])
  return row ? toUnit(row, viewer) : null
}

/** The stored row of a unit, whoever may see it (for writes, which check ownership themselves). */
export async function lockUnit(transaction: Queryable, id: string): Promise<(ReleaseColumns & { id: string; version: number; home_room_id: string | null }) | null> {
  const [row] = await transaction.query<ReleaseColumns & { id: string; version: number; home_room_id: string | null }>(
    'select id, organization_id, release_scope, release_organization_ids, release_room_id, released_to, version, home_room_id from units where id = $1 for update', [id],
  )
  return row ?? null
}

/** Inserts a unit. */
export async function insertUnit(transaction: Queryable, unit: { id: string; organizationId: string; names: { en: string; ar: string; ckb: string }; echelon: string; sidc: string; parentUnitId: string | null; homeRoomId: string | null; status: string }, release: Omit<ReleaseColumns, 'organization_id'>): Promise<void> {
  await transaction.query(
    `insert into units (id, organization_id, name_en, name_ar, name_ckb, echelon, sidc, parent_unit_id, home_room_id, status,
       release_scope, release_organization_ids, release_room_id, released_to)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [unit.id, unit.organizationId, unit.names.en, unit.names.ar, unit.names.ckb, unit.echelon, unit.sidc, unit.parentUnitId, unit.homeRoomId, unit.status,
      release.release_scope, release.release_organization_ids, release.release_room_id, release.released_to],
  )
}

/** Applies changed fields to a unit and bumps its version. */
export async function updateUnitRow(transaction: Queryable, id: string, changes: { names?: { en: string; ar: string; ckb: string } | undefined; echelon?: string | undefined; sidc?: string | undefined; parentUnitId?: string | null | undefined; homeRoomId?: string | null | undefined; status?: string | undefined }): Promise<void> {
  await transaction.query(
    `update units set
       name_en = coalesce($2, name_en), name_ar = coalesce($3, name_ar), name_ckb = coalesce($4, name_ckb),
       echelon = coalesce($5, echelon), sidc = coalesce($6, sidc),
       parent_unit_id = case when $7::boolean then $8::uuid else parent_unit_id end,
       home_room_id = case when $9::boolean then $10::text else home_room_id end,
       status = coalesce($11, status), updated_at = now(), version = version + 1
     where id = $1`,
    [id, changes.names?.en ?? null, changes.names?.ar ?? null, changes.names?.ckb ?? null, changes.echelon ?? null, changes.sidc ?? null,
      changes.parentUnitId !== undefined, changes.parentUnitId ?? null, changes.homeRoomId !== undefined, changes.homeRoomId ?? null, changes.status ?? null],
  )
}

/** Deletes a unit (its positions and track go with it). */
export async function deleteUnitRow(transaction: Queryable, id: string): Promise<void> {
  await transaction.query('delete from units where id = $1', [id])
}

/** Whether a room exists. */
export async function roomExists(database: Queryable, id: string): Promise<boolean> {
  return (await database.query('select 1 from rooms where id = $1', [id])).length > 0
}

/** Whether a parent unit would create a cycle (the unit is among the parent's ancestors). */
export async function wouldCreateCycle(database: Queryable, unitId: string, parentId: string): Promise<boolean> {
  const rows = await database.query(
    `with recursive ancestors(id) as (select $2::uuid union select u.parent_unit_id from units u join ancestors a on u.id = a.id where u.parent_unit_id is not null)
     select 1 from ancestors where id = $1::uuid`, [unitId, parentId],
  )
  return rows.length > 0
}
