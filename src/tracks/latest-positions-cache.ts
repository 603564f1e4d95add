/**
 * The latest position of every unit, in memory: filled from unit_positions at start, moved on
 * each committed batch, and kept in step with each unit's released set, home room and deletion
 * through the bus's 'units' events. Reads of the latest picture (a few a second per watch floor,
 * many more from live snapshots) then cost no query.
 *
 * Releasability here cannot go through selectReleased (there is no SQL), so the cache keeps each
 * unit's released set and every read filters on it with the same rule (isReleasedTo). Changes
 * of a unit carry its version; an older view never overwrites a newer one, whatever order the
 * ingestion commit and the units event arrive in.
 */
import type { BoundingBox } from '../platform/geometry/geojson.ts'
import type { PictureChange } from '../live/picture-change.ts'
import type { Viewer } from '../releasability/released-store.ts'
import { isReleasedTo } from '../releasability/core/release-rules.ts'
import type { LatestPosition, TrackPoint } from './track-schemas.ts'

/** Who may see a unit, as of a version of the unit. */
export interface UnitVisibility {
  organizationId: string
  releasedTo: readonly string[]
  homeRoomId: string | null
  version: number
}

/** Which latest positions: of a room's units and/or inside a box. */
export interface LatestPositionsQuery {
  roomId?: string | undefined
  bbox?: BoundingBox | undefined
}

/** The in-memory latest positions, filtered by releasability on every read. */
export class LatestPositionsCache {
  private readonly visibility = new Map<string, UnitVisibility>()
  private readonly positions = new Map<string, TrackPoint>()
  // Unit ids are UUIDs never reused: a deleted unit must not come back through a late update.
  private readonly deleted = new Set<string>()

  /** Records who may see a unit, unless a newer version is already known. */
  noteUnit(unitId: string, visibility: UnitVisibility): void {
    if (this.deleted.has(unitId)) return
    const known = this.visibility.get(unitId)
    if (!known || visibility.version >= known.version) this.visibility.set(unitId, visibility)
  }

  /** Forgets a deleted unit and its position. */
  forgetUnit(unitId: string): void {
    this.deleted.add(unitId)
    this.visibility.delete(unitId)
    this.positions.delete(unitId)
  }

  /** Moves a unit's latest position forward; false when the cache already holds a newer or equal one. */
  advance(point: TrackPoint): boolean {
    if (this.deleted.has(point.unitId)) return false
    const current = this.positions.get(point.unitId)
    if (current && Date.parse(current.reportedAt) >= Date.parse(point.reportedAt)) return false
    this.positions.set(point.unitId, point)
    return true
  }

  /** Who may see a unit, if known. */
  visibilityOf(unitId: string): UnitVisibility | undefined {
    return this.visibility.get(unitId)
  }

  /** Applies a committed change of a unit (release, home room, deletion) published on the bus. */
  applyUnitChange(change: PictureChange): void {
    if (change.layer !== 'units') return
    if (change.kind === 'delete') {
      this.forgetUnit(change.id)
      return
    }
    const unit = (change.originator?.data ?? change.data) as { organizationId?: string; homeRoomId?: string | null; version?: number }
    if (typeof unit.organizationId !== 'string' || typeof unit.version !== 'number') return
    this.noteUnit(change.id, { organizationId: unit.organizationId, releasedTo: change.releasedTo, homeRoomId: unit.homeRoomId ?? null, version: unit.version })
  }

  /** The latest positions released to the viewer, optionally of a room's units and inside a box. */
  released(viewer: Viewer, query: LatestPositionsQuery = {}): LatestPosition[] {
    const found: LatestPosition[] = []
    for (const [unitId, point] of this.positions) {
      const unit = this.visibility.get(unitId)
      if (!unit || !isReleasedTo(unit, viewer.organizationId)) continue
      if (query.roomId !== undefined && unit.homeRoomId !== query.roomId) continue
      if (query.bbox) {
        const [west, south, east, north] = query.bbox
        if (point.lon < west || point.lon > east || point.lat < south || point.lat > north) continue
      }
      found.push({ ...point, organizationId: unit.organizationId, homeRoomId: unit.homeRoomId })
    }
    return found
  }

  /** How many units have a latest position in memory. */
  get size(): number {
    return this.positions.size
  }
}
