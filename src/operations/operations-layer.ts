/** Joint operations as layers of the picture: their objective areas and axes ('operations'), and their live log ('operation-log'). */
import type { Queryable } from '../platform/database/database.ts'
import { pages, type LayerSource } from '../live/layer-source.ts'
import type { LogEntry, OperationFeature } from './operation-schemas.ts'
import { listFeatures, listLogEntries } from './operations-store.ts'

/** The operations layer: each objective area and axis of the operations released to the viewer (cancelled ones left out). */
export function operationsLayer(database: Queryable): LayerSource<OperationFeature> {
  return {
    layer: 'operations',
    list: (viewer, query) => pages((afterId, limit) => listFeatures(database, viewer, { roomId: query.roomId, bbox: query.bbox, afterId, limit })),
    toFeature: (feature) => ({
      type: 'Feature',
      id: feature.id,
      geometry: feature.geometry as LayerFeatureGeometry,
      properties: {
        operationId: feature.operationId, kind: feature.kind, key: feature.key, name: feature.name, organizationId: feature.organizationId, unitIds: feature.unitIds.join(' '),
        operationNameAr: feature.operation.names.ar, operationNameCkb: feature.operation.names.ckb, operationNameEn: feature.operation.names.en,
        leadOrganizationId: feature.operation.leadOrganizationId, roomId: feature.operation.roomId, status: feature.operation.status,
        planRevision: feature.operation.planRevision, hHour: feature.operation.hHour, windowStart: feature.operation.window.start, windowEnd: feature.operation.window.end,
      },
    }),
  }
}

type LayerFeatureGeometry = ReturnType<LayerSource['toFeature']>['geometry']

/** The operation log layer: entries of the operations released to the viewer, at their place when they have one. */
export function operationLogLayer(database: Queryable): LayerSource<LogEntry> {
  return {
    layer: 'operation-log',
    list: (viewer, query) => pages((afterId, limit) => listLogEntries(database, viewer, { roomId: query.roomId, bbox: query.bbox, afterId, limit })),
    toFeature: (entry) => ({
      type: 'Feature',
      id: entry.id,
      geometry: entry.location as LayerFeatureGeometry,
      properties: {
        operationId: entry.operationId, at: entry.at, organizationId: entry.organizationId, author: entry.author, text: entry.text, unitId: entry.unitId,
        photoId: entry.photo?.id ?? null, roomId: entry.roomId,
      },
    }),
  }
}
