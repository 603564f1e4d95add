/**
 * A committed change of the picture, as published on the event bus after its transaction. The
 * live hub filters it per subscriber by releasedTo, room and bounding box, and tells those in
 * previouslyReleasedTo who lost sight of the object that it is gone for them.
 */
import type { BoundingBox } from '../platform/geometry/geojson.ts'

/** The layers a live client can subscribe to ('places' is reference data: snapshots of a box or room, no deltas). */
export const layers = ['units', 'positions', 'areas', 'coordination-lines', 'reports', 'rooms', 'movements', 'operations', 'operation-log', 'operation-results', 'coverage', 'places'] as const
export type Layer = (typeof layers)[number]

export interface PictureChange {
  layer: Layer
  kind: 'upsert' | 'delete'
  id: string
  /** Organizations that may see the object now (empty for a deletion seen by nobody). */
  releasedTo: readonly string[]
  /** Organizations that could see it before this change (narrowing, deletion). */
  previouslyReleasedTo?: readonly string[]
  /** Rooms the object belongs to (home room, room of an area, room released to). */
  roomIds: readonly string[]
  /** Extent of the object, for bounding-box subscriptions; null when it has no location. */
  bbox: BoundingBox | null
  /** The object as the API represents it to organizations other than its originator. */
  data: unknown
  /** The originator's organization and its view, when it differs (release details); each view is serialised once. */
  originator?: { organizationId: string; data: unknown }
}
