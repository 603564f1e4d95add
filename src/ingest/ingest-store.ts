/**
 * SQL of incident drafts. A draft is never released to anyone: every read takes the viewer and
 * filters on the draft's own organization, so another organization never sees one.
 */
import type { Queryable } from '../platform/database/database.ts'
import type { Viewer } from '../releasability/released-store.ts'
import type { IncidentDraft } from './core/incident-draft-schema.ts'
import { excerptLength, type DraftStatus } from './ingest-schemas.ts'

/** How long an acceptance may hold a draft before a retry may take it over (a crashed server). */
export const acceptClaimSeconds = 120

/** A stored draft as read from the table (the text only when asked for). */
export interface DraftRow {
  id: string
  organization_id: string
  author_user_id: string | null
  author_username: string
  file_name: string | null
  source_text: string | null
  excerpt: string
  text_length: number
  published: string
  draft: IncidentDraft
  corrected: IncidentDraft | null
  status: DraftStatus
  report_id: string | null
  rejection_reason: string | null
  reviewed_by_user_id: string | null
  reviewed_by_username: string | null
  reviewed_at: Date | null
  accept_request_id: string | null
  accept_claim_expired: boolean
  version: number
  created_at: Date
  updated_at: Date
}

const columns = (withText: boolean) => `select d.id, d.organization_id, d.author_user_id, d.author_username, d.file_name,
    ${withText ? 'd.source_text' : 'null::text as source_text'}, left(d.source_text, ${excerptLength}) as excerpt, length(d.source_text) as text_length,
    to_char(d.published, 'YYYY-MM-DD') as published, d.draft, d.corrected, d.status, d.report_id, d.rejection_reason,
    d.reviewed_by_user_id, d.reviewed_by_username, d.reviewed_at, d.accept_request_id,
    coalesce(d.accept_claimed_at < now() - make_interval(secs => ${acceptClaimSeconds}), false) as accept_claim_expired,
    d.version, d.created_at, d.updated_at
  from incident_drafts d`

/** Drafts of the viewer's organization, newest first. */
export async function listDrafts(database: Queryable, viewer: Viewer, filter: { status?: DraftStatus | undefined; limit: number }): Promise<DraftRow[]> {
  const parameters: unknown[] = [viewer.organizationId]
  const conditions = ['d.organization_id = $1']
  if (filter.status) {
    parameters.push(filter.status)
    conditions.push(`d.status = $${parameters.length}`)
  }
  parameters.push(filter.limit)
  return database.query<DraftRow>(`${columns(false)} where ${conditions.join(' and ')} order by d.created_at desc, d.id limit $${parameters.length}`, parameters)
}

/** One draft with its text, if it belongs to the viewer's organization. */
export async function findDraft(database: Queryable, viewer: Viewer, id: string): Promise<DraftRow | null> {
  const [row] = await database.query<DraftRow>(`${columns(true)} where d.id = $1 and d.organization_id = $2`, [id, viewer.organizationId])
  return row ?? null
}

/** Locks one draft of the viewer's organization for a change (null when it is not theirs). */
export async function lockDraft(transaction: Queryable, viewer: Viewer, id: string): Promise<DraftRow | null> {
  const [row] = await transaction.query<DraftRow>(`${columns(true)} where d.id = $1 and d.organization_id = $2 for update`, [id, viewer.organizationId])
  return row ?? null
}

/** Inserts a new pending draft. */
export async function insertDraft(transaction: Queryable, draft: { id: string; organizationId: string; authorUserId: string; authorUsername: string; fileName: string | null; text: string; published: string; draft: IncidentDraft }): Promise<void> {
  await transaction.query(
    `insert into incident_drafts (id, organization_id, author_user_id, author_username, file_name, source_text, published, draft)
     values ($1, $2, $3, $4, $5, $6, $7::date, $8::jsonb)`,
    [draft.id, draft.organizationId, draft.authorUserId, draft.authorUsername, draft.fileName, draft.text, draft.published, JSON.stringify(draft.draft)],
  )
}

/** Stores the corrected draft and bumps the version. */
export async function updateCorrected(transaction: Queryable, id: string, corrected: IncidentDraft): Promise<void> {
  await transaction.query('update incident_drafts set corrected = $2::jsonb, updated_at = now(), version = version + 1 where id = $1', [id, JSON.stringify(corrected)])
}

/** Marks a pending draft as being accepted by a request (the version is kept: a failed attempt may be retried as it was). */
export async function claimAcceptance(transaction: Queryable, id: string, requestId: string): Promise<void> {
  await transaction.query('update incident_drafts set accept_request_id = $2, accept_claimed_at = now() where id = $1', [id, requestId])
}

/** Lets go of an acceptance that failed, if the request still holds it. */
export async function releaseAcceptance(database: Queryable, id: string, requestId: string): Promise<void> {
  await database.query('update incident_drafts set accept_request_id = null, accept_claimed_at = null where id = $1 and accept_request_id = $2', [id, requestId])
}

/** Records the acceptance: the report, the reviewer, status accepted; the claim ends. */
export async function markAccepted(transaction: Queryable, id: string, reportId: string, reviewer: { userId: string; username: string }): Promise<void> {
  await transaction.query(
    `update incident_drafts set status = 'accepted', report_id = $2, reviewed_by_user_id = $3, reviewed_by_username = $4, reviewed_at = now(),
       accept_request_id = null, accept_claimed_at = null, updated_at = now(), version = version + 1
     where id = $1`,
    [id, reportId, reviewer.userId, reviewer.username],
  )
}

/** Records the rejection with its reason. */
export async function markRejected(transaction: Queryable, id: string, reason: string, reviewer: { userId: string; username: string }): Promise<void> {
  await transaction.query(
    `update incident_drafts set status = 'rejected', rejection_reason = $2, reviewed_by_user_id = $3, reviewed_by_username = $4, reviewed_at = now(),
       updated_at = now(), version = version + 1
     where id = $1`,
    [id, reason, reviewer.userId, reviewer.username],
  )
}

/**
 * The report an interrupted acceptance created, found through the audit entry the reports
 * service wrote under that request's id (null when the report was never created).
 */
export async function reportCreatedByRequest(database: Queryable, requestId: string): Promise<string | null> {
  const [row] = await database.query<{ object_id: string }>(
    `select object_id from audit_log where action = 'report.created' and object_type = 'report' and request_id = $1 order by sequence desc limit 1`, [requestId],
  )
  return row?.object_id ?? null
}
