/** Latest positions as a layer of the picture: for live snapshots and exports, served from memory. */
import { type LayerSource } from '../live/layer-source.ts'
import type { LatestPosition } from './track-schemas.ts'
import type { TracksService } from './tracks-service.ts'

/** The positions layer: each unit released to the viewer at its latest reported position. */
export function positionsLayer(tracks: Pick<TracksService, 'latest'>): LayerSource<LatestPosition> {
  return {
    layer: 'positions',
    list: async function* (viewer, query) {
      // Already filtered by releasability in memory; a snapshot of a few thousand points needs no paging.
      yield* tracks.latest(viewer, query)
    },
    toFeature: (position) => ({
      type: 'Feature',
      id: position.unitId,
      geometry: { type: 'Point', coordinates: position.altitudeMeters === null ? [position.lon, position.lat] : [position.lon, position.lat, position.altitudeMeters] },
      properties: {
        unitId: position.unitId, organizationId: position.organizationId, homeRoomId: position.homeRoomId, speedMps: position.speedMps,
        courseDegrees: position.courseDegrees, reportedAt: position.reportedAt, source: position.source,
      },
    }),
  }
}
