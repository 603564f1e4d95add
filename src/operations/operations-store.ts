/** SQL of joint operations: the plan (participants, features, phases), approvals, the live log and its photos. */
import type { Queryable } from '../platform/database/database.ts'
import type { Actor } from '../platform/auth/principal.ts'
import type { BoundingBox } from '../platform/geometry/geojson.ts'
import { releaseView, selectReleased, type ReleaseColumns, type Viewer } from '../releasability/released-store.ts'
import type { OperationStatus, ParticipantRole } from './core/operation-lifecycle.ts'
import type { PhotoType } from './core/log-photo.ts'
import type { LogEntry, Operation, OperationFeature, OperationSummary } from './operation-schemas.ts'
import { isoTime as iso } from '../platform/database/database.ts'

const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value))

interface OperationRow extends ReleaseColumns {
  id: string
  room_id: string
  name_ar: string
  name_ckb: string
  name_en: string
  objective: string
  h_hour: Date | string
  window_start: Date | string
  window_end: Date | string
  status: OperationStatus
  plan_revision: number
  proposed_at: Date | string | null
  approved_at: Date | string | null
  started_at: Date | string | null
  completed_at: Date | string | null
  cancelled_at: Date | string | null
  cancel_reason: string | null
  west: number | null
  south: number | null
  east: number | null
  north: number | null
  version: number
  created_at: Date | string
  updated_at: Date | string
}

const selectOperations = `select o.id::text as id, o.organization_id, o.room_id, o.name_ar, o.name_ckb, o.name_en, o.objective, o.h_hour, o.window_start, o.window_end,
    o.status, o.plan_revision, o.proposed_at, o.approved_at, o.started_at, o.completed_at, o.cancelled_at, o.cancel_reason,
    extent.west, extent.south, extent.east, extent.north,
    o.release_scope, o.release_organization_ids, o.release_room_id, o.released_to, o.version, o.created_at, o.updated_at
  from operations o
  left join lateral (select st_xmin(e) as west, st_ymin(e) as south, st_xmax(e) as east, st_ymax(e) as north
    from (select st_extent(f.geometry) as e from operation_features f where f.operation_id = o.id) as features) as extent on true`

function toSummary(row: OperationRow, viewer: Viewer): OperationSummary {
  return {
    id: row.id,
    organizationId: row.organization_id,
    roomId: row.room_id,
    names: { ar: row.name_ar, ckb: row.name_ckb, en: row.name_en },
    objective: row.objective,
    hHour: iso(row.h_hour),
    window: { start: iso(row.window_start), end: iso(row.window_end) },
    status: row.status,
    planRevision: row.plan_revision,
    bbox: row.west === null ? null : [row.west, row.south!, row.east!, row.north!],
    proposedAt: isoOrNull(row.proposed_at),
    approvedAt: isoOrNull(row.approved_at),
    startedAt: isoOrNull(row.started_at),
    completedAt: isoOrNull(row.completed_at),
    cancelledAt: isoOrNull(row.cancelled_at),
    cancelReason: row.cancel_reason,
    release: releaseView(row, viewer),
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  }
}

/** One operation released to the viewer, without its plan's parts. */
export async function findOperation(database: Queryable, viewer: Viewer, id: string): Promise<OperationSummary | null> {
  const rows = await selectReleased<OperationRow>(database, viewer, `${selectOperations} where o.id = $1 and {released:o}`, [id])
  return rows[0] ? toSummary(rows[0], viewer) : null
}

/** Operations released to the viewer, by H-hour, newest first. */
export async function listOperations(database: Queryable, viewer: Viewer, filter: { roomId?: string | undefined; status?: OperationStatus | undefined; limit: number }): Promise<OperationSummary[]> {
  const conditions = ['{released:o}']
  const parameters: unknown[] = []
  const add = (value: unknown) => `$${parameters.push(value)}`
  if (filter.roomId) conditions.push(`o.room_id = ${add(filter.roomId)}`)
  if (filter.status) conditions.push(`o.status = ${add(filter.status)}`)
  const rows = await selectReleased<OperationRow>(database, viewer, `${selectOperations} where ${conditions.join(' and ')} order by o.h_hour desc, o.id limit ${add(filter.limit)}`, parameters)
  return rows.map((row) => toSummary(row, viewer))
}

/** A participant as stored. */
export interface StoredParticipant {
  organizationId: string
  role: ParticipantRole
  unitIds: string[]
  liaison: { name: string; phone: string | null; radio: string | null } | null
}

/** The participants of an operation (visibility follows the operation, checked by the caller). */
export async function participantsOf(database: Queryable, operationId: string): Promise<StoredParticipant[]> {
  const rows = await database.query<{ organization_id: string; role: ParticipantRole; unit_ids: string[]; liaison_name: string | null; liaison_phone: string | null; liaison_radio: string | null }>(
    `select organization_id, role, unit_ids::text[] as unit_ids, liaison_name, liaison_phone, liaison_radio from operation_participants where operation_id = $1
     order by case role when 'lead' then 0 when 'participant' then 1 else 2 end, organization_id`, [operationId],
  )
  return rows.map((row) => ({
    organizationId: row.organization_id, role: row.role, unitIds: row.unit_ids,
    liaison: row.liaison_name === null ? null : { name: row.liaison_name, phone: row.liaison_phone, radio: row.liaison_radio },
  }))
}

/** An approval as stored. */
export interface StoredApproval {
  organizationId: string
  planRevision: number
  approvedAt: string
  approvedBy: string
}

/** Every approval given to an operation, oldest first. */
export async function approvalsOf(database: Queryable, operationId: string): Promise<StoredApproval[]> {
  const rows = await database.query<{ organization_id: string; plan_revision: number; approved_at: Date | string; approved_by_username: string }>(
    'select organization_id, plan_revision, approved_at, approved_by_username from operation_approvals where operation_id = $1 order by approved_at, organization_id', [operationId],
  )
  return rows.map((row) => ({ organizationId: row.organization_id, planRevision: row.plan_revision, approvedAt: iso(row.approved_at), approvedBy: row.approved_by_username }))
}

/** A feature (objective area or axis) as stored, with its measures. */
export interface StoredFeature {
  id: string
  key: string
  kind: 'objective' | 'axis'
  name: string
  organizationId: string | null
  unitIds: string[]
  size: { vehicles: number; personnel: number } | null
  geometry: { type: string; coordinates: unknown }
  bbox: [number, number, number, number]
  lengthKm: number | null
  areaKm2: number | null
}

interface FeatureRow {
  id: string
  key: string
  kind: 'objective' | 'axis'
  name: string
  feature_organization_id: string | null
  unit_ids: string[]
  vehicles: number | null
  personnel: number | null
  geometry: { type: string; coordinates: unknown }
  west: number
  south: number
  east: number
  north: number
  length_km: number | null
  area_km2: number | null
}

const featureColumns = `f.id::text as id, f.key, f.kind, f.name, f.organization_id as feature_organization_id, f.unit_ids::text[] as unit_ids, f.vehicles, f.personnel,
    st_asgeojson(f.geometry, 7)::json as geometry, st_xmin(f.geometry) as west, st_ymin(f.geometry) as south, st_xmax(f.geometry) as east, st_ymax(f.geometry) as north,
    case when f.kind = 'axis' then st_length(f.geometry::geography) / 1000.0 end as length_km,
    case when f.kind = 'objective' then st_area(f.geometry::geography) / 1000000.0 end as area_km2`

function toFeature(row: FeatureRow): StoredFeature {
  return {
    id: row.id, key: row.key, kind: row.kind, name: row.name, organizationId: row.feature_organization_id, unitIds: row.unit_ids,
    size: row.vehicles === null || row.personnel === null ? null : { vehicles: row.vehicles, personnel: row.personnel },
    geometry: row.geometry, bbox: [row.west, row.south, row.east, row.north], lengthKm: row.length_km, areaKm2: row.area_km2,
  }
}

/** The objective areas and axes of an operation, in the order of the plan. */
export async function featuresOf(database: Queryable, operationId: string): Promise<StoredFeature[]> {
  const rows = await database.query<FeatureRow>(`select ${featureColumns} from operation_features f where f.operation_id = $1 order by f.kind desc, f.ordinal, f.key`, [operationId])
  return rows.map(toFeature)
}

/** A phase as stored, with the keys of its axes. */
export interface StoredPhase {
  ordinal: number
  name: string
  startOffsetMinutes: number
  endOffsetMinutes: number
  axisKeys: string[]
}

/** The phases of an operation in order. */
export async function phasesOf(database: Queryable, operationId: string): Promise<StoredPhase[]> {
  const rows = await database.query<{ ordinal: number; name: string; start_offset_minutes: number; end_offset_minutes: number; axis_keys: string[] }>(
    `select p.ordinal, p.name, p.start_offset_minutes, p.end_offset_minutes,
       array(select f.key from unnest(p.axis_ids) with ordinality as a(id, n) join operation_features f on f.id = a.id order by a.n) as axis_keys
     from operation_phases p where p.operation_id = $1 order by p.ordinal`, [operationId],
  )
  return rows.map((row) => ({ ordinal: row.ordinal, name: row.name, startOffsetMinutes: row.start_offset_minutes, endOffsetMinutes: row.end_offset_minutes, axisKeys: row.axis_keys }))
}

/** The movements an operation notified that the viewer may see, by phase and axis. */
export async function movementsOf(database: Queryable, viewer: Viewer, operationId: string): Promise<Operation['movements']> {
  const rows = await selectReleased<{ id: string; organization_id: string; operation_axis_key: string | null; operation_phase_ordinal: number | null; status: Operation['movements'][number]['status']; planned_start: Date | string; planned_end: Date | string; affected: string[]; released_to: string[] }>(
    database, viewer,
    `select m.id::text as id, m.organization_id, m.operation_axis_key, m.operation_phase_ordinal, m.status, m.planned_start, m.planned_end, m.released_to,
       array(select p.organization_id from movement_parties p where p.movement_id = m.id and p.affected order by p.organization_id) as affected
     from movements m where m.operation_id = $1 and {released:m} order by m.created_at, m.operation_phase_ordinal, m.operation_axis_key`, [operationId],
  )
  return rows.map((row) => ({
    id: row.id, organizationId: row.organization_id, axisKey: row.operation_axis_key, phaseOrdinal: row.operation_phase_ordinal, status: row.status,
    plannedStart: iso(row.planned_start), plannedEnd: iso(row.planned_end), affectedOrganizationIds: row.affected,
  }))
}

/** What a write needs of a stored operation, locked for the rest of the transaction. */
export interface LockedOperation extends ReleaseColumns {
  id: string
  room_id: string
  name_ar: string
  name_ckb: string
  name_en: string
  objective: string
  h_hour: Date
  window_start: Date
  window_end: Date
  status: OperationStatus
  plan_revision: number
  version: number
}

/** The stored operation, locked, whoever may see it (writes check visibility themselves). */
export async function lockOperation(transaction: Queryable, id: string): Promise<LockedOperation | null> {
  const [row] = await transaction.query<Omit<LockedOperation, 'h_hour' | 'window_start' | 'window_end'> & { h_hour: Date | string; window_start: Date | string; window_end: Date | string }>(
    `select id::text as id, organization_id, room_id, name_ar, name_ckb, name_en, objective, h_hour, window_start, window_end, status, plan_revision, version,
       release_scope, release_organization_ids, release_room_id, released_to
     from operations where id = $1 for update`, [id],
  )
  if (!row) return null
  return { ...row, h_hour: new Date(row.h_hour), window_start: new Date(row.window_start), window_end: new Date(row.window_end) }
}

/** The plan's fields of the operations row. */
export interface OperationFields {
  names: { ar: string; ckb: string; en: string }
  objective: string
  hHour: Date
  window: { start: Date; end: Date }
}

/** Inserts an operation as a draft. */
export async function insertOperation(transaction: Queryable, operation: OperationFields & { id: string; organizationId: string; roomId: string; createdByUserId: string },
  release: Pick<ReleaseColumns, 'release_scope' | 'release_organization_ids' | 'release_room_id' | 'released_to'>): Promise<void> {
  await transaction.query(
    `insert into operations (id, organization_id, room_id, name_ar, name_ckb, name_en, objective, h_hour, window_start, window_end, status,
       release_scope, release_organization_ids, release_room_id, released_to, created_by_user_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9::timestamptz, $10::timestamptz, 'draft', $11, $12, $13, $14, $15)`,
    [operation.id, operation.organizationId, operation.roomId, operation.names.ar, operation.names.ckb, operation.names.en, operation.objective,
      operation.hHour.toISOString(), operation.window.start.toISOString(), operation.window.end.toISOString(),
      release.release_scope, release.release_organization_ids, release.release_room_id, release.released_to, operation.createdByUserId],
  )
}

/** Writes the plan's fields and release, bumps the version and (after proposal) the plan revision. */
export async function updateOperation(transaction: Queryable, id: string, operation: OperationFields & { status: OperationStatus; bumpRevision: boolean },
  release: Pick<ReleaseColumns, 'release_scope' | 'release_organization_ids' | 'release_room_id' | 'released_to'>): Promise<void> {
  await transaction.query(
    `update operations set name_ar = $2, name_ckb = $3, name_en = $4, objective = $5, h_hour = $6::timestamptz, window_start = $7::timestamptz, window_end = $8::timestamptz,
       status = $9, plan_revision = plan_revision + case when $10::boolean then 1 else 0 end, approved_at = case when $9 = 'approved' then approved_at end,
       release_scope = $11, release_organization_ids = $12, release_room_id = $13, released_to = $14, updated_at = now(), version = version + 1
     where id = $1`,
    [id, operation.names.ar, operation.names.ckb, operation.names.en, operation.objective, operation.hHour.toISOString(), operation.window.start.toISOString(),
      operation.window.end.toISOString(), operation.status, operation.bumpRevision, release.release_scope, release.release_organization_ids, release.release_room_id, release.released_to],
  )
}

const statusTimes: Partial<Record<OperationStatus, string>> = { proposed: 'proposed_at', approved: 'approved_at', active: 'started_at', completed: 'completed_at', cancelled: 'cancelled_at' }

/** Sets the status of an operation and the time it was reached (a cancellation keeps its reason). */
export async function setStatus(transaction: Queryable, id: string, status: OperationStatus, at: Date, cancelReason: string | null = null): Promise<void> {
  const column = statusTimes[status]
  await transaction.query(
    `update operations set status = $2, cancel_reason = coalesce($3::text, cancel_reason), ${column ? `${column} = $4::timestamptz,` : ''} updated_at = now(), version = version + 1 where id = $1`,
    [id, status, cancelReason, ...(column ? [at.toISOString()] : [])],
  )
}

/** Sets to whom an operation is released (after a room's members changed). */
export async function setReleasedTo(transaction: Queryable, id: string, releasedTo: readonly string[]): Promise<void> {
  await transaction.query('update operations set released_to = $2, updated_at = now(), version = version + 1 where id = $1', [id, releasedTo])
}

/** Replaces the participants of an operation. */
export async function replaceParticipants(transaction: Queryable, operationId: string, participants: ReadonlyArray<{ organizationId: string; role: ParticipantRole; unitIds: readonly string[]; liaison?: { name: string; phone?: string | undefined; radio?: string | undefined } | undefined }>): Promise<void> {
  await transaction.query('delete from operation_participants where operation_id = $1', [operationId])
  await transaction.query(
    `insert into operation_participants (operation_id, organization_id, role, unit_ids, liaison_name, liaison_phone, liaison_radio)
     select $1, p.organization_id, p.role, array(select jsonb_array_elements_text(p.unit_ids))::uuid[], p.liaison_name, p.liaison_phone, p.liaison_radio
     from jsonb_to_recordset($2::jsonb) as p(organization_id text, role text, unit_ids jsonb, liaison_name text, liaison_phone text, liaison_radio text)`,
    [operationId, JSON.stringify(participants.map((participant) => ({
      organization_id: participant.organizationId, role: participant.role, unit_ids: participant.unitIds,
      liaison_name: participant.liaison?.name ?? null, liaison_phone: participant.liaison?.phone ?? null, liaison_radio: participant.liaison?.radio ?? null,
    })))],
  )
}

/** A feature of the plan to store. */
export interface NewFeature {
  key: string
  kind: 'objective' | 'axis'
  name: string
  organizationId: string | null
  unitIds: readonly string[]
  size: { vehicles: number; personnel: number } | null
  geometry: unknown
}

/**
 * Replaces the features of an operation by key: a feature whose key remains keeps its id (the
 * map and findings keep following it), others are added or removed. Returns the ids by key and
 * the ids removed.
 */
export async function syncFeatures(transaction: Queryable, operationId: string, features: readonly NewFeature[], newId: () => string): Promise<{ idsByKey: Map<string, string>; removedIds: string[] }> {
  const existing = await transaction.query<{ id: string; key: string }>('select id::text as id, key from operation_features where operation_id = $1', [operationId])
  const keep = new Map(existing.map((row) => [row.key, row.id]))
  const idsByKey = new Map(features.map((feature) => [feature.key, keep.get(feature.key) ?? newId()]))
  const removed = existing.filter((row) => !idsByKey.has(row.key)).map((row) => row.id)
  // Phases refer to features: they are replaced after, so clear them first.
  await transaction.query('delete from operation_phases where operation_id = $1', [operationId])
  if (removed.length > 0) await transaction.query('delete from operation_features where id = any($1::uuid[])', [removed])
  if (features.length > 0) {
    await transaction.query(
      `insert into operation_features (id, operation_id, key, kind, name, organization_id, unit_ids, vehicles, personnel, geometry, ordinal)
       select f.id::uuid, $1, f.key, f.kind, f.name, f.organization_id, array(select jsonb_array_elements_text(f.unit_ids))::uuid[], f.vehicles, f.personnel,
         (select case when f.kind = 'axis' then g else st_multi(g) end from (select st_force2d(st_setsrid(st_geomfromgeojson(f.geometry::text), 4326)) as g) as drawn), f.ordinal
       from jsonb_to_recordset($2::jsonb) as f(id text, key text, kind text, name text, organization_id text, unit_ids jsonb, vehicles int, personnel int, geometry jsonb, ordinal int)
       on conflict (id) do update set key = excluded.key, kind = excluded.kind, name = excluded.name, organization_id = excluded.organization_id, unit_ids = excluded.unit_ids,
         vehicles = excluded.vehicles, personnel = excluded.personnel, geometry = excluded.geometry, ordinal = excluded.ordinal`,
      [operationId, JSON.stringify(features.map((feature, ordinal) => ({
        id: idsByKey.get(feature.key), key: feature.key, kind: feature.kind, name: feature.name, organization_id: feature.organizationId, unit_ids: feature.unitIds,
        vehicles: feature.size?.vehicles ?? null, personnel: feature.size?.personnel ?? null, geometry: feature.geometry, ordinal,
      })))],
    )
  }
  return { idsByKey, removedIds: removed }
}

/** Stores the phases of an operation (after `syncFeatures` cleared them), numbered from 1. */
export async function insertPhases(transaction: Queryable, operationId: string, phases: ReadonlyArray<{ name: string; startOffsetMinutes: number; endOffsetMinutes: number; axisIds: readonly string[] }>, newId: () => string): Promise<void> {
  if (phases.length === 0) return
  await transaction.query(
    `insert into operation_phases (id, operation_id, ordinal, name, start_offset_minutes, end_offset_minutes, axis_ids)
     select p.id::uuid, $1, p.ordinal, p.name, p.start_offset_minutes, p.end_offset_minutes, array(select jsonb_array_elements_text(p.axis_ids))::uuid[]
     from jsonb_to_recordset($2::jsonb) as p(id text, ordinal int, name text, start_offset_minutes int, end_offset_minutes int, axis_ids jsonb)`,
    [operationId, JSON.stringify(phases.map((phase, index) => ({
      id: newId(), ordinal: index + 1, name: phase.name, start_offset_minutes: phase.startOffsetMinutes, end_offset_minutes: phase.endOffsetMinutes, axis_ids: phase.axisIds,
    })))],
  )
}

/** Records an organization's approval of a plan revision. */
export async function insertApproval(transaction: Queryable, operationId: string, approval: { organizationId: string; planRevision: number; at: Date; userId: string; username: string }): Promise<void> {
  await transaction.query(
    `insert into operation_approvals (operation_id, organization_id, plan_revision, approved_at, approved_by_user_id, approved_by_username) values ($1, $2, $3, $4::timestamptz, $5, $6)`,
    [operationId, approval.organizationId, approval.planRevision, approval.at.toISOString(), approval.userId, approval.username],
  )
}

/** The extent of an operation's features (null without any) and its window: what the deconfliction weighs. */
export async function extentOf(database: Queryable, operationId: string): Promise<{ bounds: [number, number, number, number]; window: { from: Date; to: Date } } | null> {
  const [row] = await database.query<{ west: number | null; south: number; east: number; north: number; window_start: Date | string; window_end: Date | string }>(
    `select st_xmin(e) as west, st_ymin(e) as south, st_xmax(e) as east, st_ymax(e) as north, o.window_start, o.window_end
     from operations o, lateral (select st_extent(f.geometry) as e from operation_features f where f.operation_id = o.id) as features where o.id = $1`, [operationId],
  )
  if (!row || row.west === null) return null
  return { bounds: [row.west, row.south, row.east, row.north], window: { from: new Date(row.window_start), to: new Date(row.window_end) } }
}

/** The member organizations of a room (one query, kept with the rooms). */
export { roomMembers } from '../rooms/rooms-store.ts'

/** Operations released to a room's members through their release (re-released when the room's members change). */
export async function operationsReleasedToRoom(database: Queryable, roomId: string): Promise<string[]> {
  const rows = await database.query<{ id: string }>(`select id::text as id from operations where release_scope = 'room' and release_room_id = $1 order by id`, [roomId])
  return rows.map((row) => row.id)
}

/** The units among `ids` that exist, with their organization and who they are released to. */
export async function unitsByIds(database: Queryable, ids: readonly string[]): Promise<Array<{ id: string; organization_id: string; released_to: string[] }>> {
  if (ids.length === 0) return []
  return database.query('select id::text as id, organization_id, released_to from units where id = any($1::uuid[])', [ids])
}

/** The length of a GeoJSON line on the ellipsoid, in metres. */
export async function lineLengthMeters(database: Queryable, line: unknown): Promise<number> {
  const [row] = await database.query<{ meters: number }>('select st_length(st_force2d(st_setsrid(st_geomfromgeojson($1::text), 4326))::geography) as meters', [JSON.stringify(line)])
  return row?.meters ?? 0
}

// The map's view of the features: each with what the map shows of its operation.

interface FeatureWithOperationRow extends FeatureRow, ReleaseColumns {
  operation_id: string
  lead: string
  room_id: string
  name_ar: string
  name_ckb: string
  name_en: string
  status: OperationStatus
  plan_revision: number
  h_hour: Date | string
  window_start: Date | string
  window_end: Date | string
}

const selectFeaturesWithOperation = `select ${featureColumns}, o.id::text as operation_id, o.organization_id as lead, o.organization_id, o.room_id, o.name_ar, o.name_ckb, o.name_en,
    o.status, o.plan_revision, o.h_hour, o.window_start, o.window_end, o.release_scope, o.release_organization_ids, o.release_room_id, o.released_to
  from operation_features f join operations o on o.id = f.operation_id`

function toOperationFeature(row: FeatureWithOperationRow): OperationFeature {
  const feature = toFeature(row)
  return {
    id: feature.id, operationId: row.operation_id, kind: feature.kind, key: feature.key, name: feature.name, organizationId: feature.organizationId ?? row.lead,
    unitIds: feature.unitIds, geometry: feature.geometry as OperationFeature['geometry'], bbox: feature.bbox,
    operation: {
      names: { ar: row.name_ar, ckb: row.name_ckb, en: row.name_en }, leadOrganizationId: row.lead, roomId: row.room_id, status: row.status,
      planRevision: row.plan_revision, hHour: iso(row.h_hour), window: { start: iso(row.window_start), end: iso(row.window_end) },
    },
  }
}

/** The features of operations released to the viewer (cancelled ones left out), by id after `afterId`: the 'operations' layer. */
export async function listFeatures(database: Queryable, viewer: Viewer, filter: { roomId?: string | undefined; bbox?: BoundingBox | undefined; afterId?: string | undefined; limit: number }): Promise<OperationFeature[]> {
  const conditions = ['{released:o}', `o.status <> 'cancelled'`]
  const parameters: unknown[] = []
  const add = (value: unknown) => `$${parameters.push(value)}`
  if (filter.roomId) conditions.push(`o.room_id = ${add(filter.roomId)}`)
  if (filter.bbox) conditions.push(`f.geometry && st_makeenvelope(${filter.bbox.map((value) => add(value)).join(', ')}, 4326)`)
  if (filter.afterId) conditions.push(`f.id > ${add(filter.afterId)}::uuid`)
  const rows = await selectReleased<FeatureWithOperationRow>(database, viewer, `${selectFeaturesWithOperation} where ${conditions.join(' and ')} order by f.id limit ${add(filter.limit)}`, parameters)
  return rows.map(toOperationFeature)
}

/** The features of one operation as the map shows them, whoever may see them (for publishing; the caller knows the release). */
export async function operationFeatures(database: Queryable, operationId: string): Promise<OperationFeature[]> {
  const rows = await database.query<FeatureWithOperationRow>(`${selectFeaturesWithOperation} where o.id = $1 order by f.id`, [operationId])
  return rows.map(toOperationFeature)
}

// The live log.

interface LogRow extends ReleaseColumns {
  id: string
  operation_id: string
  room_id: string
  at: Date | string
  author_organization_id: string
  author_username: string
  text: string
  location: { type: 'Point'; coordinates: [number, number] } | null
  unit_id: string | null
  photo_id: string | null
  photo_file_name: string | null
  photo_content_type: string | null
  photo_size_bytes: number | null
  photo_sha256: string | null
  created_at: Date | string
}

const selectLog = `select l.id::text as id, l.operation_id::text as operation_id, o.room_id, l.at, l.organization_id as author_organization_id, l.author_username, l.text,
    st_asgeojson(l.location, 7)::json as location, l.unit_id::text as unit_id,
    p.id::text as photo_id, p.file_name as photo_file_name, p.content_type as photo_content_type, p.size_bytes as photo_size_bytes, p.sha256 as photo_sha256,
    l.created_at, o.organization_id, o.release_scope, o.release_organization_ids, o.release_room_id, o.released_to
  from operation_log l join operations o on o.id = l.operation_id left join operation_log_photos p on p.id = l.photo_attachment_id`

function toLogEntry(row: LogRow): LogEntry {
  return {
    id: row.id, operationId: row.operation_id, at: iso(row.at), organizationId: row.author_organization_id, author: row.author_username, text: row.text,
    location: row.location, unitId: row.unit_id,
    photo: row.photo_id === null ? null : { id: row.photo_id, fileName: row.photo_file_name!, contentType: row.photo_content_type!, sizeBytes: row.photo_size_bytes!, sha256: row.photo_sha256! },
    roomId: row.room_id, createdAt: iso(row.created_at),
  }
}

/** The log of an operation released to the viewer, oldest first. */
export async function listLog(database: Queryable, viewer: Viewer, operationId: string, filter: { since?: string | undefined; limit: number }): Promise<LogEntry[]> {
  const parameters: unknown[] = [operationId]
  const since = filter.since ? `and l.at >= $${parameters.push(filter.since)}::timestamptz` : ''
  const rows = await selectReleased<LogRow>(database, viewer, `${selectLog} where l.operation_id = $1 ${since} and {released:o} order by l.at, l.id limit $${parameters.push(filter.limit)}`, parameters)
  return rows.map(toLogEntry)
}

/** One log entry, whoever may see it (for publishing; the caller knows the release). */
export async function logEntry(database: Queryable, id: string): Promise<LogEntry | null> {
  const [row] = await database.query<LogRow>(`${selectLog} where l.id = $1`, [id])
  return row ? toLogEntry(row) : null
}

/** Log entries of operations released to the viewer, by id after `afterId`: the 'operation-log' layer. */
export async function listLogEntries(database: Queryable, viewer: Viewer, filter: { roomId?: string | undefined; bbox?: BoundingBox | undefined; afterId?: string | undefined; limit: number }): Promise<LogEntry[]> {
  const conditions = ['{released:o}']
  const parameters: unknown[] = []
  const add = (value: unknown) => `$${parameters.push(value)}`
  if (filter.roomId) conditions.push(`o.room_id = ${add(filter.roomId)}`)
  if (filter.bbox) conditions.push(`l.location && st_makeenvelope(${filter.bbox.map((value) => add(value)).join(', ')}, 4326)`)
  if (filter.afterId) conditions.push(`l.id > ${add(filter.afterId)}::uuid`)
  const rows = await selectReleased<LogRow>(database, viewer, `${selectLog} where ${conditions.join(' and ')} order by l.id limit ${add(filter.limit)}`, parameters)
  return rows.map(toLogEntry)
}

/** Stores a photo of the log. */
export async function insertPhoto(transaction: Queryable, photo: { id: string; operationId: string; fileName: string; contentType: PhotoType; sha256: string; content: Buffer }): Promise<void> {
  await transaction.query(
    `insert into operation_log_photos (id, operation_id, file_name, content_type, size_bytes, sha256, content) values ($1, $2, $3, $4, $5, $6, decode($7, 'base64'))`,
    [photo.id, photo.operationId, photo.fileName, photo.contentType, photo.content.length, photo.sha256, photo.content.toString('base64')],
  )
}

/** Appends an entry to the log. */
export async function insertLogEntry(transaction: Queryable, entry: { id: string; operationId: string; at: Date; actor: Actor & { userId: string; organizationId: string }; text: string; location: unknown; unitId: string | null; photoId: string | null }): Promise<void> {
  await transaction.query(
    `insert into operation_log (id, operation_id, at, organization_id, author_user_id, author_username, text, location, unit_id, photo_attachment_id)
     values ($1, $2, $3::timestamptz, $4, $5, $6, $7, case when $8::text is null then null else st_setsrid(st_force2d(st_geomfromgeojson($8::text)), 4326) end, $9::uuid, $10::uuid)`,
    [entry.id, entry.operationId, entry.at.toISOString(), entry.actor.organizationId, entry.actor.userId, entry.actor.username, entry.text,
      entry.location === undefined || entry.location === null ? null : JSON.stringify(entry.location), entry.unitId, entry.photoId],
  )
}

/** The photo of a log entry with its content, if the operation is released to the viewer. */
export async function findPhoto(database: Queryable, viewer: Viewer, operationId: string, entryId: string): Promise<{ fileName: string; contentType: string; sha256: string; content: Buffer } | null> {
  const rows = await selectReleased<{ file_name: string; content_type: string; sha256: string; content: Uint8Array; released_to: string[] }>(database, viewer,
    `select p.file_name, p.content_type, p.sha256, p.content, o.released_to
     from operation_log l join operations o on o.id = l.operation_id join operation_log_photos p on p.id = l.photo_attachment_id
     where l.operation_id = $1 and l.id = $2 and {released:o}`, [operationId, entryId])
  const row = rows[0]
  return row ? { fileName: row.file_name, contentType: row.content_type, sha256: row.sha256, content: Buffer.from(row.content) } : null
}
