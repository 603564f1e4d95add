/**
 * Tests of results: operations stored directly with SQL (the rows an approved operation has in
 * migration 0010), so the results can be exercised in any state of the operation's lifecycle.
 * The end-to-end path through the operations API is src/operations/operation-test-fixture.ts.
 */
import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../platform/database/database.ts'

/** An operation as stored for a test. */
export interface StoredOperationOptions {
  roomId: string
  leadOrganizationId: string
  participantOrganizationIds: readonly string[]
  supportOrganizationIds?: readonly string[]
  status?: 'draft' | 'proposed' | 'approved' | 'active' | 'completed' | 'cancelled'
  /** Who may see it; default the lead, participants and support. */
  releasedTo?: readonly string[]
}

/** Inserts an operation ("Black Earth" between Kifri and Tuz Khurmatu) and its participants; returns its id. */
export async function insertOperation(database: Queryable, options: StoredOperationOptions): Promise<string> {
  const id = randomUUID()
  const support = options.supportOrganizationIds ?? []
  const everyone = [options.leadOrganizationId, ...options.participantOrganizationIds, ...support]
  const releasedTo = [...new Set([...(options.releasedTo ?? everyone), options.leadOrganizationId])].sort()
  const hHour = new Date(Date.now() - 6 * 3_600_000)
  await database.query(
    `insert into operations (id, organization_id, room_id, name_ar, name_ckb, name_en, objective, h_hour, window_start, window_end, status,
       release_scope, release_organization_ids, released_to)
     values ($1, $2, $3, 'الأرض السوداء', 'زەویی ڕەش', 'Black Earth', 'تطهير القرى بين كفري وطوز خورماتو من بقايا داعش', $4, $5, $6, $7, 'organizations', $8, $9)`,
    [id, options.leadOrganizationId, options.roomId, hHour.toISOString(), new Date(hHour.getTime() - 6 * 3_600_000).toISOString(),
      new Date(hHour.getTime() + 30 * 3_600_000).toISOString(), options.status ?? 'active', releasedTo.filter((organization) => organization !== options.leadOrganizationId), releasedTo],
  )
  const roles: Array<[string, string]> = [[options.leadOrganizationId, 'lead'], ...options.participantOrganizationIds.map((organization): [string, string] => [organization, 'participant']), ...support.map((organization): [string, string] => [organization, 'support'])]
  for (const [organization, role] of roles) {
    await database.query('insert into operation_participants (operation_id, organization_id, role) values ($1, $2, $3)', [id, organization, role])
  }
  return id
}
