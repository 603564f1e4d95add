/** SQL of reports and their attachments. */
import type { Queryable } from '../platform/database/database.ts'
import type { BoundingBox, LocationGeometry } from '../platform/geometry/geojson.ts'
import { releaseView, selectReleased, type ReleaseColumns, type Viewer } from '../releasability/released-store.ts'
import { admiraltyCode, type InformationCredibility, type SourceReliability } from './core/admiralty-code.ts'
import type { AttachmentType } from './core/attachment-content.ts'
import type { Attachment, Report } from './report-schemas.ts'

interface ReportRow extends ReleaseColumns {
  id: string
  room_id: string | null
  type: Report['type']
  title: string
  body: string
  language: Report['language']
  occurred_at: Date
  location: LocationGeometry | null
  place_id: string | null
  source_reliability: SourceReliability
  information_credibility: InformationCredibility
  unit_ids: string[]
  operation_ids: string[]
  attachment_count: number
  version: number
  created_at: Date
  updated_at: Date
}

// Linked units are shown only when the reader may see them too: a report released to a partner
// must not reveal the ids of units that are not.
const selectReports = `select r.id, r.organization_id, r.room_id, r.type, r.title, r.body, r.language, r.occurred_at,
    st_asgeojson(r.location)::json as location, r.place_id, r.source_reliability, r.information_credibility,
    array(select u.id::text from units u where u.id = any(r.unit_ids) and {released:u} order by u.id) as unit_ids,
    r.operation_ids::text[] as operation_ids,
    (select count(*)::int from report_attachments a where a.report_id = r.id) as attachment_count,
    r.release_scope, r.release_organization_ids, r.release_room_id, r.released_to, r.version, r.created_at, r.updated_at
  from reports r`

function toReport(row: ReportRow, viewer: Viewer): Report {
  return {
    id: row.id,
    organizationId: row.organization_id,
    roomId: row.room_id,
    type: row.type,
    title: row.title,
    body: row.body,
    language: row.language,
    occurredAt: new Date(row.occurred_at).toISOString(),
    location: row.location,
    placeId: row.place_id,
    sourceReliability: row.source_reliability,
    informationCredibility: row.information_credibility,
    admiraltyCode: admiraltyCode(row.source_reliability, row.information_credibility),
    unitIds: row.unit_ids,
    operationIds: row.operation_ids,
    attachmentCount: row.attachment_count,
    release: releaseView(row, viewer),
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

/** Which reports to list. */
export interface ReportFilter {
  roomId?: string | undefined
  type?: Report['type'] | undefined
  from?: string | undefined
  to?: string | undefined
  bbox?: BoundingBox | undefined
  q?: string | undefined
  limit: number
  /** Keyset paging by id (for layer snapshots and exports); without it, newest first. */
  afterId?: string | undefined
  byId?: boolean | undefined
}

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards in it taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
}

/** Reports released to the viewer, filtered by room, type, time window, box and words. */
export async function listReports(database: Queryable, viewer: Viewer, filter: ReportFilter): Promise<Report[]> {
  const conditions = ['{released:r}']
  const parameters: unknown[] = []
  const parameter = (value: unknown) => `$${parameters.push(value)}`
  if (filter.afterId) conditions.push(`r.id > ${parameter(filter.afterId)}::uuid`)
  if (filter.roomId) {
    const room = parameter(filter.roomId)
    conditions.push(`(r.room_id = ${room} or r.release_room_id = ${room})`)
  }
  if (filter.type) conditions.push(`r.type = ${parameter(filter.type)}`)
  if (filter.from) conditions.push(`r.occurred_at >= ${parameter(filter.from)}::timestamptz`)
  if (filter.to) conditions.push(`r.occurred_at <= ${parameter(filter.to)}::timestamptz`)
  if (filter.bbox) {
    const [west, south, east, north] = filter.bbox.map(parameter)
    conditions.push(`r.location && st_makeenvelope(${west}, ${south}, ${east}, ${north}, 4326)`)
  }
  if (filter.q) {
    const pattern = parameter(containsPattern(filter.q))
    conditions.push(`(r.title ilike ${pattern} or r.body ilike ${pattern})`)
  }
  const order = filter.byId || filter.afterId ? 'r.id' : 'r.occurred_at desc, r.id'
  const rows = await selectReleased<ReportRow>(database, viewer, `${selectReports} where ${conditions.join(' and ')} order by ${order} limit ${parameter(filter.limit)}`, parameters)
  return rows.map((row) => toReport(row, viewer))
}

/** One report if it is released to the viewer. */
export async function findReport(database: Queryable, viewer: Viewer, id: string): Promise<Report | null> {
  const [row] = await selectReleased<ReportRow>(database, viewer, `${selectReports} where r.id = $1 and {released:r}`, [id])
  return row ? toReport(row, viewer) : null
}

/** What a committed change of a report is routed by: who may see it, its rooms, its extent, and the linked units every recipient may see. */
export async function reportRouting(database: Queryable, id: string): Promise<{ organizationId: string; releasedTo: string[]; roomIds: string[]; bbox: BoundingBox | null; sharedUnitIds: string[] } | null> {
  const [row] = await database.query<{ organization_id: string; released_to: string[]; room_id: string | null; release_room_id: string | null; west: number | null; south: number | null; east: number | null; north: number | null; shared_unit_ids: string[] }>(
    `select organization_id, released_to, room_id, release_room_id,
       st_xmin(location) as west, st_ymin(location) as south, st_xmax(location) as east, st_ymax(location) as north,
       array(select u.id::text from units u where u.id = any(r.unit_ids) and u.released_to @> r.released_to order by u.id) as shared_unit_ids
     from reports r where id = $1`, [id],
  )
  if (!row) return null
  return {
    organizationId: row.organization_id,
    releasedTo: row.released_to,
    roomIds: [...new Set([row.room_id, row.release_room_id].filter((room): room is string => room !== null))],
    bbox: row.west === null || row.south === null || row.east === null || row.north === null ? null : [row.west, row.south, row.east, row.north],
    sharedUnitIds: row.shared_unit_ids,
  }
}

/** The stored release and version of a report, locked, whoever may see it (writes check ownership themselves). */
export async function lockReport(transaction: Queryable, id: string): Promise<(ReleaseColumns & { id: string; version: number; room_id: string | null; title: string; body: string }) | null> {
  const [row] = await transaction.query<ReleaseColumns & { id: string; version: number; room_id: string | null; title: string; body: string }>(
    'select id, organization_id, release_scope, release_organization_ids, release_room_id, released_to, version, room_id, title, body from reports where id = $1 for update', [id],
  )
  return row ?? null
}

/** The fields of a report as stored. */
export interface ReportFields {
  type: Report['type']
  title: string
  body: string
  language: Report['language']
  occurredAt: string
  location: LocationGeometry | null
  placeId: string | null
  sourceReliability: SourceReliability
  informationCredibility: number
  roomId: string | null
  unitIds: string[]
  operationIds: string[]
}

const geometryOrNull = (parameter: string) => `case when ${parameter}::text is null then null else st_setsrid(st_geomfromgeojson(${parameter}::text), 4326) end`

/** Inserts a report. */
export async function insertReport(transaction: Queryable, report: ReportFields & { id: string; organizationId: string }, release: Omit<ReleaseColumns, 'organization_id'>): Promise<void> {
  await transaction.query(
    `insert into reports (id, organization_id, room_id, type, title, body, language, occurred_at, location, place_id,
       source_reliability, information_credibility, unit_ids, operation_ids, release_scope, release_organization_ids, release_room_id, released_to)
     values ($1, $2, $3, $4, $5, $6, $7, $8, ${geometryOrNull('$9')}, $10, $11, $12, $13::uuid[], $14::uuid[], $15, $16, $17, $18)`,
    [report.id, report.organizationId, report.roomId, report.type, report.title, report.body, report.language, report.occurredAt,
      report.location ? JSON.stringify(report.location) : null, report.placeId, report.sourceReliability, report.informationCredibility,
      report.unitIds, report.operationIds, release.release_scope, release.release_organization_ids, release.release_room_id, release.released_to],
  )
}

const columns: Record<keyof ReportFields, (parameter: string) => string> = {
  type: (p) => `type = ${p}`,
  title: (p) => `title = ${p}`,
  body: (p) => `body = ${p}`,
  language: (p) => `language = ${p}`,
  occurredAt: (p) => `occurred_at = ${p}::timestamptz`,
  location: (p) => `location = ${geometryOrNull(p)}`,
  placeId: (p) => `place_id = ${p}`,
  sourceReliability: (p) => `source_reliability = ${p}`,
  informationCredibility: (p) => `information_credibility = ${p}`,
  roomId: (p) => `room_id = ${p}`,
  unitIds: (p) => `unit_ids = ${p}::uuid[]`,
  operationIds: (p) => `operation_ids = ${p}::uuid[]`,
}

/** Applies the given fields to a report and bumps its version. */
export async function updateReportRow(transaction: Queryable, id: string, changes: Partial<ReportFields>): Promise<void> {
  const parameters: unknown[] = [id]
  const assignments: string[] = []
  for (const [field, assign] of Object.entries(columns) as Array<[keyof ReportFields, (parameter: string) => string]>) {
    if (changes[field] === undefined) continue
    const value = field === 'location' && changes.location ? JSON.stringify(changes.location) : changes[field]
    assignments.push(assign(`$${parameters.push(value)}`))
  }
  await transaction.query(`update reports set ${[...assignments, 'updated_at = now()', 'version = version + 1'].join(', ')} where id = $1`, parameters)
}

/** Deletes a report (its attachments go with it). */
export async function deleteReportRow(transaction: Queryable, id: string): Promise<void> {
  await transaction.query('delete from reports where id = $1', [id])
}

/** The ids among `ids` of units released to the viewer. */
export async function releasedUnitIds(database: Queryable, viewer: Viewer, ids: readonly string[]): Promise<string[]> {
  const rows = await selectReleased<{ id: string; released_to: string[] }>(database, viewer, 'select u.id::text as id, u.released_to from units u where u.id = any($1::uuid[]) and {released:u}', [ids])
  return rows.map((row) => row.id)
}

/** Whether a room exists with the organization among its members. */
export async function isRoomMember(database: Queryable, roomId: string, organizationId: string): Promise<boolean> {
  return (await database.query('select 1 from rooms where id = $1 and $2 = any(member_organization_ids)', [roomId, organizationId])).length > 0
}

// File contents cross the driver as base64 text: PGlite moves a 1 MiB bytea parameter or value in
// 0.3–1 s, base64 text in 10–80 ms; PostgreSQL is as fast either way, and the SQL stays the same.
interface AttachmentRow {
  id: string
  report_id: string
  file_name: string
  content_type: AttachmentType
  size_bytes: number
  sha256: string
  created_at: Date
  released_to: string[]
}

const selectAttachments = `select a.id, a.report_id, a.file_name, a.content_type, a.size_bytes, a.sha256, a.created_at, r.released_to
  from report_attachments a join reports r on r.id = a.report_id`

function toAttachment(row: Omit<AttachmentRow, 'released_to'>): Attachment {
  return {
    id: row.id, reportId: row.report_id, fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes, sha256: row.sha256,
    createdAt: new Date(row.created_at).toISOString(),
  }
}

/** The attachments of a report released to the viewer (none when it is not). */
export async function listAttachments(database: Queryable, viewer: Viewer, reportId: string): Promise<Attachment[]> {
  const rows = await selectReleased<AttachmentRow>(database, viewer, `${selectAttachments} where a.report_id = $1 and {released:r} order by a.created_at, a.id`, [reportId])
  return rows.map(toAttachment)
}

/** One attachment with its content, if its report is released to the viewer. */
export async function findAttachmentContent(database: Queryable, viewer: Viewer, reportId: string, attachmentId: string): Promise<(Attachment & { content: Buffer }) | null> {
  const [row] = await selectReleased<AttachmentRow & { content: string }>(database, viewer,
    `select a.id, a.report_id, a.file_name, a.content_type, a.size_bytes, a.sha256, a.created_at, encode(a.content, 'base64') as content, r.released_to
     from report_attachments a join reports r on r.id = a.report_id where a.report_id = $1 and a.id = $2 and {released:r}`, [reportId, attachmentId])
  if (!row) return null
  return { ...toAttachment(row), content: Buffer.from(row.content, 'base64') }
}

/** How many attachments a report has (call with the report locked, so the count holds until commit). */
export async function countAttachments(transaction: Queryable, reportId: string): Promise<number> {
  const [row] = await transaction.query<{ count: number }>('select count(*)::int as count from report_attachments where report_id = $1', [reportId])
  return row?.count ?? 0
}

/** Stores an attachment. */
export async function insertAttachment(transaction: Queryable, attachment: { id: string; reportId: string; fileName: string; contentType: AttachmentType; sha256: string; content: Buffer }): Promise<Attachment> {
  const [row] = await transaction.query<Omit<AttachmentRow, 'released_to'>>(
    `insert into report_attachments (id, report_id, file_name, content_type, size_bytes, sha256, content) values ($1, $2, $3, $4, $5, $6, decode($7, 'base64'))
     returning id, report_id, file_name, content_type, size_bytes, sha256, created_at`,
    [attachment.id, attachment.reportId, attachment.fileName, attachment.contentType, attachment.content.length, attachment.sha256, attachment.content.toString('base64')],
  )
  return toAttachment(row!)
}

/** Marks a report as changed without a new version (an attachment was added). */
export async function touchReport(transaction: Queryable, id: string): Promise<void> {
  await transaction.query('update reports set updated_at = now() where id = $1', [id])
}
