/**
 * Moving tracks for demo mode: each simulated unit drives along its route at its own speed and
 * reports its position every few seconds (2–30 s, like real devices), through the same ingestion
 * service as field reports, looping for ever. Nothing runs until startTrackSimulator is called,
 * and stop() ends it cleanly (waiting for a batch in flight). The movement maths is pure, in
 * core/route-movement.ts; this file is only the timer loop.
 */
import type { Actor } from '../platform/auth/principal.ts'
import { distanceTravelled, positionAlongRoute, routeLengthMeters, type LonLat } from './core/route-movement.ts'
import type { PositionReport } from './track-schemas.ts'
import type { TracksService } from './tracks-service.ts'

/** A unit the simulator moves. */
export interface SimulatedUnit {
  unitId: string
  organizationId: string
  /** Waypoints as [longitude, latitude]; a closed route is a circuit, an open one is driven out and back. */
  route: readonly LonLat[]
  speedMps: number
  /** How often the unit reports, 2–30 s. */
  reportEverySeconds: number
  /** Where on the route the unit starts, in metres from its first waypoint. */
  startOffsetMeters?: number
  altitudeMeters?: number
}

/** A running simulator. */
export interface TrackSimulator {
  /** Stops reporting; resolves once no batch is in flight. */
  stop(): Promise<void>
}

export const simulatorSource = 'simulator'

function validate(unit: SimulatedUnit): void {
  if (unit.route.length < 2 || routeLengthMeters(unit.route) === 0) throw new RangeError(`simulated unit ${unit.unitId}: a route needs two distinct waypoints`)
  if (!(unit.speedMps >= 0 && unit.speedMps <= 100)) throw new RangeError(`simulated unit ${unit.unitId}: speed ${unit.speedMps} m/s is outside 0..100`)
  if (!(unit.reportEverySeconds >= 2 && unit.reportEverySeconds <= 30)) throw new RangeError(`simulated unit ${unit.unitId}: report every ${unit.reportEverySeconds} s is outside 2..30`)
}

/** The report a simulated unit sends at a time since the simulator started. */
export function simulatedReport(unit: SimulatedUnit, elapsedMilliseconds: number, at: number): PositionReport {
  const position = positionAlongRoute(unit.route, (unit.startOffsetMeters ?? 0) + distanceTravelled(unit.speedMps, elapsedMilliseconds))
  return {
    unitId: unit.unitId,
    lat: Number(position.lat.toFixed(6)),
    lon: Number(position.lon.toFixed(6)),
    altitudeMeters: unit.altitudeMeters ?? null,
    speedMps: unit.speedMps,
    courseDegrees: Number(position.courseDegrees.toFixed(1)),
    reportedAt: new Date(at).toISOString(),
    source: simulatorSource,
  }
}

/**
 * Starts moving `units`: every tick (1 s by default) the units whose report is due send it, one
 * batch per organization. The first reports go out at once.
 */
export function startTrackSimulator(options: {
  tracks: Pick<TracksService, 'ingest'>
  units: readonly SimulatedUnit[]
  tickMilliseconds?: number
  now?: () => number
}): TrackSimulator {
  const { tracks } = options
  const now = options.now ?? Date.now
  const tickMilliseconds = options.tickMilliseconds ?? 1000
  options.units.forEach(validate)
  const startedAt = now()
  const nextReportAt = new Map(options.units.map((unit) => [unit.unitId, startedAt]))
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let inFlight: Promise<void> = Promise.resolve()

  async function tick(): Promise<void> {
    const at = now()
    const due = new Map<string, PositionReport[]>()
    for (const unit of options.units) {
      if (nextReportAt.get(unit.unitId)! > at) continue
      nextReportAt.set(unit.unitId, at + unit.reportEverySeconds * 1000)
      const reports = due.get(unit.organizationId) ?? []
      reports.push(simulatedReport(unit, at - startedAt, at))
      due.set(unit.organizationId, reports)
    }
    for (const [organizationId, reports] of due) {
      if (stopped) return
      const actor: Actor = { userId: null, username: 'simulator', organizationId, requestId: null }
      const result = await tracks.ingest({ organizationId, actor }, reports)
      if (result.rejected.length > 0) console.error(`track simulator: ${result.rejected.length} report(s) of ${organizationId} refused, e.g. ${result.rejected[0]!.code}: ${result.rejected[0]!.detail}`)
    }
  }

  // Each tick is scheduled after the previous one finished, so a slow database never piles them up.
  function schedule(delay: number): void {
    if (stopped) return
    timer = setTimeout(() => {
      inFlight = tick().catch((error: unknown) => console.error('track simulator: a batch failed', error)).finally(() => schedule(tickMilliseconds))
    }, delay)
    // The simulator never keeps a process alive on its own (the server's socket does).
    timer.unref()
  }
  schedule(0)

  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await inFlight
    },
  }
}
