/** The results of joint operations as a live layer ('operation-results'): one object per operation, for room screens. */
import type { Queryable } from '../../platform/database/database.ts'
import { pages, type LayerSource } from '../../live/layer-source.ts'
import type { LiveOperationResults } from './results-schemas.ts'
import { liveResultsOf } from './results-service.ts'
import { listResultOperations } from './results-store.ts'

/** The layer: the results of the approved, active and completed operations released to the viewer (no geometry of their own). */
export function operationResultsLayer(database: Queryable): LayerSource<LiveOperationResults> {
  return {
    layer: 'operation-results',
    list: (viewer, query) => pages(async (afterId, limit) => {
      const operations = await listResultOperations(database, viewer, { roomId: query.roomId, bbox: query.bbox, afterId, limit })
      const items: LiveOperationResults[] = []
      for (const operation of operations) items.push(await liveResultsOf(database, operation))
      return items
    }, 100),
    toFeature: (results) => ({
      type: 'Feature',
      id: results.id,
      geometry: null,
      properties: {
        operationId: results.operationId, roomId: results.roomId, operationStatus: results.operationStatus, locked: results.locked,
        agreedRound: results.agreed?.round ?? null, openRound: results.openRound,
        agreedFigures: results.agreed?.figures.map((figure) => `${figure.item}:${figure.action}=${figure.count}`).join(' ') ?? null,
        discrepantRows: results.claims.discrepantRows, awaiting: results.claims.awaiting.join(' '),
      },
    }),
  }
}
