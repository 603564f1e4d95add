/**
 * Coverage of each room's joint security area: the gaps no area of responsibility covers and the
 * overlaps two or more organizations claim, recomputed in PostGIS whenever an area near it changes
 * (live bus events) or an area's validity window opens or closes (a periodic check), with alerts
 * for new large gaps and the history of the total gap area.
 *
 * Who sees what: coverage is a product of the room, visible to its members (others get
 * not-found, as for the room itself). Its geometry says only "covered by no one" or "claimed by
 * several"; the organizations bordering a gap or claiming an overlap are named to a reader only
 * through an area of theirs involved that is released to the reader (an overlap also says how many
 * claim it, which its existence implies anyway). Live events go alike to every member, so they
 * name only organizations whose areas are released to all members; GET gives each reader its own view.
 *
 * Recomputations run one at a time, in the order asked; asking again for a room already waiting
 * does not queue a second run.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { Database, Queryable } from '../platform/database/database.ts'
import { actorOf, type Actor, type Principal } from '../platform/auth/principal.ts'
import { alertAcknowledgerRoles } from '../platform/auth/roles.ts'
import type { Config } from '../platform/config.ts'
import type { EventBus } from '../platform/event-bus.ts'
import { TansiqError } from '../platform/errors.ts'
import { appendAuditEntry } from '../audit/audit-log.ts'
import type { PictureChange } from '../live/picture-change.ts'
import type { Viewer } from '../releasability/released-store.ts'
import { roomsAffectedBy } from './core/affected-rooms.ts'
import { gapsToAlert, historyChanged, releasedToAll, totalsOf } from './core/coverage-rules.ts'
import { coverageFeatureOf, type CoverageFeature, type PartRecord } from './core/coverage-views.ts'
import { compactHistory } from './core/history-compaction.ts'
import { defaultMatchingRules, matchParts } from './core/part-matching.ts'
import { warmUpArrangement } from './core/warm-up-arrangement.ts'
import type { CoverageAlert, CoverageHistory, RoomCoverage } from './coverage-schemas.ts'
import * as store from './coverage-store.ts'

/** How coverage is computed and when it alerts. */
export interface CoverageSettings extends store.ComputationSettings {
  /** A new gap at least this large (km²) raises an alert. */
  gapAlertKm2: number
  /** Milliseconds between two checks of validity windows; 0 for none. */
  checkIntervalMs: number
}

/** The coverage settings of a configuration. */
export function coverageSettingsOf(config: Config): CoverageSettings {
  return {
    gridDegrees: 1e-7,
    minimumPartKm2: config.COVERAGE_MIN_PART_KM2,
    borderMeters: config.COVERAGE_BORDER_METERS,
    gapAlertKm2: config.COVERAGE_GAP_ALERT_KM2,
    checkIntervalMs: config.COVERAGE_CHECK_SECONDS * 1000,
  }
}

/** Who raises alerts in the audit log: the coverage computation itself. */
const coverageActor: Actor = { userId: null, username: 'system:coverage', organizationId: null, requestId: null }

/** What one recomputation did. */
export interface RecomputeOutcome {
  roomId: string
  asOf: Date
  /** Whether the gaps or overlaps differ from the stored result. */
  changed: boolean
  /** Ids of gaps and overlaps created or updated, and removed. */
  upsertedIds: string[]
  removedIds: string[]
  /** Ids of the alerts raised. */
  alertIds: string[]
  durationMs: number
}

export type CoverageService = ReturnType<typeof createCoverageService>

/** The alert as the API shows it. */
function alertView(alert: store.StoredAlert): CoverageAlert {
  return {
    id: alert.id,
    roomId: alert.roomId,
    gapId: alert.gapId,
    areaKm2: alert.areaKm2,
    geometry: alert.geometry,
    raisedAt: alert.raisedAt.toISOString(),
    acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: alert.acknowledgedByUsername && alert.acknowledgedOrganizationId
      ? { username: alert.acknowledgedByUsername, organizationId: alert.acknowledgedOrganizationId }
      : null,
  }
}

/** Builds the coverage capability. Call `start()` to follow area changes and check validity windows. */
export function createCoverageService(options: { database: Database; bus: EventBus<PictureChange>; settings: CoverageSettings; clock?: () => Date }) {
  const { database, bus, settings } = options
  const clock = options.clock ?? (() => new Date())

  // The queue of work: one task at a time; a room waiting to be recomputed is not queued twice.
  let chain: Promise<unknown> = Promise.resolve()
  const waiting = new Map<string, { at: Date | undefined; done: Promise<RecomputeOutcome | null> }>()
  let stopped = false
  let timer: ReturnType<typeof setInterval> | undefined
  let unsubscribe: (() => void) | undefined
  // The catching-up at start (rooms never computed, or whose areas' windows opened or closed while the server was down).
  let catchingUp: Promise<void> = Promise.resolve()

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = chain.then(task)
    chain = run.catch(() => undefined)
    return run
  }

  function logFailure(what: string) {
    return (error: unknown) => console.error(`coverage: ${what} failed`, error)
  }

  /** Recomputes a room after the tasks already queued; at `at` (an injected instant) or the clock's now when it runs. */
  function schedule(roomId: string, at?: Date): Promise<RecomputeOutcome | null> {
    const queued = waiting.get(roomId)
    if (queued) {
      if (at) queued.at = at
      return queued.done
    }
    const entry: { at: Date | undefined; done: Promise<RecomputeOutcome | null> } = { at, done: Promise.resolve(null) }
    waiting.set(roomId, entry)
    entry.done = enqueue(() => {
      waiting.delete(roomId)
      return recomputeNow(roomId, entry.at ?? clock())
    })
    return entry.done
  }

  async function requireMember(viewer: Viewer, roomId: string): Promise<string[]> {
    const members = await store.roomMembers(database, roomId)
    if (!members || !members.includes(viewer.organizationId)) throw new TansiqError('not-found', `No room ${roomId}`)
    return members
  }

  /** The parts' features as every member alike may see them (for live events). */
  async function featuresForAllMembers(members: readonly string[], parts: readonly PartRecord[]): Promise<CoverageFeature[]> {
    const areaIds = [...new Set(parts.flatMap((part) => part.areaIds))]
    const perMember = await Promise.all(members.map((organizationId) => store.releasedAreaOrganizations(database, { organizationId }, areaIds)))
    const owners = releasedToAll(perMember)
    return parts.map((part) => coverageFeatureOf(part, owners))
  }

  function partChange(feature: CoverageFeature, members: readonly string[], bbox: [number, number, number, number], previouslyReleasedTo?: readonly string[]): PictureChange {
    return {
      layer: 'coverage', kind: 'upsert', id: feature.id, releasedTo: members, ...(previouslyReleasedTo ? { previouslyReleasedTo } : {}),
      roomIds: [feature.roomId], bbox, data: feature,
    }
  }

  function alertChange(alert: store.StoredAlert, members: readonly string[]): PictureChange {
    return { layer: 'coverage', kind: 'upsert', id: alert.id, releasedTo: members, roomIds: [alert.roomId], bbox: alert.bbox, data: { kind: 'alert', ...alertView(alert) } }
  }

  /** One recomputation's reads and writes, in the caller's transaction (publishing is the caller's, after commit). */
  async function recomputeWithin(transaction: Queryable, roomId: string, at: Date, using: CoverageSettings) {
    const locked = await store.lockRoomCoverage(transaction, roomId, at)
    if (!locked) return null
    const previousParts = await store.listPartSummaries(transaction, roomId)
    const computed = await store.computeCoverage(transaction, roomId, at, using)
    const matching = matchParts(previousParts, computed.parts, defaultMatchingRules)
    const resolved = matching.parts.map((match) => ({ match, part: computed.parts[match.index]!, id: match.previousId ?? randomUUID() }))
    const written = resolved.filter(({ match }) => match.status !== 'unchanged')
    const computedAt = new Date()
    await store.deleteParts(transaction, [...matching.removedIds, ...written.flatMap(({ match }) => (match.previousId ? [match.previousId] : []))])
    await store.insertParts(transaction, roomId, written.map(({ id, part, match }) => ({ id, part, firstSeenAt: match.firstSeenAt ?? at })), computedAt)

    const totals = totalsOf(computed.parts)
    await store.saveState(transaction, { roomId, asOf: at, jointSecurityAreaKm2: computed.jointSecurityAreaKm2, ...totals, inputAreaIds: computed.inputAreaIds, changed: matching.changed }, using)
    const previousTotals = locked.state ? { gapKm2: locked.state.gapKm2, gapCount: locked.state.gapCount, hasJointSecurityArea: locked.state.hasJointSecurityArea } : null
    if (historyChanged(previousTotals, { ...totals, hasJointSecurityArea: computed.hasJointSecurityArea })) {
      await store.appendHistory(transaction, roomId, { at, ...totals, jointSecurityAreaKm2: computed.jointSecurityAreaKm2 })
    }

    const alerting = gapsToAlert(resolved.map(({ part, id }) => ({ ...part, id })), matching.parts, using.gapAlertKm2, defaultMatchingRules.newShare)
    const alerts = alerting.map((gap) => ({ id: randomUUID(), gapId: gap.id, ewkb: gap.ewkb, areaKm2: gap.areaKm2, geometry: gap.geometry, bbox: gap.bbox }))
    await store.insertAlerts(transaction, roomId, alerts, at)
    if (alerts.length > 0) {
      // One entry per computation that raised alerts, naming each: the record of who was told what, and when.
      await appendAuditEntry(transaction, coverageActor, {
        action: 'coverage.alerts-raised', objectType: 'room', objectId: roomId,
        change: { asOf: at.toISOString(), thresholdKm2: using.gapAlertKm2, alerts: alerts.map(({ id, gapId, areaKm2 }) => ({ id, gapId, areaKm2 })) }, visibleTo: locked.members,
      })
    }
    const raised = alerts.map(({ id, gapId, geometry, areaKm2, bbox }): store.StoredAlert => ({
      id, roomId, gapId, geometry, areaKm2, bbox, raisedAt: at, acknowledgedAt: null, acknowledgedByUsername: null, acknowledgedOrganizationId: null,
    }))
    return { members: locked.members, matching, written, raised }
  }

  async function recomputeNow(roomId: string, at: Date): Promise<RecomputeOutcome | null> {
    const started = performance.now()
    const result = await database.transaction((transaction) => recomputeWithin(transaction, roomId, at, settings))
    if (!result) return null

    const { members, matching, written, raised } = result
    const upserts = written.map(({ id, part, match }): PartRecord & { bbox: [number, number, number, number] } => ({
      id, roomId, kind: part.kind, geometry: part.geometry, areaKm2: part.areaKm2, organizationIds: part.organizationIds, areaIds: part.areaIds,
      firstSeenAt: match.firstSeenAt ?? at, bbox: part.bbox,
    }))
    if (upserts.length > 0) {
      const features = await featuresForAllMembers(members, upserts)
      features.forEach((feature, index) => bus.publish(partChange(feature, members, upserts[index]!.bbox)))
    }
    for (const id of matching.removedIds) {
      bus.publish({ layer: 'coverage', kind: 'delete', id, releasedTo: [], previouslyReleasedTo: members, roomIds: [roomId], bbox: null, data: { id } })
    }
    for (const alert of raised) bus.publish(alertChange(alert, members))
    return {
      roomId, asOf: at, changed: matching.changed, upsertedIds: written.map(({ id }) => id), removedIds: matching.removedIds, alertIds: raised.map((alert) => alert.id),
      durationMs: performance.now() - started,
    }
  }

  /** After an area change: recompute the rooms it belongs to, read, or reaches. */
  async function onAreaChange(change: PictureChange): Promise<void> {
    const states = await store.listStates(database)
    const rooms = roomsAffectedBy({ id: change.id, roomIds: change.roomIds, bbox: change.bbox }, states.map((state) => ({ roomId: state.roomId, inputAreaIds: state.inputAreaIds, extent: state.extent })))
    for (const roomId of rooms) schedule(roomId).catch(logFailure(`recomputing ${roomId}`))
  }

  /** After a room's membership changed: its gaps and overlaps are published again to the new members (and withdrawn from former ones). */
  async function onRoomChange(change: PictureChange): Promise<void> {
    const before = [...(change.previouslyReleasedTo ?? [])].sort()
    const after = [...change.releasedTo].sort()
    if (before.join() === after.join()) return
    const parts = await store.listParts(database, change.id)
    const features = await featuresForAllMembers(after, parts)
    features.forEach((feature, index) => bus.publish(partChange(feature, after, parts[index]!.bbox, before)))
  }

  const service = {
    settings,

    /**
     * Follows area and room changes on the bus, starts the periodic check of validity windows, and
     * at once (in the background) brings up to date every room whose coverage was never computed or
     * went stale while the server was down: a reader's first request then finds it stored.
     */
    start(): void {
      if (unsubscribe) return
      stopped = false
      unsubscribe = bus.subscribe((change) => {
        if (stopped) return
        if (change.layer === 'areas') enqueue(() => onAreaChange(change)).catch(logFailure('following an area change'))
        else if (change.layer === 'rooms' && change.previouslyReleasedTo) enqueue(() => onRoomChange(change)).catch(logFailure('republishing a room'))
      })
      catchingUp = service.checkValidity().then(() => {}, logFailure('bringing coverage up to date at start'))
      if (settings.checkIntervalMs > 0) {
        timer = setInterval(() => {
          service.checkValidity().catch(logFailure('checking validity windows'))
        }, settings.checkIntervalMs)
        timer.unref()
      }
    },

    /** Stops following changes and waits for the work under way. */
    async stop(): Promise<void> {
      stopped = true
      unsubscribe?.()
      unsubscribe = undefined
      if (timer) clearInterval(timer)
      timer = undefined
      await service.idle()
    },

    /** Resolves once no recomputation is queued or running. */
    async idle(): Promise<void> {
      await catchingUp
      for (;;) {
        const current = chain
        await current
        if (current === chain) return
      }
    },

    /**
     * Warms the geometry engine before the first real computation: computes the coverage of a
     * small synthetic room (warm-up-arrangement.ts) twice — the second time after one of its areas
     * moved, so the comparison with stored parts runs too — and reads it back as a reader would,
     * all in one transaction that is rolled back: nothing is kept, published or audited. On the
     * embedded database the first computation after start-up otherwise pays for looking up each
     * PostGIS function in the WebAssembly module and for compiling the geometry engine's code
     * (≈ 0.5 s for a room of 500 areas; see docs/benchmarks.md). The server runs it before it
     * reports ready (COVERAGE_WARM_UP). Returns how long it took.
     */
    async warmUp(): Promise<{ durationMs: number }> {
      const started = performance.now()
      const suffix = randomBytes(4).toString('hex')
      const roomId = `coverage-warm-up-${suffix}`
      const organizationIds = [0, 1, 2].map((index) => `coverage-warm-up-${suffix}-${index}`)
      // No alert can be raised, so nothing is audited even inside the rolled-back transaction.
      const using: CoverageSettings = { ...settings, gapAlertKm2: Number.POSITIVE_INFINITY }
      const rolledBack = new Error('coverage warm-up rolled back')
      await enqueue(() => database.transaction(async (transaction) => {
        const arrangement = warmUpArrangement()
        const areaIds = await store.insertWarmUpRoom(transaction, { roomId, organizationIds, arrangement })
        const at = clock()
        await recomputeWithin(transaction, roomId, at, using)
        // One area shifts by a few hundred metres, as an edit would: the second computation compares with stored parts.
        await store.reshapeWarmUpArea(transaction, areaIds[0]!, arrangement.areas[0]!.ring.map(([x, y]) => [x + 0.004, y + 0.003] as const))
        await recomputeWithin(transaction, roomId, new Date(at.getTime() + 1), using)
        await store.findState(transaction, roomId)
        await store.roomsWithValidityChanges(transaction, at, roomId)
        const parts = await store.listParts(transaction, roomId)
        await store.releasedAreaOrganizations(transaction, { organizationId: organizationIds[0]! }, parts.flatMap((part) => part.areaIds))
        throw rolledBack
      })).catch((error: unknown) => {
        if (error !== rolledBack) throw error
      })
      return { durationMs: performance.now() - started }
    },

    /** Recomputes a room's coverage now (after work already queued), at `at` or the clock's now. */
    recompute: (roomId: string, at?: Date) => schedule(roomId, at),

    /**
     * Recomputes the rooms whose areas' validity windows opened or closed after their last
     * computation and no later than `at` (and rooms with a joint security area never computed).
     * Runs every COVERAGE_CHECK_SECONDS; callable with an injected instant in tests. Returns what
     * each recomputation did.
     */
    async checkValidity(at: Date = clock()): Promise<RecomputeOutcome[]> {
      const rooms = await store.roomsWithValidityChanges(database, at)
      const outcomes = await Promise.all(rooms.map((roomId) => schedule(roomId, at)))
      return outcomes.filter((outcome): outcome is RecomputeOutcome => outcome !== null)
    },

    /** The current gaps and overlaps of a room, as the reader may see them. */
    async get(viewer: Viewer, roomId: string): Promise<RoomCoverage> {
      await requireMember(viewer, roomId)
      // Not computed yet, or an area's validity window opened or closed since (the periodic check may not have run yet): compute first.
      let state = await store.findState(database, roomId)
      const now = clock()
      if (!state || (await store.roomsWithValidityChanges(database, now, roomId)).length > 0) {
        await schedule(roomId, now)
        state = await store.findState(database, roomId)
      }
      const parts = await store.listParts(database, roomId)
      const owners = await store.releasedAreaOrganizations(database, viewer, parts.flatMap((part) => part.areaIds))
      const features = parts.map((part) => coverageFeatureOf(part, owners))
      return {
        roomId,
        hasJointSecurityArea: state?.hasJointSecurityArea ?? false,
        jointSecurityAreaKm2: state?.jointSecurityAreaKm2 ?? 0,
        asOf: (state?.asOf ?? clock()).toISOString(),
        computedAt: (state?.computedAt ?? clock()).toISOString(),
        totals: totalsOf(parts),
        gaps: features.filter((feature) => feature.kind === 'gap').map((feature) => ({
          id: feature.id, areaKm2: feature.areaKm2, geometry: feature.geometry, borderingOrganizationIds: feature.organizationIds, firstSeenAt: feature.firstSeenAt,
        })),
        overlaps: features.filter((feature) => feature.kind === 'overlap').map((feature) => ({
          id: feature.id, areaKm2: feature.areaKm2, geometry: feature.geometry, claimingOrganizationIds: feature.organizationIds,
          claimantCount: feature.claimantCount, firstSeenAt: feature.firstSeenAt,
        })),
      }
    },

    /** The total gap area of a room over time, thinned to at most `maxPoints`. */
    async history(viewer: Viewer, roomId: string, query: { from?: string | undefined; to?: string | undefined; maxPoints: number }): Promise<CoverageHistory> {
      await requireMember(viewer, roomId)
      const to = query.to ? new Date(query.to) : clock()
      const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * 24 * 60 * 60 * 1000)
      if (from >= to) throw new TansiqError('validation-failed', `\`from\` (${from.toISOString()}) must be before \`to\` (${to.toISOString()})`)
      const points = compactHistory(await store.listHistory(database, roomId, from, to), query.maxPoints)
      return {
        roomId, from: from.toISOString(), to: to.toISOString(),
        points: points.map((point) => ({ ...point, at: point.at.toISOString() })),
      }
    },

    /** The alerts of a room, newest first. */
    async alerts(viewer: Viewer, roomId: string, query: { status: 'open' | 'acknowledged' | 'all'; limit: number }): Promise<CoverageAlert[]> {
      await requireMember(viewer, roomId)
      return (await store.listAlerts(database, roomId, query)).map(alertView)
    },

    /** Acknowledges an alert for the principal's organization (watch officers and commanders of a member). */
    async acknowledge(principal: Principal, roomId: string, alertId: string, requestId: string): Promise<CoverageAlert> {
      const members = await requireMember(principal, roomId)
      if (!alertAcknowledgerRoles.includes(principal.role)) throw new TansiqError('forbidden', `Acknowledging a coverage alert needs the role watch-officer or commander; you are ${principal.role}`)
      const alert = await database.transaction(async (transaction) => {
        const stored = await store.findAlert(transaction, roomId, alertId, true)
        if (!stored) throw new TansiqError('not-found', `No alert ${alertId} in room ${roomId}`)
        if (stored.acknowledgedAt) {
          throw new TansiqError('conflict', `The alert was already acknowledged by ${stored.acknowledgedByUsername} (${stored.acknowledgedOrganizationId}) at ${stored.acknowledgedAt.toISOString()}`)
        }
        const at = new Date()
        await store.acknowledgeAlert(transaction, alertId, { userId: principal.userId, username: principal.username, organizationId: principal.organizationId }, at)
        await appendAuditEntry(transaction, actorOf(principal, requestId), {
          action: 'coverage.alert-acknowledged', objectType: 'coverage-alert', objectId: alertId, change: { roomId, acknowledgedAt: at.toISOString() }, visibleTo: members,
        })
        return (await store.findAlert(transaction, roomId, alertId))!
      })
      bus.publish(alertChange(alert, members))
      return alertView(alert)
    },
  }
  return service
}
