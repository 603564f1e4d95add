/** Reports as a layer of the picture: for live snapshots and exports. */
import type { Queryable } from '../platform/database/database.ts'
import { pages, type LayerSource } from '../live/layer-source.ts'
import type { Report } from './report-schemas.ts'
import { listReports } from './reports-store.ts'

/** The reports layer: each report at its location (no geometry when it has none), with its text and grading. */
export function reportsLayer(database: Queryable): LayerSource<Report> {
  return {
    layer: 'reports',
    list: (viewer, query) => pages((afterId, limit) => listReports(database, viewer, { ...query, afterId, limit, byId: true })),
    toFeature: (report) => ({
      type: 'Feature',
      id: report.id,
      geometry: report.location,
      properties: {
        organizationId: report.organizationId, type: report.type, title: report.title, body: report.body, language: report.language,
        occurredAt: report.occurredAt, placeId: report.placeId, sourceReliability: report.sourceReliability,
        informationCredibility: report.informationCredibility, admiraltyCode: report.admiraltyCode, roomId: report.roomId,
        unitIds: report.unitIds, operationIds: report.operationIds, attachmentCount: report.attachmentCount, version: report.version,
      },
    }),
  }
}
