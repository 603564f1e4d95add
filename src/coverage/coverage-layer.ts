/** Coverage as a layer of the picture: the gaps and overlaps of the rooms the viewer is a member of, for live snapshots and exports. */
import type { Queryable } from '../platform/database/database.ts'
import { pages, type LayerSource } from '../live/layer-source.ts'
import { coverageFeatureOf, type CoverageFeature } from './core/coverage-views.ts'
import { pageParts, releasedAreaOrganizations, roomsOfOrganization } from './coverage-store.ts'

/** The coverage layer: one feature per gap or overlap, organizations named as the viewer may see them. */
export function coverageLayer(database: Queryable): LayerSource<CoverageFeature> {
  return {
    layer: 'coverage',
    list: (viewer, query) => ({
      async *[Symbol.asyncIterator]() {
        const rooms = (await roomsOfOrganization(database, viewer.organizationId)).filter((roomId) => query.roomId === undefined || roomId === query.roomId)
        if (rooms.length === 0) return
        yield* pages(async (afterId, limit) => {
          const parts = await pageParts(database, { roomIds: rooms, bbox: query.bbox, afterId, limit })
          const owners = await releasedAreaOrganizations(database, viewer, parts.flatMap((part) => part.areaIds))
          return parts.map((part) => coverageFeatureOf(part, owners))
        })
      },
    }),
    toFeature: (feature) => ({
      type: 'Feature',
      id: feature.id,
      geometry: feature.geometry,
      properties: {
        roomId: feature.roomId, kind: feature.kind, areaKm2: feature.areaKm2, organizationIds: feature.organizationIds,
        claimantCount: feature.claimantCount, firstSeenAt: feature.firstSeenAt,
      },
    }),
  }
}
