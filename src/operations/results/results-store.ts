/**
 * SQL of operation results: claims, rounds of agreement, their figures and agreements. The rows
 * carry no release of their own: they are read only after their operation was read through
 * selectReleased for the viewer (`visibleOperation`).
 */
import type { Queryable } from '../../platform/database/database.ts'
import { selectReleased, type Viewer } from '../../releasability/released-store.ts'
import type { ClaimedCount, ClaimedResult, ResultAction, ResultItem } from '../core/claims-vocabulary.ts'
import type { RoundStatus } from '../core/claims-agreement.ts'
import { isoTime as iso } from '../../platform/database/database.ts'

/** Who acts: a signed-in user of an organization (a Principal is one). */
export interface Author {
  organizationId: string
  userId: string
  username: string
}

/** The operation as results need it. */
export interface ResultsOperation {
  id: string
  organization_id: string
  room_id: string
  status: string
  released_to: string[]
}

/**
 * The operation if it is released to the viewer (else null). With `lock`, its row is locked for the
 * rest of the transaction (FOR NO KEY UPDATE: writes of results serialise per operation, while other
 * tables may still reference the row).
 */
export async function visibleOperation(database: Queryable, viewer: Viewer, id: string, lock = false): Promise<ResultsOperation | null> {
  const [row] = await selectReleased<ResultsOperation>(database, viewer,
    `select o.id::text as id, o.organization_id, o.room_id, o.status, o.released_to from operations o where o.id = $1 and {released:o}${lock ? ' for no key update of o' : ''}`, [id])
  return row ?? null
}

/**
 * Operations released to the viewer whose results can exist (approved, active, completed), by id
 * after `afterId`: of a room, and/or with an objective area or axis inside a box.
 */
export async function listResultOperations(database: Queryable, viewer: Viewer, filter: { roomId?: string | undefined; bbox?: readonly [number, number, number, number] | undefined; afterId?: string | undefined; limit: number }): Promise<ResultsOperation[]> {
  const conditions = [`o.status in ('approved', 'active', 'completed')`, '{released:o}']
  const parameters: unknown[] = []
  if (filter.roomId !== undefined) conditions.push(`o.room_id = $${parameters.push(filter.roomId)}`)
  if (filter.bbox !== undefined) {
    const [west, south, east, north] = filter.bbox
    conditions.push(`exists (select 1 from operation_features f where f.operation_id = o.id and f.geometry && st_makeenvelope($${parameters.push(west)}, $${parameters.push(south)}, $${parameters.push(east)}, $${parameters.push(north)}, 4326))`)
  }
  if (filter.afterId !== undefined) conditions.push(`o.id > $${parameters.push(filter.afterId)}::uuid`)
  return selectReleased<ResultsOperation>(database, viewer,
    `select o.id::text as id, o.organization_id, o.room_id, o.status, o.released_to from operations o where ${conditions.join(' and ')} order by o.id limit $${parameters.push(filter.limit)}`, parameters)
}

/** The participants of an operation: the lead first, then the others by organization id. */
export async function participantsOf(database: Queryable, operationId: string): Promise<Array<{ organizationId: string; role: 'lead' | 'participant' | 'support' }>> {
  return database.query(
    `select organization_id as "organizationId", role from operation_participants where operation_id = $1
     order by case when role = 'lead' then 0 else 1 end, organization_id`, [operationId],
  )
}

const countOf = (count: number | null): ClaimedCount => (count === null ? 'unspecified' : count)
const storedCount = (count: ClaimedCount): number | null => (count === 'unspecified' ? null : count)

/** A claim set as stored. */
export interface StoredClaims {
  organizationId: string
  results: ClaimedResult[]
  recordedAt: string
  recordedBy: string
  version: number
}

/** The claims recorded for an operation, by organization. */
export async function claimsOf(database: Queryable, operationId: string): Promise<Map<string, StoredClaims>> {
  const sets = await database.query<{ organization_id: string; recorded_at: Date | string; recorded_by_username: string; version: number }>(
    'select organization_id, recorded_at, recorded_by_username, version from operation_result_claim_sets where operation_id = $1', [operationId])
  const claims = new Map<string, StoredClaims>(sets.map((set) => [set.organization_id, { organizationId: set.organization_id, results: [], recordedAt: iso(set.recorded_at), recordedBy: set.recorded_by_username, version: set.version }]))
  const rows = await database.query<{ organization_id: string; item: ResultItem; action: ResultAction; count: number | null }>(
    'select organization_id, item, action, count from operation_result_claims where operation_id = $1', [operationId])
  for (const row of rows) claims.get(row.organization_id)?.results.push({ item: row.item, action: row.action, count: countOf(row.count) })
  return claims
}

/** Replaces an organization's claims; returns the new version. */
export async function replaceClaims(transaction: Queryable, operationId: string, organizationId: string, actor: Author, results: readonly ClaimedResult[], at: Date): Promise<number> {
  const [set] = await transaction.query<{ version: number }>(
    `insert into operation_result_claim_sets (operation_id, organization_id, recorded_by_user_id, recorded_by_username, recorded_at)
     values ($1, $2, $3, $4, $5)
     on conflict (operation_id, organization_id) do update set recorded_by_user_id = excluded.recorded_by_user_id,
       recorded_by_username = excluded.recorded_by_username, recorded_at = excluded.recorded_at, version = operation_result_claim_sets.version + 1
     returning version`, [operationId, organizationId, actor.userId, actor.username, at.toISOString()])
  await transaction.query('delete from operation_result_claims where operation_id = $1 and organization_id = $2', [operationId, organizationId])
  await insertResults(transaction, 'operation_result_claims', 'organization_id', operationId, organizationId, results)
  return set!.version
}

/** The stored version of an organization's claims (0 when none recorded). */
export async function claimsVersion(transaction: Queryable, operationId: string, organizationId: string): Promise<number> {
  const [row] = await transaction.query<{ version: number }>('select version from operation_result_claim_sets where operation_id = $1 and organization_id = $2', [operationId, organizationId])
  return row?.version ?? 0
}

async function insertResults(transaction: Queryable, table: 'operation_result_claims' | 'operation_result_figures', keyColumn: 'organization_id' | 'round', operationId: string, key: string | number, results: readonly ClaimedResult[]): Promise<void> {
  if (results.length === 0) return
  await transaction.query(
    `insert into ${table} (operation_id, ${keyColumn}, item, action, count)
     select $1, $2, item, action, count from unnest($3::text[], $4::text[], $5::int[]) as r(item, action, count)`,
    [operationId, key, results.map((result) => result.item), results.map((result) => result.action), results.map((result) => storedCount(result.count))],
  )
}

/** A round as stored, with its figures and agreements. */
export interface StoredRound {
  round: number
  status: RoundStatus
  figures: ClaimedResult[]
  note: string
  proposedBy: { organizationId: string; username: string }
  proposedAt: string
  closedAt: string | null
  agreements: Array<{ organizationId: string; agreedBy: string; agreedAt: string }>
  reopened: { at: string; organizationId: string; by: string; reason: string } | null
}

interface RoundRow {
  round: number
  status: RoundStatus
  note: string
  proposed_by_organization_id: string
  proposed_by_username: string
  proposed_at: Date | string
  closed_at: Date | string | null
  reopened_at: Date | string | null
  reopened_by_organization_id: string | null
  reopened_by_username: string | null
  reopen_reason: string | null
}

/** Every round of an operation, oldest first, with figures and agreements. */
export async function roundsOf(database: Queryable, operationId: string): Promise<StoredRound[]> {
  const rows = await database.query<RoundRow>(
    `select round, status, note, proposed_by_organization_id, proposed_by_username, proposed_at, closed_at,
       reopened_at, reopened_by_organization_id, reopened_by_username, reopen_reason
     from operation_result_rounds where operation_id = $1 order by round`, [operationId])
  const rounds = new Map<number, StoredRound>(rows.map((row) => [row.round, {
    round: row.round,
    status: row.status,
    figures: [],
    note: row.note,
    proposedBy: { organizationId: row.proposed_by_organization_id, username: row.proposed_by_username },
    proposedAt: iso(row.proposed_at),
    closedAt: row.closed_at === null ? null : iso(row.closed_at),
    agreements: [],
    reopened: row.reopened_at === null ? null : { at: iso(row.reopened_at), organizationId: row.reopened_by_organization_id!, by: row.reopened_by_username!, reason: row.reopen_reason! },
  }]))
  if (rounds.size === 0) return []
  const figures = await database.query<{ round: number; item: ResultItem; action: ResultAction; count: number | null }>(
    'select round, item, action, count from operation_result_figures where operation_id = $1', [operationId])
  for (const row of figures) rounds.get(row.round)?.figures.push({ item: row.item, action: row.action, count: countOf(row.count) })
  const agreements = await database.query<{ round: number; organization_id: string; agreed_by_username: string; agreed_at: Date | string }>(
    'select round, organization_id, agreed_by_username, agreed_at from operation_result_agreements where operation_id = $1 order by agreed_at, organization_id', [operationId])
  for (const row of agreements) rounds.get(row.round)?.agreements.push({ organizationId: row.organization_id, agreedBy: row.agreed_by_username, agreedAt: iso(row.agreed_at) })
  return [...rounds.values()]
}

/** Closes the open round, if any, as superseded; returns its number. */
export async function supersedeOpenRound(transaction: Queryable, operationId: string, at: Date): Promise<number | null> {
  const [row] = await transaction.query<{ round: number }>(
    `update operation_result_rounds set status = 'superseded', closed_at = $2 where operation_id = $1 and status = 'proposed' returning round`, [operationId, at.toISOString()])
  return row?.round ?? null
}

/** Inserts a proposed round with its figures. */
export async function insertRound(transaction: Queryable, operationId: string, round: number, actor: Author, figures: readonly ClaimedResult[], note: string, at: Date): Promise<void> {
  await transaction.query(
    `insert into operation_result_rounds (operation_id, round, status, proposed_by_organization_id, proposed_by_user_id, proposed_by_username, proposed_at, note)
     values ($1, $2, 'proposed', $3, $4, $5, $6, $7)`, [operationId, round, actor.organizationId, actor.userId, actor.username, at.toISOString(), note])
  await insertResults(transaction, 'operation_result_figures', 'round', operationId, round, figures)
}

/** Records one organization's agreement to a round. */
export async function insertAgreement(transaction: Queryable, operationId: string, round: number, actor: Author, at: Date): Promise<void> {
  await transaction.query(
    `insert into operation_result_agreements (operation_id, round, organization_id, agreed_by_user_id, agreed_by_username, agreed_at) values ($1, $2, $3, $4, $5, $6)`,
    [operationId, round, actor.organizationId, actor.userId, actor.username, at.toISOString()])
}

/** Marks a round agreed by all. */
export async function markAgreed(transaction: Queryable, operationId: string, round: number, at: Date): Promise<void> {
  await transaction.query(`update operation_result_rounds set status = 'agreed', closed_at = $3 where operation_id = $1 and round = $2 and status = 'proposed'`, [operationId, round, at.toISOString()])
}

/** Marks an agreed round reopened. */
export async function markReopened(transaction: Queryable, operationId: string, round: number, actor: Author, reason: string, at: Date): Promise<void> {
  await transaction.query(
    `update operation_result_rounds set reopened_at = $3, reopened_by_organization_id = $4, reopened_by_username = $5, reopen_reason = $6
     where operation_id = $1 and round = $2 and status = 'agreed' and reopened_at is null`, [operationId, round, at.toISOString(), actor.organizationId, actor.username, reason])
}

/** The extent of the operation's objective areas and axes, for bounding-box live subscriptions (null when it has none). */
export async function operationBounds(database: Queryable, operationId: string): Promise<[number, number, number, number] | null> {
  const [row] = await database.query<{ west: number | null; south: number | null; east: number | null; north: number | null }>(
    `select st_xmin(e) as west, st_ymin(e) as south, st_xmax(e) as east, st_ymax(e) as north
     from (select st_extent(geometry)::geometry as e from operation_features where operation_id = $1) as extent`, [operationId])
  if (!row || row.west === null) return null
  return [row.west, row.south!, row.east!, row.north!]
}
