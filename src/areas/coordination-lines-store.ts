/** SQL of coordination lines. */
import type { Queryable } from '../platform/database/database.ts'
import type { LineStringGeometry } from '../platform/geometry/geojson.ts'
import { selectReleased, type ReleaseColumns, type Viewer } from '../releasability/released-store.ts'
import type { CoordinationLine } from './coordination-line-schemas.ts'
import { shapeConditions, shapeFields, shapeOrderAndLimit, type ShapeFilter, type ShapePage, type ShapeRow } from './shape-store.ts'

interface LineRow extends ShapeRow {
  geometry: CoordinationLine['geometry']
  length_km: number
}

const selectLines = `select l.id, l.organization_id, l.room_id, l.name_en, l.name_ar, l.name_ckb,
    st_asgeojson(l.geometry)::json as geometry, l.length_km,
    st_xmin(l.geometry) as west, st_ymin(l.geometry) as south, st_xmax(l.geometry) as east, st_ymax(l.geometry) as north,
    l.valid_from, l.valid_to, l.release_scope, l.release_organization_ids, l.release_room_id, l.released_to, l.version, l.created_at, l.updated_at
  from coordination_lines l`

/** The SQL expression storing a GeoJSON LineString parameter: 2D, SRID 4326. */
const storedGeometry = (index: number) => `st_force2d(st_setsrid(st_geomfromgeojson($${index}::text), 4326))`

function toLine(row: LineRow, viewer: Viewer): CoordinationLine {
  return { ...shapeFields(row, viewer), geometry: row.geometry, lengthKm: row.length_km }
}

/**
 * Coordination lines released to the viewer that match the filter. Ordered by name for people;
 * with `page`, ordered by id after `page.afterId` for keyset pagination. `limit` null returns every match.
 */
export async function listCoordinationLines(database: Queryable, viewer: Viewer, filter: ShapeFilter & ShapePage): Promise<CoordinationLine[]> {
  const conditions = ['{released:l}']
  const parameters: unknown[] = []
  shapeConditions('l', filter, conditions, parameters)
  const orderAndLimit = shapeOrderAndLimit('l', filter, conditions, parameters)
  const rows = await selectReleased<LineRow>(database, viewer, `${selectLines} where ${conditions.join(' and ')}${orderAndLimit}`, parameters)
  return rows.map((row) => toLine(row, viewer))
}

/** One coordination line if it is released to the viewer. */
export async function findCoordinationLine(database: Queryable, viewer: Viewer, id: string): Promise<CoordinationLine | null> {
  const [row] = await selectReleased<LineRow>(database, viewer, `${selectLines} where l.id = $1 and {released:l}`, [id])
  return row ? toLine(row, viewer) : null
}

/** The stored fields of a new line. */
export interface NewCoordinationLine {
  id: string
  organizationId: string
  roomId: string | null
  names: { en: string; ar: string; ckb: string }
  geometry: LineStringGeometry
  validFrom: Date
  validTo: Date | null
}

/** Inserts a coordination line (its geometry stored 2D). */
export async function insertCoordinationLine(transaction: Queryable, line: NewCoordinationLine, release: Omit<ReleaseColumns, 'organization_id'>): Promise<void> {
  await transaction.query(
    `insert into coordination_lines (id, organization_id, room_id, name_en, name_ar, name_ckb, geometry, valid_from, valid_to,
       release_scope, release_organization_ids, release_room_id, released_to)
     values ($1, $2, $3, $4, $5, $6, ${storedGeometry(7)}, $8::timestamptz, $9::timestamptz, $10, $11, $12, $13)`,
    [line.id, line.organizationId, line.roomId, line.names.en, line.names.ar, line.names.ckb, JSON.stringify(line.geometry),
      line.validFrom.toISOString(), line.validTo?.toISOString() ?? null, release.release_scope, release.release_organization_ids, release.release_room_id, release.released_to],
  )
}

/** Changed fields of a line; undefined leaves a field as it is, null clears a nullable one. */
export interface CoordinationLineChanges {
  names?: { en: string; ar: string; ckb: string } | undefined
  geometry?: LineStringGeometry | undefined
  roomId?: string | null | undefined
  validFrom?: Date | undefined
  validTo?: Date | null | undefined
}

/** Applies changed fields to a line and bumps its version. */
export async function updateCoordinationLineRow(transaction: Queryable, id: string, changes: CoordinationLineChanges): Promise<void> {
  await transaction.query(
    `update coordination_lines set
       name_en = coalesce($2, name_en), name_ar = coalesce($3, name_ar), name_ckb = coalesce($4, name_ckb),
       geometry = coalesce(${storedGeometry(5)}, geometry),
       room_id = case when $6::boolean then $7::text else room_id end,
       valid_from = coalesce($8::timestamptz, valid_from),
       valid_to = case when $9::boolean then $10::timestamptz else valid_to end,
       updated_at = now(), version = version + 1
     where id = $1`,
    [id, changes.names?.en ?? null, changes.names?.ar ?? null, changes.names?.ckb ?? null, changes.geometry ? JSON.stringify(changes.geometry) : null,
      changes.roomId !== undefined, changes.roomId ?? null, changes.validFrom?.toISOString() ?? null, changes.validTo !== undefined, changes.validTo?.toISOString() ?? null],
  )
}

/** Deletes a coordination line. */
export async function deleteCoordinationLineRow(transaction: Queryable, id: string): Promise<void> {
  await transaction.query('delete from coordination_lines where id = $1', [id])
}
