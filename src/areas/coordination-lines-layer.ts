/** Coordination lines as a layer of the picture: for live snapshots and exports. */
import type { Queryable } from '../platform/database/database.ts'
import { pages, type LayerSource } from '../live/layer-source.ts'
import type { CoordinationLine } from './coordination-line-schemas.ts'
import { listCoordinationLines } from './coordination-lines-store.ts'

/** The coordination-lines layer: every line released to the viewer (of any validity), as a LineString feature. */
export function coordinationLinesLayer(database: Queryable): LayerSource<CoordinationLine> {
  return {
    layer: 'coordination-lines',
    list: (viewer, query) => pages((afterId, limit) => listCoordinationLines(database, viewer, { ...query, limit, page: { afterId } }), 200),
    toFeature: (line) => ({
      type: 'Feature',
      id: line.id,
      geometry: line.geometry,
      properties: {
        organizationId: line.organizationId, nameEn: line.names.en, nameAr: line.names.ar, nameCkb: line.names.ckb,
        roomId: line.roomId, lengthKm: line.lengthKm, validFrom: line.validFrom, validTo: line.validTo, version: line.version,
      },
    }),
  }
}
