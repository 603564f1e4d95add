/**
 * SQL shared by areas and coordination lines: the filters by room, box and time of validity, the
 * order and pages of a list, the columns and API fields both have, and the checks of what they
 * refer to (a room the organization is a member of, a unit released to it).
 */
import { isoTime, type Queryable } from '../platform/database/database.ts'
import type { BoundingBox } from '../platform/geometry/geojson.ts'
import { releaseView, selectReleased, type ReleaseColumns, type Viewer } from '../releasability/released-store.ts'

/** Which shapes: of a room (own room or released to it), intersecting a box, in force at a time. */
export interface ShapeFilter {
  roomId?: string | undefined
  bbox?: BoundingBox | undefined
  activeAt?: Date | undefined
}

/**
 * Appends the SQL conditions of a filter on table alias `alias` to `conditions`, pushing their
 * values onto `parameters` (so callers compose them with their own, and with `{released:alias}`).
 */
export function shapeConditions(alias: string, filter: ShapeFilter, conditions: string[], parameters: unknown[]): void {
  if (filter.roomId) {
    parameters.push(filter.roomId)
    conditions.push(`(${alias}.room_id = $${parameters.length} or ${alias}.release_room_id = $${parameters.length})`)
  }
  if (filter.bbox) {
    parameters.push(...filter.bbox)
    const n = parameters.length
    conditions.push(`st_intersects(${alias}.geometry, st_makeenvelope($${n - 3}, $${n - 2}, $${n - 1}, $${n}, 4326))`)
  }
  if (filter.activeAt) {
    parameters.push(filter.activeAt.toISOString())
    const n = parameters.length
    // Same rule as core/validity-window.ts isActiveAt: start inclusive, end exclusive.
    conditions.push(`${alias}.valid_from <= $${n}::timestamptz and (${alias}.valid_to is null or ${alias}.valid_to > $${n}::timestamptz)`)
  }
}

/** How many shapes and in which order: by name for people, or by id after `page.afterId` for keyset pagination; `limit` null for every match. */
export interface ShapePage {
  limit: number | null
  page?: { afterId: string | undefined } | undefined
}

/**
 * The `order by … limit …` of a list of shapes on table alias `alias`, after appending the keyset
 * condition to `conditions` and the values to `parameters` (as shapeConditions does).
 */
export function shapeOrderAndLimit(alias: string, filter: ShapePage, conditions: string[], parameters: unknown[]): string {
  if (filter.page?.afterId) {
    parameters.push(filter.page.afterId)
    conditions.push(`${alias}.id > $${parameters.length}`)
  }
  let limit = ''
  if (filter.limit !== null) {
    parameters.push(filter.limit)
    limit = ` limit $${parameters.length}`
  }
  return ` order by ${filter.page ? `${alias}.id` : `${alias}.name_en, ${alias}.id`}${limit}`
}

/** The columns every shape's row has beside its own (the select lists of areas-store.ts and coordination-lines-store.ts). */
export interface ShapeRow extends ReleaseColumns {
  id: string
  room_id: string | null
  name_en: string
  name_ar: string
  name_ckb: string
  west: number
  south: number
  east: number
  north: number
  valid_from: Date | string
  valid_to: Date | string | null
  version: number
  created_at: Date | string
  updated_at: Date | string
}

/** The fields every shape has in the API, from its row as the viewer may see it. */
export function shapeFields(row: ShapeRow, viewer: Viewer) {
  return {
    id: row.id,
    organizationId: row.organization_id,
    roomId: row.room_id,
    names: { en: row.name_en, ar: row.name_ar, ckb: row.name_ckb },
    bbox: [row.west, row.south, row.east, row.north] as BoundingBox,
    validFrom: isoTime(row.valid_from),
    validTo: row.valid_to === null ? null : isoTime(row.valid_to),
    release: releaseView(row, viewer),
    version: row.version,
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  }
}

/** The member organizations of a room (one query, kept with the rooms). */
export { roomMembers } from '../rooms/rooms-store.ts'

/** The organization of a unit released to the viewer, or null when there is none the viewer may see. */
export async function unitOrganization(database: Queryable, viewer: Viewer, unitId: string): Promise<string | null> {
  const [row] = await selectReleased<{ organization_id: string; released_to: string[] }>(
    database, viewer, 'select u.organization_id, u.released_to from units u where u.id = $1 and {released:u}', [unitId],
  )
  return row?.organization_id ?? null
}


/** The tables of shapes: areas and coordination lines. */
export type ShapeTable = 'areas' | 'coordination_lines'

/** What a write needs of a stored shape, whoever may see it (writes check ownership themselves). */
export interface LockedShape extends ReleaseColumns {
  id: string
  version: number
  room_id: string | null
  valid_from: Date | string
  valid_to: Date | string | null
  bbox: BoundingBox
}

/** The stored shape, locked for the rest of the transaction, or null. */
export async function lockShape(transaction: Queryable, table: ShapeTable, id: string): Promise<LockedShape | null> {
  const [row] = await transaction.query<Omit<LockedShape, 'bbox'> & { west: number; south: number; east: number; north: number }>(
    `select id, organization_id, release_scope, release_organization_ids, release_room_id, released_to, version, room_id, valid_from, valid_to,
       st_xmin(geometry) as west, st_ymin(geometry) as south, st_xmax(geometry) as east, st_ymax(geometry) as north
     from ${table} where id = $1 for update`, [id],
  )
  if (!row) return null
  const { west, south, east, north, ...rest } = row
  return { ...rest, bbox: [west, south, east, north] }
}

/** The originating organization of a shape, or null (for publishing, which sends each organization its own view). */
export async function shapeOrganization(database: Queryable, table: ShapeTable, id: string): Promise<string | null> {
  const [row] = await database.query<{ organization_id: string }>(`select organization_id from ${table} where id = $1`, [id])
  return row?.organization_id ?? null
}
