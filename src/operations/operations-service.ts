/**
 * Joint operations: the plan shared by a lead and its partners, its lifecycle with an approval
 * by a commander of each participating organization, the movement notifications its axes
 * produce, and the live log. Every change and its audit entry commit in one transaction; after
 * the commit the operation's features are published on the bus (layer 'operations', the map) and
 * log entries too (layer 'operation-log').
 *
 * Movements: when the operation is approved (every approving organization approved the current
 * plan revision), each axis a phase moves along becomes a movement notification of the axis's
 * organization for the phase's window, created and submitted through the movements capability in
 * the same transaction, so the impact analysis runs and affected organizations are told. They are
 * cancelled when the operation is cancelled or its plan amended (a new plan needs approval again,
 * and its approval notifies the movements again); at completion those under way complete and the
 * others are cancelled. From proposal on, the operation's axes and objective areas weigh in the
 * deconfliction of every other movement (migration 0012); those of one operation never conflict
 * with each other.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { Database, Queryable } from '../platform/database/database.ts'
import { actorOf, type Actor, type Principal } from '../platform/auth/principal.ts'
import type { EventBus } from '../platform/event-bus.ts'
import { TansiqError } from '../platform/errors.ts'
import { assertValidGeometry } from '../platform/geometry/geometry-check.ts'
import type { Geometry } from '../platform/geometry/geojson.ts'
import { appendAuditEntry } from '../audit/audit-log.ts'
import type { PictureChange } from '../live/picture-change.ts'
import { resolveRelease, type Viewer } from '../releasability/released-store.ts'
import type { Release } from '../releasability/release-schemas.ts'
import { startTooFarInPast, maxStartInPastMinutes } from '../movements/core/movement-deadlines.ts'
import type { Announcement, MovementsService } from '../movements/movements-service.ts'
import { isTooFarInFuture } from '../reports/core/report-time.ts'
import {
  amendmentOutcome, approvalOutcome, approvingOrganizations, deconflictedStatuses, leadActorDecision, logDecision, pendingApprovals, planningRoles,
  releaseDecision, startOutcome, transition, type Decision, type OperationStatus,
} from './core/operation-lifecycle.ts'
import { phaseWindow, planProblems, plannedMovements, type Plan, type PlanProblem } from './core/operation-plan.ts'
import { checkPhoto } from './core/log-photo.ts'
import type { AddLogEntryInput, AmendOperationInput, CreateOperationInput, ListOperationsQuery, LogEntry, Operation, OperationSummary } from './operation-schemas.ts'
import * as store from './operations-store.ts'

export type OperationsService = ReturnType<typeof createOperationsService>

/** The plan as a request states it (a creation, or an amendment merged over the stored plan). */
type PlanInput = Pick<CreateOperationInput, 'names' | 'objective' | 'hHour' | 'window' | 'participants' | 'objectiveAreas' | 'axes' | 'phases'>

/** Movements the operations capability notifies are recorded as its doing, with the request that caused them. */
const operationsActor = (requestId: string | null): Actor => ({ userId: null, username: 'system:operations', organizationId: null, requestId })

function decided<T>(decision: Decision<T>): T {
  if (!decision.allowed) throw new TansiqError(decision.problem, decision.reason)
  return decision.value
}

function planInvalid(problems: readonly PlanProblem[]): never {
  const [first] = problems
  throw new TansiqError('plan-invalid', problems.length === 1 ? first!.message : `${first!.message} (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`, { problems })
}

function planOf(lead: string, input: PlanInput): Plan {
  return {
    leadOrganizationId: lead,
    hHour: new Date(input.hHour),
    window: { start: new Date(input.window.start), end: new Date(input.window.end) },
    participants: input.participants,
    objectiveAreas: input.objectiveAreas,
    axes: input.axes,
    phases: input.phases,
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join()

/** Builds the joint operations capability over the movements capability (for the notifications its axes produce). */
export function createOperationsService(options: {
  database: Database
  bus: EventBus<PictureChange>
  movements: MovementsService
  clock?: () => Date
  /** Told after every published change of an operation (plan, status, release), with whom it was released to before. */
  onChanged?: (operationId: string, previouslyReleasedTo: readonly string[]) => void
}) {
  const { database, bus, movements } = options
  const clock = options.clock ?? (() => new Date())

  /** Checks what the plan's rules cannot see: the room and its members, the organizations, the units and the geometry. */
  async function checkPlanAgainstStorage(queryable: Queryable, lead: string, roomId: string, input: PlanInput): Promise<void> {
    const members = await store.roomMembers(queryable, roomId)
    if (!members) throw new TansiqError('unprocessable', `Unknown room ${roomId}`)
    if (!members.includes(lead)) throw new TansiqError('unprocessable', `Your organization is not a member of room ${roomId}: an operation is planned in a room you sit in`)
    const problems: PlanProblem[] = []
    const organizationIds = input.participants.map((participant) => participant.organizationId)
    const known = await queryable.query<{ id: string }>('select id from organizations where id = any($1::text[])', [organizationIds])
    input.participants.forEach((participant, index) => {
      if (!known.some((row) => row.id === participant.organizationId)) problems.push({ path: `participants.${index}.organizationId`, message: `Unknown organization ${participant.organizationId}` })
      else if (!members.includes(participant.organizationId)) {
        problems.push({ path: `participants.${index}.organizationId`, message: `${participant.organizationId} is not a member of room ${roomId}: every participant sits in the operation's room` })
      }
    })
    const units = await store.unitsByIds(queryable, [...new Set(input.participants.flatMap((participant) => participant.unitIds))])
    input.participants.forEach((participant, index) => participant.unitIds.forEach((id, unitIndex) => {
      const unit = units.find((row) => row.id === id)
      const path = `participants.${index}.unitIds.${unitIndex}`
      // A unit not released to the lead is as unknown to it as one that does not exist.
      if (!unit || !unit.released_to.includes(lead)) problems.push({ path, message: `Unknown unit ${id}` })
      else if (unit.organization_id !== participant.organizationId) problems.push({ path, message: `Unit ${id} belongs to ${unit.organization_id}, not to ${participant.organizationId}` })
    }))
    if (problems.length > 0) planInvalid(problems)
    for (const [index, area] of input.objectiveAreas.entries()) await assertValidGeometry(queryable, area.geometry, `objective area ${index + 1} (${area.key})`)
    for (const [index, axis] of input.axes.entries()) {
      await assertValidGeometry(queryable, axis.geometry, `axis ${index + 1} (${axis.key})`)
      if ((await store.lineLengthMeters(queryable, axis.geometry)) <= 0) throw new TansiqError('invalid-geometry', `The axis ${axis.key} has zero length on the ground: its points must be apart`)
    }
  }

  /** The effective release: the requested one, always with every participant. */
  async function releaseFor(queryable: Queryable, lead: string, release: Release, participants: readonly string[]) {
    const resolved = await resolveRelease(queryable, lead, release)
    return { ...resolved, released_to: [...new Set([...resolved.released_to, ...participants])].sort() }
  }

  /** Writes the plan's parts: participants, features (ids kept by key), phases. Returns the ids of features removed. */
  async function writePlan(transaction: Queryable, operationId: string, input: PlanInput): Promise<string[]> {
    await store.replaceParticipants(transaction, operationId, input.participants)
    const { idsByKey, removedIds } = await store.syncFeatures(transaction, operationId, [
      ...input.objectiveAreas.map((area) => ({ key: area.key, kind: 'objective' as const, name: area.name, organizationId: area.organizationId ?? null, unitIds: [], size: null, geometry: area.geometry })),
      ...input.axes.map((axis) => ({ key: axis.key, kind: 'axis' as const, name: axis.name, organizationId: axis.organizationId ?? null, unitIds: axis.unitIds, size: axis.size ?? null, geometry: axis.geometry })),
    ], randomUUID)
    await store.insertPhases(transaction, operationId, input.phases.map((phase) => ({ ...phase, axisIds: phase.axisKeys.map((key) => idsByKey.get(key)!) })), randomUUID)
    return removedIds
  }

  /** The stored plan in the shape of a request, for an amendment to be merged over. */
  async function storedPlan(queryable: Queryable, row: store.LockedOperation): Promise<PlanInput> {
    const participants = await store.participantsOf(queryable, row.id)
    const features = await store.featuresOf(queryable, row.id)
    const phases = await store.phasesOf(queryable, row.id)
    const liaisonOf = (liaison: store.StoredParticipant['liaison']) => liaison === null ? undefined
      : { name: liaison.name, ...(liaison.phone === null ? {} : { phone: liaison.phone }), ...(liaison.radio === null ? {} : { radio: liaison.radio }) }
    return {
      names: { ar: row.name_ar, ckb: row.name_ckb, en: row.name_en },
      objective: row.objective,
      hHour: row.h_hour.toISOString(),
      window: { start: row.window_start.toISOString(), end: row.window_end.toISOString() },
      participants: participants.map((participant) => ({ organizationId: participant.organizationId, role: participant.role, unitIds: participant.unitIds, liaison: liaisonOf(participant.liaison) })),
      objectiveAreas: features.filter((feature) => feature.kind === 'objective').map((feature) => ({
        key: feature.key, name: feature.name, ...(feature.organizationId === null ? {} : { organizationId: feature.organizationId }), geometry: feature.geometry as PlanInput['objectiveAreas'][number]['geometry'],
      })),
      axes: features.filter((feature) => feature.kind === 'axis').map((feature) => ({
        key: feature.key, name: feature.name, ...(feature.organizationId === null ? {} : { organizationId: feature.organizationId }), unitIds: feature.unitIds,
        ...(feature.size === null ? {} : { size: feature.size }), geometry: feature.geometry as PlanInput['axes'][number]['geometry'],
      })),
      phases: phases.map((phase) => ({ name: phase.name, startOffsetMinutes: phase.startOffsetMinutes, endOffsetMinutes: phase.endOffsetMinutes, axisKeys: phase.axisKeys })),
    }
  }

  /** Loads an operation for a write: it must exist and be released to the principal (else it does not exist for them). */
  async function lockVisible(transaction: Queryable, principal: Principal, id: string): Promise<store.LockedOperation> {
    const row = await store.lockOperation(transaction, id)
    if (!row || !row.released_to.includes(principal.organizationId)) throw new TansiqError('not-found', `No operation ${id}`)
    return row
  }

  async function lockAsLead(transaction: Queryable, principal: Principal, id: string, action: string): Promise<store.LockedOperation> {
    const row = await lockVisible(transaction, principal, id)
    decided(leadActorDecision({ leadOrganizationId: row.organization_id }, principal, action))
    return row
  }

  async function audit(transaction: Queryable, actor: Actor, id: string, action: string, change: Record<string, unknown>, visibleTo: readonly string[]): Promise<void> {
    await appendAuditEntry(transaction, actor, { action: `operation.${action}`, objectType: 'operation', objectId: id, change, visibleTo: [...visibleTo] })
  }

  /**
   * Publishes the operation's features as they now stand (layer 'operations'): each to everyone
   * the operation is released to; removed features, and all of a cancelled operation, as deletions.
   * When its release changed, its log entries too (layer 'operation-log'), so that those who lost
   * sight drop them and those who gained it get them.
   */
  async function publish(id: string, change: { before?: readonly string[] | undefined; removedFeatureIds?: readonly string[] | undefined } = {}): Promise<void> {
    const [row] = await database.query<{ organization_id: string; released_to: string[]; room_id: string; status: OperationStatus }>('select organization_id, released_to, room_id, status from operations where id = $1', [id])
    if (!row) return
    const before = change.before ?? row.released_to
    const lost = before.filter((organization) => !row.released_to.includes(organization))
    for (const removed of change.removedFeatureIds ?? []) {
      bus.publish({ layer: 'operations', kind: 'delete', id: removed, releasedTo: [], previouslyReleasedTo: [...new Set([...before, ...row.released_to])], roomIds: [row.room_id], bbox: null, data: null })
    }
    for (const feature of await store.operationFeatures(database, id)) {
      if (row.status === 'cancelled') {
        bus.publish({ layer: 'operations', kind: 'delete', id: feature.id, releasedTo: [], previouslyReleasedTo: [...new Set([...before, ...row.released_to])], roomIds: [row.room_id], bbox: feature.bbox, data: null })
        continue
      }
      bus.publish({
        layer: 'operations', kind: 'upsert', id: feature.id, releasedTo: row.released_to, ...(lost.length > 0 ? { previouslyReleasedTo: before } : {}),
        roomIds: [row.room_id], bbox: feature.bbox, data: feature,
      })
    }
    options.onChanged?.(id, before)
    if (sameSet(before, row.released_to)) return
    // Read as the lead, which always sees its operation; the log stays readable after a cancellation.
    for (const entry of await store.listLog(database, { organizationId: row.organization_id }, id, { limit: Number.MAX_SAFE_INTEGER })) {
      const point = entry.location?.coordinates
      bus.publish({
        layer: 'operation-log', kind: 'upsert', id: entry.id, releasedTo: row.released_to, ...(lost.length > 0 ? { previouslyReleasedTo: before } : {}),
        roomIds: [row.room_id], bbox: point ? [point[0], point[1], point[0], point[1]] : null, data: entry,
      })
    }
  }

  /** After commit: the movements' announcements, the features published, and the deconfliction told where the operation's objects were and are. */
  async function afterCommit(id: string, outcome: { announcements?: readonly Announcement[]; before?: readonly string[]; removedFeatureIds?: readonly string[]; reanalyse?: { extents: Array<Awaited<ReturnType<typeof store.extentOf>>>; trigger: string } }): Promise<void> {
    for (const announce of outcome.announcements ?? []) await announce()
    await publish(id, outcome)
    for (const extent of outcome.reanalyse?.extents ?? []) if (extent) movements.reanalyseNearOperation(id, extent, outcome.reanalyse!.trigger)
  }

  async function detail(viewer: Viewer, id: string): Promise<Operation> {
    const summary = await store.findOperation(database, viewer, id)
    if (!summary) throw new TansiqError('not-found', `No operation ${id}`)
    return assemble(viewer, summary)
  }

  async function assemble(viewer: Viewer, summary: OperationSummary): Promise<Operation> {
    const id = summary.id
    const [participants, approvals, features, phases, produced] = [
      await store.participantsOf(database, id), await store.approvalsOf(database, id), await store.featuresOf(database, id), await store.phasesOf(database, id),
      await store.movementsOf(database, viewer, id),
    ]
    const approving = approvingOrganizations(participants)
    const hHour = new Date(summary.hHour)
    const lead = summary.organizationId
    return {
      ...summary,
      participants: participants.map((participant) => {
        const approval = approvals.find((candidate) => candidate.organizationId === participant.organizationId && candidate.planRevision === summary.planRevision)
        return { ...participant, approves: approving.includes(participant.organizationId), approval: approval ? { planRevision: approval.planRevision, approvedAt: approval.approvedAt, approvedBy: approval.approvedBy } : null }
      }),
      objectiveAreas: features.filter((feature) => feature.kind === 'objective').map((feature) => ({
        id: feature.id, key: feature.key, name: feature.name, organizationId: feature.organizationId ?? lead, geometry: feature.geometry as Operation['objectiveAreas'][number]['geometry'], areaKm2: feature.areaKm2 ?? 0,
      })),
      axes: features.filter((feature) => feature.kind === 'axis').map((feature) => {
        const organizationId = feature.organizationId ?? lead
        const brought = participants.find((participant) => participant.organizationId === organizationId)?.unitIds ?? []
        return {
          id: feature.id, key: feature.key, name: feature.name, organizationId, unitIds: feature.unitIds.length > 0 ? feature.unitIds : brought, size: feature.size,
          geometry: feature.geometry as Operation['axes'][number]['geometry'], lengthKm: feature.lengthKm ?? 0,
        }
      }),
      phases: phases.map((phase) => {
        const window = phaseWindow(hHour, phase)
        return { ...phase, start: window.start.toISOString(), end: window.end.toISOString() }
      }),
      approvals,
      pendingApprovals: summary.status === 'draft' || summary.status === 'cancelled' ? approving : pendingApprovals(participants, approvals, summary.planRevision),
      movements: produced,
    }
  }

  /**
   * Notifies, in the approval's transaction, the movements the approved plan produces: each axis
   * a phase moves along, for the phase's window, as a movement of the axis's organization.
   */
  async function notifyMovements(transaction: Queryable, row: store.LockedOperation, requestId: string, now: Date): Promise<{ ids: string[]; announcements: Announcement[] }> {
    const input = await storedPlan(transaction, row)
    const plan = planOf(row.organization_id, input)
    const planned = plannedMovements(plan)
    const late = planned.filter((movement) => startTooFarInPast(movement.start, now))
    if (late.length > 0) {
      planInvalid(late.map((movement) => ({
        path: `phases.${movement.phaseOrdinal - 1}`,
        message: `Phase ${movement.phaseOrdinal} starts at ${movement.start.toISOString()}, more than ${maxStartInPastMinutes} minutes ago: its movement along ${movement.axisKey} cannot be notified; amend the plan (H-hour or the phase)`,
      })))
    }
    const ids: string[] = []
    const announcements: Announcement[] = []
    for (const movement of planned) {
      const axis = input.axes.find((candidate) => candidate.key === movement.axisKey)!
      const phase = input.phases[movement.phaseOrdinal - 1]!
      const notified = await movements.notifyForOperation(transaction, operationsActor(requestId), {
        operationId: row.id, axisKey: movement.axisKey, phaseOrdinal: movement.phaseOrdinal, organizationId: movement.organizationId, roomId: row.room_id,
        unitIds: movement.unitIds, route: axis.geometry as Geometry, plannedStart: movement.start, plannedEnd: movement.end, size: axis.size ?? { vehicles: 0, personnel: 0 },
        purpose: `Joint operation ${row.name_en} (${row.name_ar} / ${row.name_ckb}), phase ${movement.phaseOrdinal} "${phase.name}": along ${axis.name}`,
        liaison: { name: movement.liaison.name, phone: movement.liaison.phone ?? undefined, radio: movement.liaison.radio ?? undefined },
        precedence: 'routine',
        noticeJustification: `Notified by joint operation ${row.name_en} (${row.id}) when every participating organization approved revision ${row.plan_revision} of its plan at ${now.toISOString()}; phase ${movement.phaseOrdinal} is planned relative to H-hour ${row.h_hour.toISOString()}`,
      }, now)
      ids.push(notified.id)
      announcements.push(notified.announce)
    }
    return { ids, announcements }
  }

  /** Cancels or completes the movements the operation notified, in the caller's transaction. */
  const endMovements = (transaction: Queryable, row: store.LockedOperation, requestId: string, outcome: 'cancel' | 'complete', reason: string, now: Date) =>
    movements.endForOperation(transaction, operationsActor(requestId), row.id, outcome, reason, now)

  /** Re-releases the operations released to a room after its members changed (participants always keep sight). */
  async function refreshRoom(roomId: string): Promise<void> {
    for (const id of await store.operationsReleasedToRoom(database, roomId)) {
      const before = await database.transaction(async (transaction) => {
        const row = await store.lockOperation(transaction, id)
        if (!row) return null
        const participants = (await store.participantsOf(transaction, id)).map((participant) => participant.organizationId)
        const release = await releaseFor(transaction, row.organization_id, { scope: 'room', roomId }, participants)
        if (sameSet(release.released_to, row.released_to)) return null
        await store.setReleasedTo(transaction, id, release.released_to)
        await audit(transaction, { userId: null, username: 'system:releasability', organizationId: null, requestId: null }, id, 'release-changed',
          { trigger: 'room-changed', before: row.released_to, after: release.released_to }, [...new Set([...row.released_to, ...release.released_to])])
        return row.released_to
      })
      if (before) await publish(id, { before })
    }
  }

  bus.subscribe((change) => {
    if (change.layer === 'rooms') refreshRoom(change.id).catch((error: unknown) => console.error('operations: re-release after a room change failed', error))
  })

  /** A lifecycle step of the lead: propose, start, complete or cancel. */
  async function leadStep(principal: Principal, id: string, action: 'propose' | 'start' | 'complete' | 'cancel', requestId: string, reason: string | null = null): Promise<Operation> {
    const now = clock()
    const outcome = await database.transaction(async (transaction) => {
      const row = await lockAsLead(transaction, principal, id, action)
      let next: OperationStatus
      if (action === 'start') {
        const participants = await store.participantsOf(transaction, id)
        next = decided(startOutcome({ status: row.status, leadOrganizationId: row.organization_id, planRevision: row.plan_revision, participants, approvals: await store.approvalsOf(transaction, id) }))
      } else {
        next = decided(transition(row.status, action))
      }
      if (action === 'propose') {
        // A draft could be saved while a unit was still unknown to it; the proposal is checked as a whole.
        const input = await storedPlan(transaction, row)
        const problems = planProblems(planOf(row.organization_id, input))
        if (problems.length > 0) planInvalid(problems)
      }
      const extent = await store.extentOf(transaction, id)
      await store.setStatus(transaction, id, next, now, action === 'cancel' ? reason : null)
      let announcements: Announcement[] = []
      if (action === 'cancel') announcements = await endMovements(transaction, row, requestId, 'cancel', `Joint operation ${row.name_en} was cancelled${reason ? `: ${reason}` : ''}`, now)
      if (action === 'complete') announcements = await endMovements(transaction, row, requestId, 'complete', `Joint operation ${row.name_en} was completed`, now)
      const pastTense = { propose: 'proposed', start: 'started', complete: 'completed', cancel: 'cancelled' }[action]
      await audit(transaction, actorOf(principal, requestId), id, pastTense, { from: row.status, to: next, planRevision: row.plan_revision, ...(reason ? { reason } : {}) }, row.released_to)
      // Proposing puts the operation's objects into the deconfliction; completing or cancelling takes them out.
      const entersOrLeaves = deconflictedStatuses.includes(row.status) !== deconflictedStatuses.includes(next)
      return { announcements, reanalyse: entersOrLeaves ? { extents: [extent], trigger: `operation-${pastTense}` } : undefined }
    })
    await afterCommit(id, outcome)
    return detail(principal, id)
  }

  return {
    /** Operations released to the viewer. */
    list: (viewer: Viewer, query: ListOperationsQuery) => store.listOperations(database, viewer, query),

    /** One operation released to the viewer, with participants, features, phases, approvals and the movements it notified. */
    get: (viewer: Viewer, id: string) => detail(viewer, id),

    /** Drafts an operation led by the principal's organization. */
    async create(principal: Principal, input: CreateOperationInput, requestId: string): Promise<Operation> {
      if (!planningRoles.includes(principal.role)) throw new TansiqError('forbidden', `Your role (${principal.role}) cannot plan operations: commanders, watch and liaison officers do`)
      const problems = planProblems(planOf(principal.organizationId, input))
      if (problems.length > 0) planInvalid(problems)
      await checkPlanAgainstStorage(database, principal.organizationId, input.roomId, input)
      const participants = input.participants.map((participant) => participant.organizationId)
      const requested: Release = input.release ?? { scope: 'organizations', organizationIds: participants.filter((organization) => organization !== principal.organizationId) }
      const id = randomUUID()
      await database.transaction(async (transaction) => {
        const release = await releaseFor(transaction, principal.organizationId, requested, participants)
        decided(releaseDecision(principal, participants, [principal.organizationId], release.released_to))
        await store.insertOperation(transaction, {
          id, organizationId: principal.organizationId, roomId: input.roomId, names: input.names, objective: input.objective, hHour: new Date(input.hHour),
          window: { start: new Date(input.window.start), end: new Date(input.window.end) }, createdByUserId: principal.userId,
        }, release)
        await writePlan(transaction, id, input)
        await audit(transaction, actorOf(principal, requestId), id, 'created', { input: { ...input, objectiveAreas: input.objectiveAreas.map((area) => area.key), axes: input.axes.map((axis) => axis.key) } }, release.released_to)
      })
      await afterCommit(id, {})
      return detail(principal, id)
    },

    /**
     * Amends the plan (lead only). After proposal it is a new plan: the revision goes up, every
     * approval is asked again, and the movements of an approved plan are cancelled until the new
     * one is approved.
     */
    async amend(principal: Principal, id: string, input: AmendOperationInput, requestId: string): Promise<Operation> {
      const now = clock()
      const outcome = await database.transaction(async (transaction) => {
        const row = await lockAsLead(transaction, principal, id, 'amend')
        const effect = decided(amendmentOutcome(row.status))
        if (input.version !== undefined && input.version !== row.version) throw new TansiqError('conflict', `The operation changed since version ${input.version} (now ${row.version}); reload and try again`)
        const stored = await storedPlan(transaction, row)
        const merged: PlanInput = {
          names: input.names ?? stored.names, objective: input.objective ?? stored.objective, hHour: input.hHour ?? stored.hHour, window: input.window ?? stored.window,
          participants: input.participants ?? stored.participants, objectiveAreas: input.objectiveAreas ?? stored.objectiveAreas, axes: input.axes ?? stored.axes, phases: input.phases ?? stored.phases,
        }
        const problems = planProblems(planOf(row.organization_id, merged))
        if (problems.length > 0) planInvalid(problems)
        await checkPlanAgainstStorage(transaction, row.organization_id, row.room_id, merged)
        const participants = merged.participants.map((participant) => participant.organizationId)
        const requested: Release = input.release ?? (row.release_scope === 'room' && row.release_room_id ? { scope: 'room', roomId: row.release_room_id }
          : row.release_scope === 'organizations' && row.release_organization_ids.length > 0 ? { scope: 'organizations', organizationIds: row.release_organization_ids } : { scope: 'originator' })
        const release = await releaseFor(transaction, row.organization_id, requested, participants)
        decided(releaseDecision(principal, participants, row.released_to, release.released_to))
        const extentBefore = await store.extentOf(transaction, id)
        await store.updateOperation(transaction, id, {
          names: merged.names, objective: merged.objective, hHour: new Date(merged.hHour), window: { start: new Date(merged.window.start), end: new Date(merged.window.end) },
          status: effect.status, bumpRevision: effect.bumpRevision,
        }, release)
        const removedFeatureIds = await writePlan(transaction, id, merged)
        const planRevision = row.plan_revision + (effect.bumpRevision ? 1 : 0)
        const announcements = row.status === 'approved'
          ? await endMovements(transaction, row, requestId, 'cancel', `The plan of joint operation ${row.name_en} was amended (revision ${planRevision}): its movements are notified again once every participant approves it`, now)
          : []
        const fields = Object.keys(input).filter((key) => key !== 'version')
        await audit(transaction, actorOf(principal, requestId), id, 'amended', {
          fields, planRevision, from: row.status, to: effect.status, approvalsVoided: effect.approvalsVoided, input: { ...input, objectiveAreas: input.objectiveAreas?.map((area) => area.key), axes: input.axes?.map((axis) => axis.key) },
        }, [...new Set([...row.released_to, ...release.released_to])])
        const deconflicted = deconflictedStatuses.includes(effect.status)
        return {
          announcements, before: row.released_to, removedFeatureIds,
          reanalyse: deconflicted ? { extents: [extentBefore, await store.extentOf(transaction, id)], trigger: 'operation-amended' } : undefined,
        }
      })
      await afterCommit(id, outcome)
      return detail(principal, id)
    },

    /** Proposes a draft to the participants (lead): each approving organization's commander is asked to approve it. */
    propose: (principal: Principal, id: string, requestId: string) => leadStep(principal, id, 'propose', requestId),

    /**
     * Approves the current plan revision for the principal's organization (a commander of a
     * participating organization). The last approval makes the operation approved and notifies
     * the movements its axes produce.
     */
    async approve(principal: Principal, id: string, body: { planRevision: number }, requestId: string): Promise<Operation> {
      const now = clock()
      const outcome = await database.transaction(async (transaction) => {
        const row = await lockVisible(transaction, principal, id)
        const participants = await store.participantsOf(transaction, id)
        const result = decided(approvalOutcome({ status: row.status, leadOrganizationId: row.organization_id, planRevision: row.plan_revision, participants, approvals: await store.approvalsOf(transaction, id) }, principal, body.planRevision))
        await store.insertApproval(transaction, id, { organizationId: principal.organizationId, planRevision: row.plan_revision, at: now, userId: principal.userId, username: principal.username })
        let notified: { ids: string[]; announcements: Announcement[] } = { ids: [], announcements: [] }
        if (result.approved) {
          await store.setStatus(transaction, id, 'approved', now)
          notified = await notifyMovements(transaction, row, requestId, now)
        }
        await audit(transaction, actorOf(principal, requestId), id, 'approved', {
          organizationId: principal.organizationId, planRevision: row.plan_revision, pending: result.pending, operationApproved: result.approved, movementIds: notified.ids,
        }, row.released_to)
        return { announcements: notified.announcements }
      })
      await afterCommit(id, outcome)
      return detail(principal, id)
    },

    /** Starts an approved operation (lead). */
    start: (principal: Principal, id: string, requestId: string) => leadStep(principal, id, 'start', requestId),

    /** Completes an active operation (lead): its movements under way complete, the others are cancelled. */
    complete: (principal: Principal, id: string, requestId: string) => leadStep(principal, id, 'complete', requestId),

    /** Cancels an operation before it completes (lead): its movements are cancelled. */
    cancel: (principal: Principal, id: string, body: { reason?: string | undefined }, requestId: string) => leadStep(principal, id, 'cancel', requestId, body.reason ?? null),

    /** The live log of an operation released to the viewer, oldest first. */
    async log(viewer: Viewer, id: string, query: { since?: string | undefined; limit: number }): Promise<LogEntry[]> {
      if (!(await store.findOperation(database, viewer, id))) throw new TansiqError('not-found', `No operation ${id}`)
      return store.listLog(database, viewer, id, query)
    },

    /** Adds an entry to the live log (a participant's commander, watch or liaison officer), with an optional place, unit and photo. */
    async addLogEntry(principal: Principal, id: string, input: AddLogEntryInput, requestId: string): Promise<LogEntry> {
      const now = clock()
      const at = input.at ? new Date(input.at) : now
      if (isTooFarInFuture(at, now)) throw new TansiqError('validation-failed', 'The entry\'s time lies more than 10 minutes in the future; check the date and the time zone')
      let photo: { id: string; bytes: Buffer; type: 'image/jpeg' | 'image/png' | 'image/webp'; fileName: string; sha256: string } | null = null
      if (input.photo) {
        const bytes = Buffer.from(input.photo.data, 'base64')
        const checked = checkPhoto(input.photo.contentType, bytes, input.photo.fileName)
        if (!checked.ok) throw new TansiqError(checked.reason.includes('bytes (5 MiB)') ? 'payload-too-large' : 'unsupported-media-type', checked.reason)
        photo = { id: randomUUID(), bytes, type: checked.type, fileName: checked.fileName, sha256: createHash('sha256').update(bytes).digest('hex') }
      }
      const entryId = randomUUID()
      await database.transaction(async (transaction) => {
        const row = await lockVisible(transaction, principal, id)
        const participants = await store.participantsOf(transaction, id)
        decided(logDecision({ status: row.status, participants }, principal))
        if (input.unitId) {
          const [unit] = await store.unitsByIds(transaction, [input.unitId])
          const ofOperation = participants.some((participant) => participant.unitIds.includes(input.unitId!))
          if (!unit || !unit.released_to.includes(principal.organizationId) || (!ofOperation && unit.organization_id !== principal.organizationId)) {
            throw new TansiqError('unprocessable', `Unknown unit ${input.unitId}: a log entry names a unit of the operation or of your organization`)
          }
        }
        if (photo) await store.insertPhoto(transaction, { id: photo.id, operationId: id, fileName: photo.fileName, contentType: photo.type, sha256: photo.sha256, content: photo.bytes })
        await store.insertLogEntry(transaction, { id: entryId, operationId: id, at, actor: { ...actorOf(principal, requestId), userId: principal.userId, organizationId: principal.organizationId }, text: input.text, location: input.location ?? null, unitId: input.unitId ?? null, photoId: photo?.id ?? null })
        await audit(transaction, actorOf(principal, requestId), id, 'log-entry-added', {
          entryId, at: at.toISOString(), text: input.text, location: input.location ?? null, unitId: input.unitId ?? null,
          photo: photo ? { id: photo.id, fileName: photo.fileName, contentType: photo.type, sizeBytes: photo.bytes.length, sha256: photo.sha256 } : null,
        }, row.released_to)
      })
      const entry = (await store.logEntry(database, entryId))!
      const [operation] = await database.query<{ released_to: string[] }>('select released_to from operations where id = $1', [id])
      const point = entry.location?.coordinates
      bus.publish({
        layer: 'operation-log', kind: 'upsert', id: entryId, releasedTo: operation!.released_to, roomIds: [entry.roomId],
        bbox: point ? [point[0], point[1], point[0], point[1]] : null, data: entry,
      })
      return entry
    },

    /** The photo of a log entry, if the operation is released to the viewer. */
    async photo(viewer: Viewer, id: string, entryId: string) {
      const photo = await store.findPhoto(database, viewer, id, entryId)
      if (!photo) throw new TansiqError('not-found', `No photo of log entry ${entryId} of operation ${id}`)
      return photo
    },

  }
}
