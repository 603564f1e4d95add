/** Areas as a layer of the picture: for live snapshots and exports. */
import type { Queryable } from '../platform/database/database.ts'
import { pages, type LayerSource } from '../live/layer-source.ts'
import type { Area } from './area-schemas.ts'
import { listAreas } from './areas-store.ts'

/** The areas layer: every area released to the viewer (of any validity), as a MultiPolygon feature. */
export function areasLayer(database: Queryable): LayerSource<Area> {
  return {
    layer: 'areas',
    list: (viewer, query) => pages((afterId, limit) => listAreas(database, viewer, { ...query, limit, page: { afterId } }), 200),
    toFeature: (area) => ({
      type: 'Feature',
      id: area.id,
      geometry: area.geometry,
      properties: {
        organizationId: area.organizationId, kind: area.kind, nameEn: area.names.en, nameAr: area.names.ar, nameCkb: area.names.ckb,
        unitId: area.unitId, roomId: area.roomId, areaKm2: area.areaKm2, validFrom: area.validFrom, validTo: area.validTo, version: area.version,
      },
    }),
  }
}
