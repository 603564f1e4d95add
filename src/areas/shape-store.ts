/**
 * SQL shared by areas and coordination lines: the filters by room, box and time of validity, and
 * the checks of what they refer to (a room the organization is a member of, a unit released to it).
 */
import type { Queryable } from '../platform/database/database.ts'
import type { BoundingBox } from '../platform/geometry/geojson.ts'
import { selectReleased, type Viewer } from '../releasability/released-store.ts'

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

/** The member organizations of a room, or null when there is no such room. */
export async function roomMembers(database: Queryable, roomId: string): Promise<string[] | null> {
  const [row] = await database.query<{ member_organization_ids: string[] }>('select member_organization_ids from rooms where id = $1', [roomId])
  return row?.member_organization_ids ?? null
}

/** The organization of a unit released to the viewer, or null when there is none the viewer may see. */
export async function unitOrganization(database: Queryable, viewer: Viewer, unitId: string): Promise<string | null> {
  const [row] = await selectReleased<{ organization_id: string; released_to: string[] }>(
    database, viewer, 'select u.organization_id, u.released_to from units u where u.id = $1 and {released:u}', [unitId],
  )
  return row?.organization_id ?? null
}

/** A stored time as ISO 8601 text. */
export function isoTime(value: Date | string): string {
  return new Date(value).toISOString()
}
