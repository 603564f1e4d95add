/** SQL of rooms that other capabilities read. */
import type { Queryable } from '../platform/database/database.ts'

/** The member organizations of a room, or null when there is no such room. */
export async function roomMembers(database: Queryable, roomId: string): Promise<string[] | null> {
  const [row] = await database.query<{ member_organization_ids: string[] }>('select member_organization_ids from rooms where id = $1', [roomId])
  return row?.member_organization_ids ?? null
}
