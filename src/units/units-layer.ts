/** Units as a layer of the picture: for live snapshots and exports. */
import type { Queryable } from '../platform/database/database.ts'
import { pages, type LayerSource } from '../live/layer-source.ts'
import type { Unit } from './unit-schemas.ts'
import { listUnits } from './units-store.ts'

/** The units layer: each unit at its latest position (no geometry until it has reported one). */
export function unitsLayer(database: Queryable): LayerSource<Unit> {
  return {
    layer: 'units',
    list: (viewer, query) => pages((afterId, limit) => listUnits(database, viewer, { ...query, afterId, limit, byId: true })),
    toFeature: (unit) => ({
      type: 'Feature',
      id: unit.id,
      geometry: unit.position ? { type: 'Point', coordinates: [unit.position.lon, unit.position.lat] } : null,
      properties: {
        organizationId: unit.organizationId, nameEn: unit.names.en, nameAr: unit.names.ar, nameCkb: unit.names.ckb, echelon: unit.echelon,
        sidc: unit.sidc, status: unit.status, homeRoomId: unit.homeRoomId, reportedAt: unit.position?.reportedAt ?? null, version: unit.version,
      },
    }),
  }
}
