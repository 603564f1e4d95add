/**
 * Coordinated movements: notification, impact analysis (deconfliction), acknowledgement,
 * reminders and escalation, and the lifecycle. Every step is a timeline entry and an audit entry
 * in the same transaction; after commit the movement is published live to everyone it is
 * released to (its author, its room's members and every organization told it is affected).
 *
 * The analysis runs on submission and amendment, and again for every live movement a change may
 * concern: an area of responsibility created, changed or removed (the bus, layer 'areas'), another
 * movement submitted, amended or ended, a room's members or buffer changed (layer 'rooms').
 * Those follow-ups run one at a time in the background; `settled()` waits for them.
 */
import { randomUUID } from 'node:crypto'
import type { Database, Queryable } from '../platform/database/database.ts'
import { actorOf, pictureEditorRoles, type Actor, type Principal } from '../platform/auth/principal.ts'
import { answeringRoles } from '../platform/auth/roles.ts'
import type { EventBus } from '../platform/event-bus.ts'
import { TansiqError } from '../platform/errors.ts'
import { assertValidGeometry } from '../platform/geometry/geometry-check.ts'
import type { Geometry } from '../platform/geometry/geojson.ts'
import { appendAuditEntry } from '../audit/audit-log.ts'
import type { PictureChange } from '../live/picture-change.ts'
import type { Viewer } from '../releasability/released-store.ts'
import { defaultNoticePeriods } from '../rooms/room-schemas.ts'
import { transition, type LifecycleAction, type MovementStatus } from './core/movement-lifecycle.ts'
import { affectedOrganizations, boundsOf, diffFindings, findingReleasedTo, movementReleasedTo, partyChanges } from './core/movement-impact.ts'
import { dueNudges, maxStartInPastMinutes, noticeOf, startTooFarInPast, type Precedence } from './core/movement-deadlines.ts'
import { analyseImpact, findingView, movementsConcernedBy, releasedFindings, replaceFindings, storedFindings } from './movement-impact-store.ts'
import type { AmendMovementInput, CreateMovementInput, Movement, MovementDetail, MovementPreview, PreviewMovementInput, TimelineEntry } from './movement-schemas.ts'
import * as store from './movements-store.ts'

export type MovementsService = ReturnType<typeof createMovementsService>

/** Who changes attributed to the deconfliction itself (re-analysis after someone else's change, reminders, expiry) are recorded as. */
export const deconflictionActor: Actor = { userId: null, username: 'system:deconfliction', organizationId: null, requestId: null }

/**
 * A movement a joint operation notifies for one of its organizations: one axis in one phase's
 * window. The operation has checked the organization, its units, the room and the route.
 */
export interface OperationMovement {
  operationId: string
  axisKey: string
  phaseOrdinal: number
  organizationId: string
  roomId: string
  unitIds: readonly string[]
  route: Geometry
  plannedStart: Date
  plannedEnd: Date
  size: { vehicles: number; personnel: number }
  purpose: string
  liaison: { name: string; phone?: string | undefined; radio?: string | undefined }
  precedence: Precedence
  /** Recorded when the notice is shorter than the room's period (it refers to the operation). */
  noticeJustification: string
}

/** Work to do once the caller's transaction has committed: publish a movement, analyse what its change concerns. */
export type Announcement = () => Promise<void>

/** What the periodic check did. */
export interface DeadlineCheck {
  expired: string[]
  reminded: Array<{ movementId: string; organizationId: string }>
  escalated: Array<{ movementId: string; organizationId: string }>
}

const windowOf = (movement: Movement) => ({ from: new Date(movement.plannedStart), to: new Date(movement.plannedEnd) })

/** The validity of an area as published (its view carries validFrom and validTo); null when unknown (a deletion). */
function validityOf(data: unknown): { from: Date; to: Date | null } | null {
  const area = data as { validFrom?: unknown; validTo?: unknown } | null
  if (typeof area?.validFrom !== 'string') return null
  return { from: new Date(area.validFrom), to: typeof area.validTo === 'string' ? new Date(area.validTo) : null }
}

function requireEditor(principal: Principal): void {
  if (!pictureEditorRoles.includes(principal.role)) throw new TansiqError('forbidden', `Your role (${principal.role}) cannot notify movements`)
}

function allowed(status: MovementStatus, action: LifecycleAction): void {
  const outcome = transition(status, action)
  if (!outcome.allowed) throw new TansiqError('conflict', outcome.reason)
}

/** Builds the movements capability. */
export function createMovementsService(options: { database: Database; bus: EventBus<PictureChange>; escalationMinutes: number; clock?: () => Date }) {
  const { database, bus, escalationMinutes } = options
  const clock = options.clock ?? (() => new Date())

  // Follow-up analyses run one after another, never concurrently with each other.
  let queue: Promise<void> = Promise.resolve()
  function enqueue(work: () => Promise<void>): void {
    queue = queue.then(work).catch((error: unknown) => console.error('movements: follow-up analysis failed', error))
  }

  /** Records one step: a timeline entry and its audit entry, in the caller's transaction. */
  async function recordStep(transaction: Queryable, actor: Actor, movementId: string, step: { kind: string; organizationId?: string | null; detail?: Record<string, unknown>; visibleTo: readonly string[]; at: Date }, steps: TimelineEntry[]): Promise<void> {
    const detail = step.detail ?? {}
    steps.push(await store.insertTimelineEntry(transaction, movementId, actor, { at: step.at, kind: step.kind, organizationId: step.organizationId ?? null, detail }))
    await appendAuditEntry(transaction, actor, { action: `movement.${step.kind}`, objectType: 'movement', objectId: movementId, change: { organizationId: step.organizationId ?? null, ...detail }, visibleTo: [...step.visibleTo] })
  }

  async function roomOf(database: Queryable, principal: Principal, roomId: string) {
    const room = await store.roomSettings(database, roomId)
    if (!room) throw new TansiqError('unprocessable', `Unknown room ${roomId}`)
    if (!room.members.includes(principal.organizationId)) throw new TansiqError('unprocessable', `Your organization is not a member of room ${roomId}: a movement is notified in a room you sit in`)
    return { ...room, noticePeriods: { ...defaultNoticePeriods, ...room.noticePeriods } as Record<Precedence, number> }
  }

  async function checkUnits(database: Queryable, principal: Principal, unitIds: readonly string[]): Promise<void> {
    const found = await store.unitsByIds(database, [...new Set(unitIds)])
    for (const id of unitIds) {
      const unit = found.find((row) => row.id === id)
      // A unit not released to the author is as unknown to it as one that does not exist.
      if (!unit || !unit.released_to.includes(principal.organizationId)) throw new TansiqError('unprocessable', `Unknown unit ${id}`)
      if (unit.organization_id !== principal.organizationId) throw new TansiqError('unprocessable', `Unit ${id} belongs to ${unit.organization_id}: a movement notifies units of your own organization`)
    }
  }

  async function checkGeometry(database: Queryable, input: { route?: Geometry | undefined; area?: Geometry | undefined }): Promise<void> {
    if (input.route !== undefined) {
      await assertValidGeometry(database, input.route, 'route')
      if ((await store.lineLengthMeters(database, input.route)) <= 0) throw new TansiqError('invalid-geometry', 'The route has zero length on the ground: its points must be apart')
    }
    if (input.area !== undefined) await assertValidGeometry(database, input.area, 'area')
  }

  function checkStart(plannedStart: Date, now: Date): void {
    if (startTooFarInPast(plannedStart, now)) {
      throw new TansiqError('unprocessable', `The planned start ${plannedStart.toISOString()} is more than ${maxStartInPastMinutes} minutes in the past`)
    }
  }

  function checkNotice(plannedStart: Date, now: Date, precedence: Precedence, periods: Record<Precedence, number>, justification: string | null | undefined) {
    const notice = noticeOf(plannedStart, now, precedence, periods)
    if (notice.short && !justification) {
      throw new TansiqError('notice-too-short', `A ${precedence} movement needs ${notice.requiredMinutes} minutes of notice in this room; this one gives ${Math.max(0, notice.givenMinutes)}. Give a noticeJustification, which is recorded.`,
        { givenMinutes: notice.givenMinutes, requiredMinutes: notice.requiredMinutes })
    }
    return { givenMinutes: notice.givenMinutes, requiredMinutes: notice.requiredMinutes, justification: notice.short ? justification ?? null : null }
  }

  /**
   * Runs the impact analysis of a locked movement and applies it: findings stored, parties told
   * or released, the movement released to everyone told, and the status settled.
   */
  async function analyse(transaction: Queryable, row: store.LockedMovement, status: MovementStatus, action: LifecycleAction, actor: Actor, trigger: string, steps: TimelineEntry[], now: Date): Promise<{ releasedTo: string[]; status: MovementStatus }> {
    const room = (await store.roomSettings(transaction, row.room_id))!
    const computed = await analyseImpact(transaction, { movementId: row.id }, {
      from: row.planned_start, to: row.planned_end, bufferMeters: room.bufferMeters, authorOrganizationId: row.organization_id, bounds: row.bounds,
    })
    const diff = diffFindings(await storedFindings(transaction, row.id), computed)
    const affected = affectedOrganizations(computed, row.organization_id)
    const partiesBefore = await store.storedParties(transaction, row.id)
    const changes = partyChanges(partiesBefore, affected)
    for (const organization of changes.newlyTold) await store.insertParty(transaction, row.id, organization, now)
    await store.setPartiesAffected(transaction, row.id, changes.affectedAgain, true)
    await store.setPartiesAffected(transaction, row.id, changes.noLongerAffected, false)
    const told = [...new Set([...partiesBefore.map((party) => party.organizationId), ...changes.newlyTold])]
    const releasedTo = movementReleasedTo(row.organization_id, false, room.members, told)
    await store.setReleasedTo(transaction, row.id, told, releasedTo)
    await replaceFindings(transaction, row.id, computed.map((finding) => ({
      ...finding, releasedTo: findingReleasedTo(row.organization_id, finding.counterpartOrganizationId, releasedTo, finding.counterpartReleasedTo),
    })))

    const step = (kind: string, organizationId: string | null, detail: Record<string, unknown>) => recordStep(transaction, actor, row.id, { kind, organizationId, detail, visibleTo: releasedTo, at: now }, steps)
    const counts = { findings: computed.length, affectedOrganizationIds: affected, bufferMeters: room.bufferMeters }
    if (action === 'submit') await step('findings-computed', null, counts)
    else if (diff.added.length + diff.removed.length + diff.changed.length > 0) {
      await step('findings-changed', null, { trigger, added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length, ...counts })
    }
    for (const organization of [...changes.newlyTold, ...changes.affectedAgain].sort()) await step('notified', organization, { planRevision: row.plan_revision, trigger })
    for (const organization of changes.noLongerAffected) await step('no-longer-affected', organization, { trigger })

    const parties = await store.storedParties(transaction, row.id)
    // A submission settles from the draft it was; everything else from the stored status.
    const next = transition(action === 'submit' ? 'draft' : status, action, { parties, findings: computed })
    if (!next.allowed) throw new TansiqError('conflict', next.reason)
    if (next.status !== status) {
      await store.setStatus(transaction, row.id, next.status)
      await step('status-changed', null, { from: status, to: next.status })
    }
    return { releasedTo, status: next.status }
  }

  /** Publishes a movement as it now stands to everyone it is released to, with the steps just recorded. */
  async function publish(id: string, steps: readonly TimelineEntry[], previouslyReleasedTo?: readonly string[]): Promise<Movement> {
    const [owner] = await database.query<{ organization_id: string; released_to: string[] }>('select organization_id, released_to from movements where id = $1', [id])
    const movement = (await store.findMovement(database, { organizationId: owner!.organization_id }, id))!
    const lost = previouslyReleasedTo?.filter((organization) => !owner!.released_to.includes(organization)) ?? []
    bus.publish({
      layer: 'movements',
      kind: 'upsert',
      id,
      releasedTo: owner!.released_to,
      ...(lost.length > 0 ? { previouslyReleasedTo } : {}),
      roomIds: [movement.roomId],
      bbox: movement.bbox,
      data: { ...movement, release: { scope: movement.release.scope }, steps },
      originator: { organizationId: movement.organizationId, data: { ...movement, steps } },
    })
    return movement
  }

  /** Analyses again, in the background, every live movement a change of an object near `bounds` (in `window`) may concern. */
  function followUp(change: { bounds: readonly [number, number, number, number] | null; window: { from: Date; to: Date | null } | null; counterpartType: 'area' | 'movement' | 'operation'; counterpartId: string }, trigger: string): void {
    enqueue(async () => {
      const bufferMeters = await store.largestBuffer(database)
      const ids = await movementsConcernedBy(database, { ...change, bufferMeters })
      for (const id of ids) if (id !== change.counterpartId) await reanalyse(id, trigger)
    })
  }

  async function reanalyse(id: string, trigger: string): Promise<void> {
    const now = clock()
    const outcome = await database.transaction(async (transaction) => {
      const row = await store.lockMovement(transaction, id)
      if (!row || !transition(row.status, 'reanalyse').allowed) return null
      const steps: TimelineEntry[] = []
      const { releasedTo } = await analyse(transaction, row, row.status, 'reanalyse', deconflictionActor, trigger, steps, now)
      const releaseChanged = releasedTo.join() !== [...row.released_to].sort().join()
      if (releaseChanged) {
        await appendAuditEntry(transaction, deconflictionActor, { action: 'movement.release-changed', objectType: 'movement', objectId: id, change: { trigger, before: row.released_to, after: releasedTo }, visibleTo: [...new Set([...row.released_to, ...releasedTo])] })
      }
      return steps.length > 0 || releaseChanged ? { steps, before: row.released_to } : null
    })
    if (outcome) await publish(id, outcome.steps, outcome.before)
  }

  /** After a room changed: movements that ended follow its members; live ones are analysed again (the buffer may have changed too). */
  async function refreshRoom(roomId: string): Promise<void> {
    for (const id of await store.notifiedMovementsOfRoom(database, roomId)) {
      const outcome = await database.transaction(async (transaction) => {
        const row = await store.lockMovement(transaction, id)
        if (!row || transition(row.status, 'reanalyse').allowed) return null
        const room = (await store.roomSettings(transaction, roomId))!
        const told = (await store.storedParties(transaction, id)).map((party) => party.organizationId)
        const releasedTo = movementReleasedTo(row.organization_id, false, room.members, told)
        if (releasedTo.join() === [...row.released_to].sort().join()) return null
        await store.setReleasedTo(transaction, id, told, releasedTo)
        // Findings keep only readers who still see the movement, besides the author and the counterpart's organization.
        await transaction.query(
          `update movement_findings set released_to = array(select distinct o from unnest(released_to || array[$2, counterpart_organization_id]) as o where o = any($3::text[]) or o = $2 or o = counterpart_organization_id order by o)
           where movement_id = $1`, [id, row.organization_id, releasedTo],
        )
        await appendAuditEntry(transaction, deconflictionActor, { action: 'movement.release-changed', objectType: 'movement', objectId: id, change: { trigger: 'room-changed', before: row.released_to, after: releasedTo }, visibleTo: [...new Set([...row.released_to, ...releasedTo])] })
        return row.released_to
      })
      if (outcome) await publish(id, [], outcome)
      else await reanalyse(id, 'room-changed')
    }
  }

  bus.subscribe((change) => {
    if (change.layer === 'areas') followUp({ bounds: change.bbox, window: validityOf(change.data), counterpartType: 'area', counterpartId: change.id }, 'area-changed')
    if (change.layer === 'rooms') enqueue(() => refreshRoom(change.id))
  })

  /** Loads a movement for a write: it must exist and be released to the principal. */
  async function lockVisible(transaction: Queryable, principal: Principal, id: string): Promise<store.LockedMovement> {
    const row = await store.lockMovement(transaction, id)
    if (!row || !row.released_to.includes(principal.organizationId)) throw new TansiqError('not-found', `No movement ${id}`)
    return row
  }

  async function lockOwn(transaction: Queryable, principal: Principal, id: string): Promise<store.LockedMovement> {
    requireEditor(principal)
    const row = await lockVisible(transaction, principal, id)
    if (row.organization_id !== principal.organizationId) throw new TansiqError('forbidden', 'Only the organization that notified a movement may change it')
    return row
  }

  async function submitLocked(transaction: Queryable, row: store.LockedMovement, actor: Actor, justification: string | null | undefined, steps: TimelineEntry[], now: Date): Promise<void> {
    allowed(row.status, 'submit')
    checkStart(row.planned_start, now)
    const room = (await store.roomSettings(transaction, row.room_id))!
    // A justification given with the draft stands unless the submission gives another.
    const notice = checkNotice(row.planned_start, now, row.precedence, { ...defaultNoticePeriods, ...room.noticePeriods }, justification ?? row.notice_justification)
    await store.markSubmitted(transaction, row.id, row.room_id, now)
    await store.setNotice(transaction, row.id, notice)
    const releasedTo = movementReleasedTo(row.organization_id, false, room.members, [])
    await recordStep(transaction, actor, row.id, { kind: 'submitted', detail: { notice, planRevision: row.plan_revision }, visibleTo: releasedTo, at: now }, steps)
    await analyse(transaction, row, 'submitted', 'submit', actor, 'submitted', steps, now)
  }

  /** Answers for an organization: acknowledges or objects. */
  async function answer(principal: Principal, id: string, kind: 'acknowledged' | 'objected', body: { organizationId?: string | undefined; reason: string | null }, requestId: string): Promise<MovementDetail> {
    if (!answeringRoles.includes(principal.role)) throw new TansiqError('forbidden', `Your role (${principal.role}) cannot answer movement notifications: liaison or watch officers and commanders do`)
    const organization = body.organizationId ?? principal.organizationId
    if (organization !== principal.organizationId) throw new TansiqError('forbidden', `You answer for your own organization (${principal.organizationId}), not for ${organization}`)
    const now = clock()
    const steps: TimelineEntry[] = []
    await database.transaction(async (transaction) => {
      const row = await lockVisible(transaction, principal, id)
      allowed(row.status, 'answer')
      const party = (await store.storedParties(transaction, id)).find((candidate) => candidate.organizationId === organization)
      if (!party?.affected) throw new TansiqError('unprocessable', `${organization} is not affected by this movement: only affected organizations answer`)
      await store.setAnswer(transaction, id, organization, { kind, reason: body.reason, at: now, userId: principal.userId, username: principal.username })
      const actor = actorOf(principal, requestId)
      await recordStep(transaction, actor, id, { kind, organizationId: organization, detail: { reason: body.reason, planRevision: row.plan_revision, role: principal.role }, visibleTo: row.released_to, at: now }, steps)
      const parties = await store.storedParties(transaction, id)
      const next = transition(row.status, 'answer', { parties, findings: await storedFindings(transaction, id) })
      if (next.allowed && next.status !== row.status) {
        await store.setStatus(transaction, id, next.status)
        await recordStep(transaction, actor, id, { kind: 'status-changed', detail: { from: row.status, to: next.status }, visibleTo: row.released_to, at: now }, steps)
      }
    })
    await publish(id, steps)
    return detail(principal, id)
  }

  /** A lifecycle step by the author: start, complete or cancel. */
  async function step(principal: Principal, id: string, action: 'start' | 'complete' | 'cancel', kind: string, detailOf: Record<string, unknown>, requestId: string): Promise<MovementDetail> {
    const now = clock()
    const steps: TimelineEntry[] = []
    const row = await database.transaction(async (transaction) => {
      const row = await lockOwn(transaction, principal, id)
      const next = transition(row.status, action)
      if (!next.allowed) throw new TansiqError('conflict', next.reason)
      await store.setStatus(transaction, id, next.status)
      await recordStep(transaction, actorOf(principal, requestId), id, { kind, detail: { ...detailOf, from: row.status, to: next.status }, visibleTo: row.released_to, at: now }, steps)
      return row
    })
    await publish(id, steps)
    // A movement that is no longer live leaves the findings of those near it.
    if (action !== 'start' && row.status !== 'draft') followUp({ bounds: row.bounds, window: { from: row.planned_start, to: row.planned_end }, counterpartType: 'movement', counterpartId: id }, `movement-${kind}`)
    return detail(principal, id)
  }

  async function detail(viewer: Viewer, id: string): Promise<MovementDetail> {
    const movement = await store.findMovement(database, viewer, id)
    if (!movement) throw new TansiqError('not-found', `No movement ${id}`)
    const findings = await releasedFindings(database, viewer, id)
    return { ...movement, findings: findings.map(findingView), timeline: await store.listTimeline(database, id) }
  }

  return {
    /** Waits until every follow-up analysis queued so far has run (tests, shutdown). */
    settled: async (): Promise<void> => {
      let current: Promise<void>
      do {
        current = queue
        await current
      } while (current !== queue)
    },

    /** Movements released to the viewer. */
    list: (viewer: Viewer, filter: store.MovementFilter) => store.listMovements(database, viewer, filter),

    /** One movement released to the viewer, with the findings it may see and the timeline. */
    get: (viewer: Viewer, id: string) => detail(viewer, id),

    /** Notifies a movement of the principal's organization: a draft, or submitted at once. */
    async create(principal: Principal, input: CreateMovementInput, requestId: string): Promise<MovementDetail> {
      requireEditor(principal)
      const now = clock()
      await roomOf(database, principal, input.roomId)
      await checkUnits(database, principal, input.unitIds)
      await checkGeometry(database, input)
      checkStart(new Date(input.plannedStart), now)
      const id = randomUUID()
      const steps: TimelineEntry[] = []
      await database.transaction(async (transaction) => {
        await store.insertMovement(transaction, {
          id, organizationId: principal.organizationId, roomId: input.roomId, unitIds: input.unitIds, geometry: input.route ?? input.area,
          plannedStart: new Date(input.plannedStart), plannedEnd: new Date(input.plannedEnd), size: input.size, purpose: input.purpose,
          liaison: input.liaison, precedence: input.precedence, noticeJustification: input.noticeJustification ?? null, createdByUserId: principal.userId,
        })
        const actor = actorOf(principal, requestId)
        await recordStep(transaction, actor, id, { kind: 'created', detail: { input: { ...input, route: undefined, area: undefined } }, visibleTo: [principal.organizationId], at: now }, steps)
        if (input.submit) await submitLocked(transaction, (await store.lockMovement(transaction, id))!, actor, input.noticeJustification, steps, now)
      })
      const movement = await publish(id, steps)
      if (input.submit) followUp({ bounds: movement.bbox, window: windowOf(movement), counterpartType: 'movement', counterpartId: id }, 'movement-submitted')
      return detail(principal, id)
    },

    /** Submits a draft: the room is told, the impact analysis runs and the affected organizations are notified. */
    async submit(principal: Principal, id: string, body: { noticeJustification?: string | undefined }, requestId: string): Promise<MovementDetail> {
      const now = clock()
      const steps: TimelineEntry[] = []
      const row = await database.transaction(async (transaction) => {
        const row = await lockOwn(transaction, principal, id)
        await submitLocked(transaction, row, actorOf(principal, requestId), body.noticeJustification, steps, now)
        return row
      })
      await publish(id, steps)
      followUp({ bounds: row.bounds, window: { from: row.planned_start, to: row.planned_end }, counterpartType: 'movement', counterpartId: id }, 'movement-submitted')
      return detail(principal, id)
    },

    /** Amends a movement of the principal's organization; after submission it is a new notice that every affected organization answers again. */
    async amend(principal: Principal, id: string, input: AmendMovementInput, requestId: string): Promise<MovementDetail> {
      requireEditor(principal)
      const now = clock()
      if (input.unitIds) await checkUnits(database, principal, input.unitIds)
      await checkGeometry(database, input)
      const steps: TimelineEntry[] = []
      const outcome = await database.transaction(async (transaction) => {
        const row = await lockOwn(transaction, principal, id)
        allowed(row.status, 'amend')
        if (row.operation_id) throw new TansiqError('conflict', `This movement was notified by joint operation ${row.operation_id}: amend the operation's plan instead`)
        if (input.version !== undefined && input.version !== row.version) throw new TansiqError('conflict', `The movement changed since version ${input.version} (now ${row.version}); reload and try again`)
        const plannedStart = input.plannedStart ? new Date(input.plannedStart) : row.planned_start
        const plannedEnd = input.plannedEnd ? new Date(input.plannedEnd) : row.planned_end
        if (plannedEnd <= plannedStart) throw new TansiqError('validation-failed', 'The planned end must come after the planned start')
        if (input.plannedStart && row.status !== 'active') checkStart(plannedStart, now)
        const waiting = row.status === 'submitted' || row.status === 'cleared' || row.status === 'conflicted'
        let notice: ReturnType<typeof checkNotice> | null = null
        if (waiting) {
          const room = (await store.roomSettings(transaction, row.room_id))!
          notice = checkNotice(plannedStart, now, input.precedence ?? row.precedence, { ...defaultNoticePeriods, ...room.noticePeriods }, input.noticeJustification ?? row.notice_justification)
        }
        const notified = row.status !== 'draft'
        await store.updateMovementRow(transaction, id, {
          unitIds: input.unitIds, geometry: input.route ?? input.area, plannedStart: input.plannedStart ? plannedStart : undefined, plannedEnd: input.plannedEnd ? plannedEnd : undefined,
          size: input.size, purpose: input.purpose, liaison: input.liaison, precedence: input.precedence, noticeJustification: notified ? undefined : input.noticeJustification, bumpPlanRevision: notified,
        })
        if (notice) await store.setNotice(transaction, id, notice)
        const actor = actorOf(principal, requestId)
        const changed = Object.keys(input).filter((key) => key !== 'version')
        await recordStep(transaction, actor, id, { kind: 'amended', detail: { fields: changed, planRevision: row.plan_revision + (notified ? 1 : 0), ...(notice ? { notice } : {}) }, visibleTo: row.released_to, at: now }, steps)
        if (!notified) return row
        const reset = await store.resetAnswers(transaction, id)
        if (reset.length > 0) await recordStep(transaction, actor, id, { kind: 'answers-reset', detail: { organizationIds: reset, reason: 'the plan was amended: a new notice' }, visibleTo: row.released_to, at: now }, steps)
        const amended = (await store.lockMovement(transaction, id))!
        await analyse(transaction, amended, row.status, 'amend', actor, 'amended', steps, now)
        return row
      })
      const movement = await publish(id, steps, outcome.released_to)
      if (outcome.status !== 'draft') followUp({ bounds: movement.bbox, window: windowOf(movement), counterpartType: 'movement', counterpartId: id }, 'movement-amended')
      return detail(principal, id)
    },

    /**
     * Notifies and submits, in the caller's transaction, a movement a joint operation produces
     * for one of its organizations (an axis in a phase's window): the impact analysis runs and the
     * affected organizations are told, as for any movement; objects of the same operation are
     * left out of the analysis. Run the returned announcement after the commit.
     */
    async notifyForOperation(transaction: Queryable, actor: Actor, movement: OperationMovement, now: Date = clock()): Promise<{ id: string; announce: Announcement }> {
      const id = randomUUID()
      const steps: TimelineEntry[] = []
      await store.insertMovement(transaction, {
        id, organizationId: movement.organizationId, roomId: movement.roomId, unitIds: movement.unitIds, geometry: movement.route,
        plannedStart: movement.plannedStart, plannedEnd: movement.plannedEnd, size: movement.size, purpose: movement.purpose, liaison: movement.liaison,
        precedence: movement.precedence, noticeJustification: null, createdByUserId: actor.userId,
        operation: { id: movement.operationId, axisKey: movement.axisKey, phaseOrdinal: movement.phaseOrdinal },
      })
      const detail = { operationId: movement.operationId, axisKey: movement.axisKey, phaseOrdinal: movement.phaseOrdinal }
      await recordStep(transaction, actor, id, { kind: 'created', organizationId: movement.organizationId, detail, visibleTo: [movement.organizationId], at: now }, steps)
      await submitLocked(transaction, (await store.lockMovement(transaction, id))!, actor, movement.noticeJustification, steps, now)
      return {
        id,
        announce: async () => {
          const published = await publish(id, steps)
          followUp({ bounds: published.bbox, window: windowOf(published), counterpartType: 'movement', counterpartId: id }, 'movement-submitted')
        },
      }
    },

    /**
     * Ends, in the caller's transaction, the movements a joint operation notified that are not over:
     * cancelled (the operation was cancelled, or its plan changed), or completed when under way and
     * the operation completed. Run the returned announcements after the commit.
     */
    async endForOperation(transaction: Queryable, actor: Actor, operationId: string, outcome: 'cancel' | 'complete', reason: string, now: Date = clock()): Promise<Announcement[]> {
      const announcements: Announcement[] = []
      for (const id of await store.liveMovementsOfOperation(transaction, operationId)) {
        const row = (await store.lockMovement(transaction, id))!
        const action = outcome === 'complete' && row.status === 'active' ? 'complete' : 'cancel'
        const next = transition(row.status, action)
        if (!next.allowed) continue
        const steps: TimelineEntry[] = []
        await store.setStatus(transaction, id, next.status)
        await recordStep(transaction, actor, id, { kind: next.status, detail: { reason, operationId, from: row.status, to: next.status }, visibleTo: row.released_to, at: now }, steps)
        announcements.push(async () => {
          await publish(id, steps)
          if (row.status !== 'draft') followUp({ bounds: row.bounds, window: { from: row.planned_start, to: row.planned_end }, counterpartType: 'movement', counterpartId: id }, `movement-${next.status}`)
        })
      }
      return announcements
    },

    /** Analyses again, in the background, the live movements near a joint operation whose objects changed (entered or left the deconfliction, or moved). */
    reanalyseNearOperation(operationId: string, extent: { bounds: readonly [number, number, number, number]; window: { from: Date; to: Date } }, trigger: string): void {
      followUp({ bounds: extent.bounds, window: extent.window, counterpartType: 'operation', counterpartId: operationId }, trigger)
    },

    /** Cancels a movement of the principal's organization. */
    cancel: (principal: Principal, id: string, body: { reason?: string | undefined }, requestId: string) => step(principal, id, 'cancel', 'cancelled', { reason: body.reason ?? null }, requestId),

    /** Starts a cleared movement of the principal's organization. */
    start: (principal: Principal, id: string, requestId: string) => step(principal, id, 'start', 'started', {}, requestId),

    /** Completes an active movement of the principal's organization. */
    complete: (principal: Principal, id: string, requestId: string) => step(principal, id, 'complete', 'completed', {}, requestId),

    /** Acknowledges a movement for the principal's (affected) organization. */
    acknowledge: (principal: Principal, id: string, body: { organizationId?: string | undefined; note?: string | undefined }, requestId: string) =>
      answer(principal, id, 'acknowledged', { organizationId: body.organizationId, reason: body.note ?? null }, requestId),

    /** Objects to a movement for the principal's (affected) organization, with a reason. */
    object: (principal: Principal, id: string, body: { organizationId?: string | undefined; reason: string }, requestId: string) =>
      answer(principal, id, 'objected', { organizationId: body.organizationId, reason: body.reason }, requestId),

    /** The impact analysis of a movement as drawn, without saving anything. */
    async preview(principal: Principal, input: PreviewMovementInput): Promise<MovementPreview> {
      requireEditor(principal)
      const now = clock()
      const room = await roomOf(database, principal, input.roomId)
      await checkUnits(database, principal, input.unitIds)
      await checkGeometry(database, input)
      const geometry = (input.route ?? input.area)!
      const findings = await analyseImpact(database, { geometry }, {
        from: new Date(input.plannedStart), to: new Date(input.plannedEnd), bufferMeters: room.bufferMeters, authorOrganizationId: principal.organizationId, bounds: boundsOf(geometry),
      })
      const notice = noticeOf(new Date(input.plannedStart), now, input.precedence, room.noticePeriods)
      return {
        findings: findings.map(findingView),
        affectedOrganizationIds: affectedOrganizations(findings, principal.organizationId),
        bufferMeters: room.bufferMeters,
        notice: { givenMinutes: notice.givenMinutes, requiredMinutes: notice.requiredMinutes, justificationRequired: notice.short },
      }
    },

    /**
     * The periodic check: expires movements whose window passed without starting, reminds the
     * officers of affected organizations that have not answered `escalationMinutes` before the
     * start, then tells their commander. Each step is recorded, audited and published live.
     */
    async checkDeadlines(now: Date = clock()): Promise<DeadlineCheck> {
      const result: DeadlineCheck = { expired: [], reminded: [], escalated: [] }
      for (const id of await store.movementsToExpire(database, now)) {
        const steps: TimelineEntry[] = []
        const row = await database.transaction(async (transaction) => {
          const row = await store.lockMovement(transaction, id)
          if (!row || row.planned_end > now) return null
          const next = transition(row.status, 'expire')
          if (!next.allowed) return null
          await store.setStatus(transaction, id, next.status)
          await recordStep(transaction, deconflictionActor, id, { kind: 'expired', detail: { from: row.status, to: next.status, plannedEnd: row.planned_end.toISOString() }, visibleTo: row.released_to, at: now }, steps)
          return row
        })
        if (!row) continue
        result.expired.push(id)
        await publish(id, steps)
        if (row.status !== 'draft') followUp({ bounds: row.bounds, window: { from: row.planned_start, to: row.planned_end }, counterpartType: 'movement', counterpartId: id }, 'movement-expired')
      }
      for (const due of await store.unansweredPartiesDue(database, now, escalationMinutes)) {
        const steps: TimelineEntry[] = []
        const done = await database.transaction(async (transaction) => {
          const row = await store.lockMovement(transaction, due.movementId)
          if (!row || !transition(row.status, 'remind').allowed) return []
          const party = (await store.storedParties(transaction, due.movementId)).find((candidate) => candidate.organizationId === due.organizationId)
          if (!party?.affected) return []
          const nudges = dueNudges({ answered: party.answer !== null, remindedAt: party.remindedAt, escalatedAt: party.escalatedAt }, row.planned_start, escalationMinutes, now)
          for (const nudge of nudges) {
            await store.markNudged(transaction, due.movementId, due.organizationId, nudge, now)
            const detail = nudge === 'reminded'
              ? { toRoles: ['liaison-officer', 'watch-officer'], plannedStart: row.planned_start.toISOString(), escalationMinutes }
              : { toRoles: ['commander'], plannedStart: row.planned_start.toISOString(), escalationMinutes }
            await recordStep(transaction, deconflictionActor, due.movementId, { kind: nudge, organizationId: due.organizationId, detail, visibleTo: row.released_to, at: now }, steps)
          }
          return nudges
        })
        if (done.length === 0) continue
        for (const nudge of done) result[nudge].push(due)
        await publish(due.movementId, steps)
      }
      return result
    },

    /** Runs the periodic check every `intervalMs` in the background; returns the function that stops it. */
    startDeadlineChecks(intervalMs: number): () => void {
      const timer = setInterval(() => enqueue(async () => {
        await this.checkDeadlines()
      }), intervalMs)
      timer.unref()
      return () => clearInterval(timer)
    },
  }
}
