/**
 * Tracks: position reports of units. Batches are checked report by report (one bad fix does not
 * sink the other 4,999), stored with one multi-row insert, move each unit's latest position
 * forward only, and are published live as one change per unit that moved. The latest positions
 * are served from memory; the history from track_points, pruned after the retention window.
 */
import { randomUUID } from 'node:crypto'
import type { Config } from '../platform/config.ts'
import type { Database } from '../platform/database/database.ts'
import type { Actor } from '../platform/auth/principal.ts'
import type { EventBus } from '../platform/event-bus.ts'
import { TansiqError } from '../platform/errors.ts'
import { appendAuditEntry } from '../audit/audit-log.ts'
import type { PictureChange } from '../live/picture-change.ts'
import type { Viewer } from '../releasability/released-store.ts'
import { checkReport, newestPerUnit, type ReportRejection } from './core/report-rules.ts'
import { LatestPositionsCache, type LatestPositionsQuery } from './latest-positions-cache.ts'
import type { IngestResult, InvalidPositionReport, LatestPosition, PositionReport, TrackPoint } from './track-schemas.ts'
import * as store from './tracks-store.ts'

export type TracksService = Awaited<ReturnType<typeof createTracksService>>

/** Who reports: the organization whose units the reports are for, and whom the audit names. */
export interface PositionReporter {
  organizationId: string
  actor: Actor
}

/** How often old history is pruned. */
export const pruneIntervalMilliseconds = 10 * 60 * 1000
const defaultHistoryWindowMilliseconds = 24 * 60 * 60 * 1000

interface Candidate extends store.StorableReport {
  index: number
}

/** The live change of a unit's latest position: the same view for every organization it is released to. */
export function positionChange(point: TrackPoint, releasedTo: readonly string[], homeRoomId: string | null): PictureChange {
  return {
    layer: 'positions',
    kind: 'upsert',
    id: point.unitId,
    releasedTo,
    roomIds: homeRoomId ? [homeRoomId] : [],
    bbox: [point.lon, point.lat, point.lon, point.lat],
    data: point,
  }
}

function toPoint(report: store.StorableReport): TrackPoint {
  return {
    unitId: report.unitId, lat: report.lat, lon: report.lon, altitudeMeters: report.altitudeMeters, speedMps: report.speedMps,
    courseDegrees: report.courseDegrees, reportedAt: new Date(report.reportedAtMilliseconds).toISOString(), source: report.source,
  }
}

/** Builds the tracks capability: loads the latest positions into memory and starts the periodic prune. */
export async function createTracksService(options: { database: Database; bus: EventBus<PictureChange>; config: Pick<Config, 'TRACK_RETENTION_HOURS'>; now?: () => number }) {
  const { database, bus } = options
  const now = options.now ?? Date.now
  const retentionMilliseconds = options.config.TRACK_RETENTION_HOURS * 3_600_000
  const latest = new LatestPositionsCache()

  const unsubscribe = bus.subscribe((change) => {
    if (change.layer === 'units') latest.applyUnitChange(change)
  })
  for (const row of await store.loadLatestPositions(database)) {
    latest.noteUnit(row.position.unitId, { organizationId: row.position.organizationId, releasedTo: row.releasedTo, homeRoomId: row.position.homeRoomId, version: row.version })
    const { organizationId: _organization, homeRoomId: _room, ...point } = row.position
    latest.advance(point)
  }

  async function prune(at: number = now()): Promise<number> {
    return store.deleteTrackPointsBefore(database, new Date(at - retentionMilliseconds))
  }
  let pruning = false
  const pruneTimer = setInterval(() => {
    // A prune still deleting a large backlog is not joined by a second one.
    if (pruning) return
    pruning = true
    prune().catch((error: unknown) => console.error('track retention prune failed', error)).finally(() => {
      pruning = false
    })
  }, pruneIntervalMilliseconds)
  pruneTimer.unref()

  /**
   * Stores a batch of reports for units of the reporter's organization. Each report is checked
   * on its own; refused ones are listed by index and the rest is stored in one transaction.
   */
  async function ingest(reporter: PositionReporter, reports: ReadonlyArray<PositionReport | InvalidPositionReport>): Promise<IngestResult> {
    const at = now()
    const rejected: ReportRejection[] = []
    const candidates: Candidate[] = []
    const repeated: Candidate[] = []
    const seen = new Set<string>()
    for (let index = 0; index < reports.length; index++) {
      const report = reports[index]!
      if ('invalidReport' in report) {
        rejected.push({ index, code: 'invalid-report', detail: report.invalidReport })
        continue
      }
      const candidate: Candidate = {
        index, unitId: report.unitId.toLowerCase(), lat: report.lat, lon: report.lon, altitudeMeters: report.altitudeMeters ?? null,
        speedMps: report.speedMps ?? null, courseDegrees: report.courseDegrees ?? null, reportedAtMilliseconds: Date.parse(report.reportedAt), source: report.source,
      }
      const refusal = checkReport(candidate, at, retentionMilliseconds)
      if (refusal) {
        rejected.push({ index, ...refusal })
        continue
      }
      // The same unit and time twice in one batch is a duplicate, as it would be across batches.
      const key = `${candidate.unitId}@${candidate.reportedAtMilliseconds}`
      if (seen.has(key)) repeated.push(candidate)
      else {
        seen.add(key)
        candidates.push(candidate)
      }
    }
    if (candidates.length === 0) return { accepted: 0, duplicates: 0, rejected }

    const unitIds = [...new Set(candidates.map((candidate) => candidate.unitId))]
    const outcome = await database.transaction(async (transaction) => {
      const units = new Map((await store.lockReportedUnits(transaction, unitIds)).map((unit) => [unit.id, unit]))
      const refusal = (candidate: Candidate): ReportRejection | null => {
        const unit = units.get(candidate.unitId)
        // A unit not released to the reporter is unknown to it: refusing it otherwise would reveal that it exists.
        if (!unit || !unit.released_to.includes(reporter.organizationId)) return { index: candidate.index, code: 'unknown-unit', detail: `No unit ${candidate.unitId}` }
        if (unit.organization_id !== reporter.organizationId) return { index: candidate.index, code: 'not-own-unit', detail: `Unit ${candidate.unitId} belongs to ${unit.organization_id}; an organization reports only its own units` }
        return null
      }
      const storable: Candidate[] = []
      for (const candidate of candidates) {
        const refused = refusal(candidate)
        if (refused) rejected.push(refused)
        else storable.push(candidate)
      }
      let repeats = 0
      for (const candidate of repeated) {
        const refused = refusal(candidate)
        if (refused) rejected.push(refused)
        else repeats++
      }
      if (storable.length === 0) return { inserted: 0, stored: 0, repeats, units, newest: [] as Candidate[], moved: [] as string[] }
      const history = await store.insertTrackPoints(transaction, storable)
      const newest = newestPerUnit(storable)
      const moved = await store.advanceLatestPositions(transaction, newest)
      // Position reports are high-rate telemetry, not changes of record: one audit entry per
      // stored batch (how many, of how many units, over which time span) rather than one per report.
      if (history.inserted > 0) {
        await appendAuditEntry(transaction, reporter.actor, {
          action: 'tracks.ingested',
          objectType: 'track-batch',
          objectId: randomUUID(),
          change: { count: history.inserted, units: history.units, from: history.from && new Date(history.from).toISOString(), to: history.to && new Date(history.to).toISOString() },
          visibleTo: [reporter.organizationId],
        })
      }
      return { inserted: history.inserted, stored: storable.length, repeats, units, newest, moved }
    })

    // After commit: the cache and live clients see each unit that moved, once, never backwards in time.
    const moved = new Set(outcome.moved)
    for (const report of outcome.newest) {
      const unit = outcome.units.get(report.unitId)!
      latest.noteUnit(unit.id, { organizationId: unit.organization_id, releasedTo: unit.released_to, homeRoomId: unit.home_room_id, version: unit.version })
      if (!moved.has(report.unitId)) continue
      const point = toPoint(report)
      if (!latest.advance(point)) continue
      const visibility = latest.visibilityOf(unit.id)!
      bus.publish(positionChange(point, visibility.releasedTo, visibility.homeRoomId))
    }
    rejected.sort((a, b) => a.index - b.index)
    return { accepted: outcome.inserted, duplicates: outcome.repeats + outcome.stored - outcome.inserted, rejected }
  }

  return {
    ingest,

    /** Stores one report of a unit; a refusal is an error (404 unknown unit, 403 another's unit, 422 out of range or time). */
    async ingestOne(reporter: PositionReporter, report: PositionReport): Promise<IngestResult> {
      const result = await ingest(reporter, [report])
      const refusal = result.rejected[0]
      if (!refusal) return result
      if (refusal.code === 'unknown-unit') throw new TansiqError('not-found', refusal.detail)
      if (refusal.code === 'not-own-unit') throw new TansiqError('forbidden', refusal.detail)
      throw new TansiqError('unprocessable', refusal.detail, { rejection: refusal.code })
    },

    /** The latest position of each unit released to the viewer, from memory. */
    latest: (viewer: Viewer, query: LatestPositionsQuery = {}): LatestPosition[] => latest.released(viewer, query),

    /** The track of one unit released to the viewer (not-found otherwise), in time order. */
    async unitTrack(viewer: Viewer, unitId: string, window: Omit<store.TrackWindow, 'from'> & { from?: Date | undefined }): Promise<TrackPoint[]> {
      if (!(await store.findReleasedUnit(database, viewer, unitId))) throw new TansiqError('not-found', `No unit ${unitId}`)
      return store.listUnitTrack(database, viewer, unitId, withDefaultStart(window, now()))
    },

    /** The tracks of every unit released to the viewer within a window, in time order. */
    tracks: (viewer: Viewer, window: Omit<store.TrackWindow, 'from'> & { from?: Date | undefined }): Promise<TrackPoint[]> =>
      store.listTracks(database, viewer, withDefaultStart(window, now())),

    /** Deletes history older than the retention window as of `at` (now by default); latest positions stay. */
    prune,

    /** Stops the periodic prune and the bus subscription. */
    close(): void {
      clearInterval(pruneTimer)
      unsubscribe()
    },
  }
}

function withDefaultStart(window: Omit<store.TrackWindow, 'from'> & { from?: Date | undefined }, now: number): store.TrackWindow {
  if (window.from && window.to && window.from > window.to) throw new TansiqError('validation-failed', '`from` must not be after `to`')
  return { ...window, from: window.from ?? new Date((window.to?.getTime() ?? now) - defaultHistoryWindowMilliseconds) }
}
