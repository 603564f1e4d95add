/** SQL of areas of responsibility and joint security areas. */
import type { Queryable } from '../platform/database/database.ts'
import type { AreaGeometry } from '../platform/geometry/geojson.ts'
import { selectReleased, type ReleaseColumns, type Viewer } from '../releasability/released-store.ts'
import type { Area, AreaKind } from './area-schemas.ts'
import { shapeConditions, shapeFields, shapeOrderAndLimit, type ShapeFilter, type ShapePage, type ShapeRow } from './shape-store.ts'

interface AreaRow extends ShapeRow {
  unit_id: string | null
  kind: AreaKind
  geometry: Area['geometry']
  area_km2: number
}

const selectAreas = `select a.id, a.organization_id, a.unit_id, a.room_id, a.kind, a.name_en, a.name_ar, a.name_ckb,
    st_asgeojson(a.geometry)::json as geometry, a.area_km2,
    st_xmin(a.geometry) as west, st_ymin(a.geometry) as south, st_xmax(a.geometry) as east, st_ymax(a.geometry) as north,
    a.valid_from, a.valid_to, a.release_scope, a.release_organization_ids, a.release_room_id, a.released_to, a.version, a.created_at, a.updated_at
  from areas a`

/** The SQL expression storing a GeoJSON Polygon or MultiPolygon parameter: 2D MultiPolygon, SRID 4326. */
const storedGeometry = (index: number) => `st_multi(st_force2d(st_setsrid(st_geomfromgeojson($${index}::text), 4326)))`

function toArea(row: AreaRow, viewer: Viewer): Area {
  return { ...shapeFields(row, viewer), unitId: row.unit_id, kind: row.kind, geometry: row.geometry, areaKm2: row.area_km2 }
}

/** Which areas: the shape filter, optionally of one kind. */
export interface AreaFilter extends ShapeFilter {
  kind?: AreaKind | undefined
}

/**
 * Areas released to the viewer that match the filter. Ordered by name for people; with `page`,
 * ordered by id after `page.afterId` for keyset pagination. `limit` null returns every match.
 */
export async function listAreas(database: Queryable, viewer: Viewer, filter: AreaFilter & ShapePage): Promise<Area[]> {
  const conditions = ['{released:a}']
  const parameters: unknown[] = []
  shapeConditions('a', filter, conditions, parameters)
  if (filter.kind) {
    parameters.push(filter.kind)
    conditions.push(`a.kind = $${parameters.length}`)
  }
  const orderAndLimit = shapeOrderAndLimit('a', filter, conditions, parameters)
  const rows = await selectReleased<AreaRow>(database, viewer, `${selectAreas} where ${conditions.join(' and ')}${orderAndLimit}`, parameters)
  return rows.map((row) => toArea(row, viewer))
}

/** The areas of a room (its own or released to it) in force at a time and released to the viewer; what coverage works on. */
export async function activeAreasOfRoom(database: Queryable, viewer: Viewer, roomId: string, at: Date, kind?: AreaKind): Promise<Area[]> {
  return listAreas(database, viewer, { roomId, activeAt: at, kind, limit: null })
}

/** One area if it is released to the viewer. */
export async function findArea(database: Queryable, viewer: Viewer, id: string): Promise<Area | null> {
  const [row] = await selectReleased<AreaRow>(database, viewer, `${selectAreas} where a.id = $1 and {released:a}`, [id])
  return row ? toArea(row, viewer) : null
}

/** The stored fields of a new area. */
export interface NewArea {
  id: string
  organizationId: string
  unitId: string | null
  roomId: string | null
  kind: AreaKind
  names: { en: string; ar: string; ckb: string }
  geometry: AreaGeometry
  validFrom: Date
  validTo: Date | null
}

/** Inserts an area (its geometry stored as a 2D MultiPolygon). */
export async function insertArea(transaction: Queryable, area: NewArea, release: Omit<ReleaseColumns, 'organization_id'>): Promise<void> {
  await transaction.query(
    `insert into areas (id, organization_id, unit_id, room_id, kind, name_en, name_ar, name_ckb, geometry, valid_from, valid_to,
       release_scope, release_organization_ids, release_room_id, released_to)
     values ($1, $2, $3, $4, $5, $6, $7, $8, ${storedGeometry(9)}, $10::timestamptz, $11::timestamptz, $12, $13, $14, $15)`,
    [area.id, area.organizationId, area.unitId, area.roomId, area.kind, area.names.en, area.names.ar, area.names.ckb, JSON.stringify(area.geometry),
      area.validFrom.toISOString(), area.validTo?.toISOString() ?? null, release.release_scope, release.release_organization_ids, release.release_room_id, release.released_to],
  )
}

/** Changed fields of an area; undefined leaves a field as it is, null clears a nullable one. */
export interface AreaChanges {
  kind?: AreaKind | undefined
  names?: { en: string; ar: string; ckb: string } | undefined
  geometry?: AreaGeometry | undefined
  unitId?: string | null | undefined
  roomId?: string | null | undefined
  validFrom?: Date | undefined
  validTo?: Date | null | undefined
}

/** Applies changed fields to an area and bumps its version. */
export async function updateAreaRow(transaction: Queryable, id: string, changes: AreaChanges): Promise<void> {
  await transaction.query(
    `update areas set
       kind = coalesce($2, kind), name_en = coalesce($3, name_en), name_ar = coalesce($4, name_ar), name_ckb = coalesce($5, name_ckb),
       geometry = coalesce(${storedGeometry(6)}, geometry),
       unit_id = case when $7::boolean then $8::uuid else unit_id end,
       room_id = case when $9::boolean then $10::text else room_id end,
       valid_from = coalesce($11::timestamptz, valid_from),
       valid_to = case when $12::boolean then $13::timestamptz else valid_to end,
       updated_at = now(), version = version + 1
     where id = $1`,
    [id, changes.kind ?? null, changes.names?.en ?? null, changes.names?.ar ?? null, changes.names?.ckb ?? null,
      changes.geometry ? JSON.stringify(changes.geometry) : null,
      changes.unitId !== undefined, changes.unitId ?? null, changes.roomId !== undefined, changes.roomId ?? null,
      changes.validFrom?.toISOString() ?? null, changes.validTo !== undefined, changes.validTo?.toISOString() ?? null],
  )
}

/** Deletes an area. */
export async function deleteAreaRow(transaction: Queryable, id: string): Promise<void> {
  await transaction.query('delete from areas where id = $1', [id])
}
