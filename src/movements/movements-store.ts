/** SQL of movement notifications, their parties and their timeline. */
import type { Queryable } from '../platform/database/database.ts'
import type { Actor } from '../platform/auth/principal.ts'
import type { BoundingBox } from '../platform/geometry/geojson.ts'
import { releaseView, selectReleased, type ReleaseColumns, type Viewer } from '../releasability/released-store.ts'
import type { MovementStatus } from './core/movement-lifecycle.ts'
import type { Precedence } from './core/movement-deadlines.ts'
import type { ListMovementsQuery, Movement, Party, TimelineEntry } from './movement-schemas.ts'
import { isoTime as iso } from '../platform/database/database.ts'

interface MovementRow extends ReleaseColumns {
  id: string
  room_id: string
  unit_ids: string[]
  geometry: { type: string; coordinates: unknown }
  west: number
  south: number
  east: number
  north: number
  length_km: number | null
  area_km2: number | null
  planned_start: Date | string
  planned_end: Date | string
  vehicles: number
  personnel: number
  purpose: string
  liaison_name: string
  liaison_phone: string | null
  liaison_radio: string | null
  precedence: Precedence
  notice_minutes: number | null
  required_notice_minutes: number | null
  notice_justification: string | null
  status: MovementStatus
  plan_revision: number
  submitted_at: Date | string | null
  operation_id: string | null
  version: number
  created_at: Date | string
  updated_at: Date | string
}

const selectMovements = `select m.id, m.organization_id, m.room_id, m.unit_ids::text[] as unit_ids, st_asgeojson(m.geometry, 7)::json as geometry,
    st_xmin(m.geometry) as west, st_ymin(m.geometry) as south, st_xmax(m.geometry) as east, st_ymax(m.geometry) as north,
    case when geometrytype(m.geometry) = 'LINESTRING' then st_length(m.geometry::geography) / 1000.0 end as length_km,
    case when geometrytype(m.geometry) = 'MULTIPOLYGON' then st_area(m.geometry::geography) / 1000000.0 end as area_km2,
    m.planned_start, m.planned_end, m.vehicles, m.personnel, m.purpose, m.liaison_name, m.liaison_phone, m.liaison_radio, m.precedence,
    m.notice_minutes, m.required_notice_minutes, m.notice_justification, m.status, m.plan_revision, m.submitted_at, m.operation_id::text as operation_id,
    m.release_scope, m.release_organization_ids, m.release_room_id, m.released_to, m.version, m.created_at, m.updated_at
  from movements m`

const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value))

function toMovement(row: MovementRow, parties: Party[], viewer: Viewer): Movement {
  return {
    id: row.id,
    organizationId: row.organization_id,
    roomId: row.room_id,
    unitIds: row.unit_ids,
    route: row.geometry.type === 'LineString' ? (row.geometry as Movement['route']) : null,
    area: row.geometry.type === 'MultiPolygon' ? (row.geometry as Movement['area']) : null,
    bbox: [row.west, row.south, row.east, row.north],
    lengthKm: row.length_km,
    areaKm2: row.area_km2,
    plannedStart: iso(row.planned_start),
    plannedEnd: iso(row.planned_end),
    size: { vehicles: row.vehicles, personnel: row.personnel },
    purpose: row.purpose,
    liaison: { name: row.liaison_name, phone: row.liaison_phone, radio: row.liaison_radio },
    precedence: row.precedence,
    notice: row.notice_minutes === null || row.required_notice_minutes === null ? null
      : { givenMinutes: row.notice_minutes, requiredMinutes: row.required_notice_minutes, justification: row.notice_justification },
    status: row.status,
    planRevision: row.plan_revision,
    submittedAt: isoOrNull(row.submitted_at),
    operationId: row.operation_id,
    parties,
    release: releaseView(row, viewer),
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  }
}

interface PartyRow {
  movement_id: string
  organization_id: string
  affected: boolean
  notified_at: Date | string
  answer: Party['answer']
  answer_reason: string | null
  answered_at: Date | string | null
  answered_by_username: string | null
  reminded_at: Date | string | null
  escalated_at: Date | string | null
}

function toParty(row: PartyRow): Party {
  return {
    organizationId: row.organization_id, affected: row.affected, notifiedAt: iso(row.notified_at), answer: row.answer, reason: row.answer_reason,
    answeredAt: isoOrNull(row.answered_at), answeredBy: row.answered_by_username, remindedAt: isoOrNull(row.reminded_at), escalatedAt: isoOrNull(row.escalated_at),
  }
}

/** The parties of movements, by movement id (visibility follows the movement, checked by the caller). */
export async function partiesOf(database: Queryable, movementIds: readonly string[]): Promise<Map<string, Party[]>> {
  const byMovement = new Map<string, Party[]>(movementIds.map((id) => [id, []]))
  if (movementIds.length === 0) return byMovement
  const rows = await database.query<PartyRow>(
    `select movement_id::text as movement_id, organization_id, affected, notified_at, answer, answer_reason, answered_at, answered_by_username, reminded_at, escalated_at
     from movement_parties where movement_id = any($1::uuid[]) order by organization_id`, [movementIds],
  )
  for (const row of rows) byMovement.get(row.movement_id)?.push(toParty(row))
  return byMovement
}

async function withParties(database: Queryable, rows: MovementRow[], viewer: Viewer): Promise<Movement[]> {
  const parties = await partiesOf(database, rows.map((row) => row.id))
  return rows.map((row) => toMovement(row, parties.get(row.id) ?? [], viewer))
}

/** One movement if it is released to the viewer. */
export async function findMovement(database: Queryable, viewer: Viewer, id: string): Promise<Movement | null> {
  const rows = await selectReleased<MovementRow>(database, viewer, `${selectMovements} where m.id = $1 and {released:m}`, [id])
  return (await withParties(database, rows, viewer))[0] ?? null
}

/** Which movements to list: the query's filters, a box, and keyset pagination for layers. */
export interface MovementFilter extends Partial<Omit<ListMovementsQuery, 'limit'>> {
  bbox?: BoundingBox | undefined
  limit: number
  afterId?: string | undefined
}

/** Movements released to the viewer that match the filter, soonest first (by id after `afterId` when paging). */
export async function listMovements(database: Queryable, viewer: Viewer, filter: MovementFilter): Promise<Movement[]> {
  const conditions = ['{released:m}']
  const parameters: unknown[] = []
  const add = (value: unknown) => `$${parameters.push(value)}`
  if (filter.roomId) conditions.push(`m.room_id = ${add(filter.roomId)}`)
  if (filter.status) conditions.push(`m.status = ${add(filter.status)}`)
  if (filter.involvement === 'mine') conditions.push(`m.organization_id = ${add(viewer.organizationId)}`)
  if (filter.involvement === 'affecting-me') {
    conditions.push(`exists (select 1 from movement_parties p where p.movement_id = m.id and p.affected and p.organization_id = ${add(viewer.organizationId)})`)
  }
  if (filter.from) conditions.push(`m.planned_end > ${add(filter.from)}::timestamptz`)
  if (filter.to) conditions.push(`m.planned_start < ${add(filter.to)}::timestamptz`)
  if (filter.bbox) conditions.push(`m.geometry && st_makeenvelope(${filter.bbox.map((value) => add(value)).join(', ')}, 4326)`)
  if (filter.afterId) conditions.push(`m.id > ${add(filter.afterId)}::uuid`)
  const order = filter.afterId === undefined && filter.bbox === undefined ? 'm.planned_start, m.id' : 'm.id'
  const rows = await selectReleased<MovementRow>(database, viewer, `${selectMovements} where ${conditions.join(' and ')} order by ${order} limit ${add(filter.limit)}`, parameters)
  return withParties(database, rows, viewer)
}

/** What a write needs of a stored movement, locked for the rest of the transaction. */
export interface LockedMovement extends ReleaseColumns {
  id: string
  room_id: string
  status: MovementStatus
  unit_ids: string[]
  precedence: Precedence
  planned_start: Date
  planned_end: Date
  notice_justification: string | null
  plan_revision: number
  version: number
  /** The joint operation that notified the movement, if any. */
  operation_id: string | null
  bounds: [number, number, number, number]
}

/** The stored movement, locked, whoever may see it (writes check visibility and ownership themselves). */
export async function lockMovement(transaction: Queryable, id: string): Promise<LockedMovement | null> {
  const [row] = await transaction.query<Omit<LockedMovement, 'bounds' | 'planned_start' | 'planned_end'> & { planned_start: Date | string; planned_end: Date | string; west: number; south: number; east: number; north: number }>(
    `select id::text as id, organization_id, room_id, status, unit_ids::text[] as unit_ids, precedence, planned_start, planned_end, notice_justification,
       plan_revision, version, operation_id::text as operation_id, release_scope, release_organization_ids, release_room_id, released_to,
       st_xmin(geometry) as west, st_ymin(geometry) as south, st_xmax(geometry) as east, st_ymax(geometry) as north
     from movements where id = $1 for update`, [id],
  )
  if (!row) return null
  const { west, south, east, north, planned_start, planned_end, ...rest } = row
  return { ...rest, planned_start: new Date(planned_start), planned_end: new Date(planned_end), bounds: [west, south, east, north] }
}

/** The fields of a new movement. */
export interface NewMovement {
  id: string
  organizationId: string
  roomId: string
  unitIds: readonly string[]
  geometry: unknown
  plannedStart: Date
  plannedEnd: Date
  size: { vehicles: number; personnel: number }
  purpose: string
  liaison: { name: string; phone?: string | undefined; radio?: string | undefined }
  precedence: Precedence
  noticeJustification: string | null
  createdByUserId: string | null
  /** The joint operation notifying it: the operation, the axis and the phase (from 1). */
  operation?: { id: string; axisKey: string; phaseOrdinal: number } | undefined
}

/** The SQL storing a GeoJSON route or area parameter: a 2D LineString, or a 2D MultiPolygon. */
const storedGeometry = (index: number) =>
  `(select case when geometrytype(g) = 'LINESTRING' then g else st_multi(g) end from (select st_force2d(st_setsrid(st_geomfromgeojson($${index}::text), 4326)) as g) as drawn)`

/** Inserts a movement as a draft, released to its author alone. */
export async function insertMovement(transaction: Queryable, movement: NewMovement): Promise<void> {
  await transaction.query(
    `insert into movements (id, organization_id, room_id, unit_ids, geometry, planned_start, planned_end, vehicles, personnel, purpose,
       liaison_name, liaison_phone, liaison_radio, precedence, notice_justification, status, release_scope, released_to, created_by_user_id,
       operation_id, operation_axis_key, operation_phase_ordinal)
     values ($1, $2, $3, $4::uuid[], ${storedGeometry(5)}, $6::timestamptz, $7::timestamptz, $8, $9, $10, $11, $12, $13, $14, $16, 'draft', 'originator', array[$2], $15,
       $17::uuid, $18, $19)`,
    [movement.id, movement.organizationId, movement.roomId, movement.unitIds, JSON.stringify(movement.geometry), movement.plannedStart.toISOString(),
      movement.plannedEnd.toISOString(), movement.size.vehicles, movement.size.personnel, movement.purpose, movement.liaison.name,
      movement.liaison.phone ?? null, movement.liaison.radio ?? null, movement.precedence, movement.createdByUserId, movement.noticeJustification,
      movement.operation?.id ?? null, movement.operation?.axisKey ?? null, movement.operation?.phaseOrdinal ?? null],
  )
}

/** Changed fields of a movement; undefined leaves a field as it is. */
export interface MovementChanges {
  unitIds?: readonly string[] | undefined
  geometry?: unknown
  plannedStart?: Date | undefined
  plannedEnd?: Date | undefined
  size?: { vehicles: number; personnel: number } | undefined
  purpose?: string | undefined
  liaison?: { name: string; phone?: string | undefined; radio?: string | undefined } | undefined
  precedence?: Precedence | undefined
  /** Kept on a draft for its submission. */
  noticeJustification?: string | undefined
  bumpPlanRevision: boolean
}

/** Applies an amendment and bumps the version (and the plan revision after submission). */
export async function updateMovementRow(transaction: Queryable, id: string, changes: MovementChanges): Promise<void> {
  await transaction.query(
    `update movements set
       unit_ids = coalesce($2::uuid[], unit_ids),
       geometry = coalesce(${storedGeometry(3)}, geometry),
       planned_start = coalesce($4::timestamptz, planned_start), planned_end = coalesce($5::timestamptz, planned_end),
       vehicles = coalesce($6, vehicles), personnel = coalesce($7, personnel), purpose = coalesce($8, purpose),
       liaison_name = case when $9::boolean then $10 else liaison_name end,
       liaison_phone = case when $9::boolean then $11 else liaison_phone end,
       liaison_radio = case when $9::boolean then $12 else liaison_radio end,
       precedence = coalesce($13, precedence),
       notice_justification = coalesce($15, notice_justification),
       plan_revision = plan_revision + case when $14::boolean then 1 else 0 end,
       updated_at = now(), version = version + 1
     where id = $1`,
    [id, changes.unitIds ?? null, changes.geometry === undefined ? null : JSON.stringify(changes.geometry), changes.plannedStart?.toISOString() ?? null,
      changes.plannedEnd?.toISOString() ?? null, changes.size?.vehicles ?? null, changes.size?.personnel ?? null, changes.purpose ?? null,
      changes.liaison !== undefined, changes.liaison?.name ?? null, changes.liaison?.phone ?? null, changes.liaison?.radio ?? null,
      changes.precedence ?? null, changes.bumpPlanRevision, changes.noticeJustification ?? null],
  )
}

/** Records the notice given (and its justification) at a submission or amendment. */
export async function setNotice(transaction: Queryable, id: string, notice: { givenMinutes: number; requiredMinutes: number; justification: string | null }): Promise<void> {
  await transaction.query('update movements set notice_minutes = $2, required_notice_minutes = $3, notice_justification = $4 where id = $1',
    [id, notice.givenMinutes, notice.requiredMinutes, notice.justification])
}

/** Marks a draft submitted now, released to its room (the effective set is set by the analysis that follows). */
export async function markSubmitted(transaction: Queryable, id: string, roomId: string, at: Date): Promise<void> {
  await transaction.query(
    `update movements set status = 'submitted', submitted_at = $3::timestamptz, release_scope = 'room', release_room_id = $2, updated_at = now(), version = version + 1 where id = $1`,
    [id, roomId, at.toISOString()],
  )
}

/** Sets the status of a movement. */
export async function setStatus(transaction: Queryable, id: string, status: MovementStatus): Promise<void> {
  await transaction.query('update movements set status = $2, updated_at = now(), version = version + 1 where id = $1', [id, status])
}

/** Sets to whom a movement is released: its room's members and the organizations told (named beside the room). */
export async function setReleasedTo(transaction: Queryable, id: string, told: readonly string[], releasedTo: readonly string[]): Promise<void> {
  await transaction.query('update movements set release_organization_ids = $2, released_to = $3 where id = $1', [id, [...told].sort(), releasedTo])
}

/** The parties of one movement as stored (for the rules). */
export async function storedParties(transaction: Queryable, movementId: string): Promise<Array<{ organizationId: string; affected: boolean; answer: Party['answer']; remindedAt: Date | null; escalatedAt: Date | null }>> {
  const rows = await transaction.query<{ organization_id: string; affected: boolean; answer: Party['answer']; reminded_at: Date | string | null; escalated_at: Date | string | null }>(
    'select organization_id, affected, answer, reminded_at, escalated_at from movement_parties where movement_id = $1 order by organization_id', [movementId],
  )
  return rows.map((row) => ({
    organizationId: row.organization_id, affected: row.affected, answer: row.answer,
    remindedAt: row.reminded_at === null ? null : new Date(row.reminded_at), escalatedAt: row.escalated_at === null ? null : new Date(row.escalated_at),
  }))
}

/** Adds an organization told now that it is affected. */
export async function insertParty(transaction: Queryable, movementId: string, organizationId: string, at: Date): Promise<void> {
  await transaction.query('insert into movement_parties (movement_id, organization_id, affected, notified_at) values ($1, $2, true, $3::timestamptz)', [movementId, organizationId, at.toISOString()])
}

/** Sets whether told organizations are affected by the latest analysis. */
export async function setPartiesAffected(transaction: Queryable, movementId: string, organizationIds: readonly string[], affected: boolean): Promise<void> {
  if (organizationIds.length === 0) return
  await transaction.query('update movement_parties set affected = $3 where movement_id = $1 and organization_id = any($2::text[])', [movementId, organizationIds, affected])
}

/** Records an organization's answer (it replaces an earlier one; the timeline keeps both). */
export async function setAnswer(transaction: Queryable, movementId: string, organizationId: string, answer: { kind: 'acknowledged' | 'objected'; reason: string | null; at: Date; userId: string; username: string }): Promise<void> {
  await transaction.query(
    `update movement_parties set answer = $3, answer_reason = $4, answered_at = $5::timestamptz, answered_by_user_id = $6, answered_by_username = $7
     where movement_id = $1 and organization_id = $2`,
    [movementId, organizationId, answer.kind, answer.reason, answer.at.toISOString(), answer.userId, answer.username],
  )
}

/** Clears every answer, reminder and escalation of a movement (an amended plan is a new notice); returns who had answered. */
export async function resetAnswers(transaction: Queryable, movementId: string): Promise<string[]> {
  const rows = await transaction.query<{ organization_id: string }>(
    `update movement_parties set answer = null, answer_reason = null, answered_at = null, answered_by_user_id = null, answered_by_username = null, reminded_at = null, escalated_at = null
     where movement_id = $1 and (answer is not null or reminded_at is not null) returning organization_id`, [movementId],
  )
  return rows.map((row) => row.organization_id).sort()
}

/** Marks that a party was reminded or its commander told. */
export async function markNudged(transaction: Queryable, movementId: string, organizationId: string, nudge: 'reminded' | 'escalated', at: Date): Promise<void> {
  const column = nudge === 'reminded' ? 'reminded_at' : 'escalated_at'
  await transaction.query(`update movement_parties set ${column} = $3::timestamptz where movement_id = $1 and organization_id = $2`, [movementId, organizationId, at.toISOString()])
}

/** Appends a step to a movement's timeline. */
export async function insertTimelineEntry(transaction: Queryable, movementId: string, actor: Actor, step: { at: Date; kind: string; organizationId: string | null; detail: Record<string, unknown> }): Promise<TimelineEntry> {
  const [row] = await transaction.query<{ id: number }>(
    `insert into movement_timeline (movement_id, at, kind, organization_id, actor_user_id, actor_username, actor_organization_id, detail)
     values ($1, $2::timestamptz, $3, $4, $5, $6, $7, $8::jsonb) returning id::int as id`,
    [movementId, step.at.toISOString(), step.kind, step.organizationId, actor.userId, actor.username, actor.organizationId, JSON.stringify(step.detail)],
  )
  return { id: row!.id, at: step.at.toISOString(), kind: step.kind, organizationId: step.organizationId, actor: { username: actor.username, organizationId: actor.organizationId }, detail: step.detail }
}

/** The timeline of a movement, oldest first (visibility follows the movement, checked by the caller). */
export async function listTimeline(database: Queryable, movementId: string): Promise<TimelineEntry[]> {
  const rows = await database.query<{ id: number; at: Date | string; kind: string; organization_id: string | null; actor_username: string; actor_organization_id: string | null; detail: Record<string, unknown> }>(
    'select id::int as id, at, kind, organization_id, actor_username, actor_organization_id, detail from movement_timeline where movement_id = $1 order by id', [movementId],
  )
  return rows.map((row) => ({ id: row.id, at: iso(row.at), kind: row.kind, organizationId: row.organization_id, actor: { username: row.actor_username, organizationId: row.actor_organization_id }, detail: row.detail }))
}

/** A room's members, buffer and notice periods, or null when there is no such room. */
export async function roomSettings(database: Queryable, roomId: string): Promise<{ members: string[]; bufferMeters: number; noticePeriods: Partial<Record<Precedence, number>> } | null> {
  const [row] = await database.query<{ member_organization_ids: string[]; buffer_meters: number; notice_periods: Partial<Record<Precedence, number>> }>(
    'select member_organization_ids, buffer_meters, notice_periods from rooms where id = $1', [roomId],
  )
  return row ? { members: row.member_organization_ids, bufferMeters: row.buffer_meters, noticePeriods: row.notice_periods ?? {} } : null
}

/** The largest deconfliction buffer of any room: how far a change can reach a movement. */
export async function largestBuffer(database: Queryable): Promise<number> {
  const [row] = await database.query<{ buffer: number | null }>('select max(buffer_meters) as buffer from rooms')
  return row?.buffer ?? 2000
}

/** The units among `ids` that exist, with their organization and who they are released to. */
export async function unitsByIds(database: Queryable, ids: readonly string[]): Promise<Array<{ id: string; organization_id: string; released_to: string[] }>> {
  return database.query('select id::text as id, organization_id, released_to from units where id = any($1::uuid[])', [ids])
}

/** The length of a GeoJSON line on the ellipsoid, in metres. */
export async function lineLengthMeters(database: Queryable, line: unknown): Promise<number> {
  const [row] = await database.query<{ meters: number }>('select st_length(st_force2d(st_setsrid(st_geomfromgeojson($1::text), 4326))::geography) as meters', [JSON.stringify(line)])
  return row?.meters ?? 0
}

/** Movements of a room in any status but draft and the final ones: those whose released set follows the room. */
export async function notifiedMovementsOfRoom(database: Queryable, roomId: string): Promise<string[]> {
  const rows = await database.query<{ id: string }>(`select id::text as id from movements where room_id = $1 and status not in ('draft') order by id`, [roomId])
  return rows.map((row) => row.id)
}

/** Movements whose window has ended without starting. */
export async function movementsToExpire(database: Queryable, now: Date): Promise<string[]> {
  const rows = await database.query<{ id: string }>(
    `select id::text as id from movements where status in ('draft', 'submitted', 'cleared', 'conflicted') and planned_end <= $1::timestamptz order by planned_end`, [now.toISOString()],
  )
  return rows.map((row) => row.id)
}

/** Affected parties without an answer whose movement starts within `minutes` of `now` (candidates for nudges). */
export async function unansweredPartiesDue(database: Queryable, now: Date, minutes: number): Promise<Array<{ movementId: string; organizationId: string }>> {
  const rows = await database.query<{ movement_id: string; organization_id: string }>(
    `select p.movement_id::text as movement_id, p.organization_id from movement_parties p join movements m on m.id = p.movement_id
     where p.affected and p.answer is null and p.escalated_at is null and m.status in ('submitted', 'conflicted')
       and m.planned_start - make_interval(mins => $2) <= $1::timestamptz
     order by m.planned_start, p.movement_id, p.organization_id`, [now.toISOString(), minutes],
  )
  return rows.map((row) => ({ movementId: row.movement_id, organizationId: row.organization_id }))
}

/** The movements a joint operation notified that are not over (draft, waiting or under way), oldest first. */
export async function liveMovementsOfOperation(database: Queryable, operationId: string): Promise<string[]> {
  const rows = await database.query<{ id: string }>(
    `select id::text as id from movements where operation_id = $1 and status in ('draft', 'submitted', 'cleared', 'conflicted', 'active') order by created_at, id`, [operationId],
  )
  return rows.map((row) => row.id)
}
