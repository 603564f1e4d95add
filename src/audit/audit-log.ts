/**
 * The audit log in storage: appends an entry in the caller's transaction (so a change and its
 * record commit or roll back together) and verifies the whole chain page by page.
 */
import type { Database, Queryable } from '../platform/database/database.ts'
import type { Actor } from '../platform/auth/principal.ts'
import { ChainVerifier, digestChange, hashEntry, type ChainBreak, type StoredAuditEntry } from './core/hash-chain.ts'

/** A change to record: what was done to which object, and the change itself. */
export interface AuditEvent {
  action: string
  objectType: string
  objectId: string
  change: unknown
  /** Organizations that may see this entry in audit views (beside the actor's own). */
  visibleTo?: string[]
}

/** Appends one entry to the chain inside `transaction`; returns its sequence number and hash. */
export async function appendAuditEntry(transaction: Queryable, actor: Actor, event: AuditEvent): Promise<{ sequence: number; hash: string }> {
  // Locking the head row orders concurrent appends; the lock is held until the caller commits.
  const [head] = await transaction.query<{ sequence: number; hash: string }>('select sequence::int as sequence, hash from audit_head where singleton for update')
  if (!head) throw new Error('audit_head is missing: the database was not migrated')
  const visibleTo = [...new Set([...(event.visibleTo ?? []), ...(actor.organizationId ? [actor.organizationId] : [])])].sort()
  const content = {
    sequence: head.sequence + 1,
    at: new Date().toISOString(),
    actorUserId: actor.userId,
    actorUsername: actor.username,
    actorOrganizationId: actor.organizationId,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId,
    requestId: actor.requestId,
    visibleTo,
    changeDigest: digestChange(event.change),
  }
  const hash = hashEntry(head.hash, content)
  await transaction.query(
    `insert into audit_log (sequence, at, actor_user_id, actor_username, actor_organization_id, action, object_type, object_id,
       request_id, visible_to, change, change_digest, previous_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14)`,
    [content.sequence, content.at, content.actorUserId, content.actorUsername, content.actorOrganizationId, content.action,
      content.objectType, content.objectId, content.requestId, content.visibleTo, JSON.stringify(event.change ?? null),
      content.changeDigest, head.hash, hash],
  )
  await transaction.query('update audit_head set sequence = $1, hash = $2 where singleton', [content.sequence, hash])
  return { sequence: content.sequence, hash }
}

interface AuditRow {
  sequence: number
  at: Date
  actor_user_id: string | null
  actor_username: string
  actor_organization_id: string | null
  action: string
  object_type: string
  object_id: string
  request_id: string | null
  visible_to: string[]
  change: unknown
  change_digest: string
  previous_hash: string
  hash: string
}

const selectEntries = `select sequence::int as sequence, at, actor_user_id, actor_username, actor_organization_id, action, object_type,
  object_id, request_id, visible_to, change, change_digest, previous_hash, hash from audit_log`

function toEntry(row: AuditRow): StoredAuditEntry {
  return {
    sequence: row.sequence,
    at: new Date(row.at).toISOString(),
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    actorOrganizationId: row.actor_organization_id,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    requestId: row.request_id,
    visibleTo: row.visible_to,
    change: row.change,
    changeDigest: row.change_digest,
    previousHash: row.previous_hash,
    hash: row.hash,
  }
}

/** The outcome of verifying the stored chain. */
export type VerificationResult =
  | { ok: true; count: number; headHash: string }
  | { ok: false; count: number; firstBreak: ChainBreak }

/** Recomputes the whole chain from storage and names the first broken entry, if any. */
export async function verifyAuditLog(database: Queryable, pageSize = 2000): Promise<VerificationResult> {
  const verifier = new ChainVerifier()
  let after = 0
  for (;;) {
    const rows = await database.query<AuditRow>(`${selectEntries} where sequence > $1 order by sequence limit $2`, [after, pageSize])
    for (const row of rows) {
      const broken = verifier.next(toEntry(row))
      if (broken) return { ok: false, count: verifier.head.count, firstBreak: broken }
    }
    if (rows.length < pageSize) break
    after = rows[rows.length - 1]!.sequence
  }
  // Deleting the newest entries leaves a consistent shorter chain; the head row still remembers.
  const [head] = await database.query<{ sequence: number; hash: string }>('select sequence::int as sequence, hash from audit_head where singleton')
  const { count, hash } = verifier.head
  if (head && (head.sequence !== count || head.hash !== hash)) {
    return {
      ok: false,
      count,
      firstBreak: { sequence: count + 1, reason: 'sequence-gap', message: `the chain ends at entry ${count} but ${head.sequence} entries were written: the newest entries were removed` },
    }
  }
  return { ok: true, count, headHash: hash }
}

/** Reads entries (for audit views), newest first, visible to an organization unless `all`. */
export async function listAuditEntries(database: Database | Queryable, options: { organizationId: string | null; limit: number; before?: number | undefined }): Promise<StoredAuditEntry[]> {
  const conditions: string[] = []
  const parameters: unknown[] = []
  if (options.organizationId !== null) {
    parameters.push(options.organizationId)
    conditions.push(`$${parameters.length} = any(visible_to)`)
  }
  if (options.before !== undefined) {
    parameters.push(options.before)
    conditions.push(`sequence < $${parameters.length}`)
  }
  parameters.push(options.limit)
  const where = conditions.length ? `where ${conditions.join(' and ')}` : ''
  const rows = await database.query<AuditRow>(`${selectEntries} ${where} order by sequence desc limit $${parameters.length}`, parameters)
  return rows.map(toEntry)
}

/** The stored entry with a given sequence number, if any. */
export async function getAuditEntry(database: Queryable, sequence: number): Promise<StoredAuditEntry | null> {
  const rows = await database.query<AuditRow>(`${selectEntries} where sequence = $1`, [sequence])
  return rows[0] ? toEntry(rows[0]) : null
}
