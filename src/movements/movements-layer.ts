/** Movements as a layer of the picture: for live snapshots and exports. */
import type { Queryable } from '../platform/database/database.ts'
import { pages, type LayerSource } from '../live/layer-source.ts'
import type { Movement } from './movement-schemas.ts'
import { listMovements } from './movements-store.ts'

/** The movements layer: each movement released to the viewer, on its route or area. */
export function movementsLayer(database: Queryable): LayerSource<Movement> {
  return {
    layer: 'movements',
    list: (viewer, query) => pages((afterId, limit) => listMovements(database, viewer, { roomId: query.roomId, bbox: query.bbox, afterId, limit })),
    toFeature: (movement) => ({
      type: 'Feature',
      id: movement.id,
      geometry: movement.route ?? movement.area,
      properties: {
        organizationId: movement.organizationId, roomId: movement.roomId, status: movement.status, precedence: movement.precedence,
        plannedStart: movement.plannedStart, plannedEnd: movement.plannedEnd, vehicles: movement.size.vehicles, personnel: movement.size.personnel,
        purpose: movement.purpose, liaisonName: movement.liaison.name, unitIds: movement.unitIds.join(' '),
        affectedOrganizationIds: movement.parties.filter((party) => party.affected).map((party) => party.organizationId).join(' '),
        version: movement.version,
      },
    }),
  }
}
