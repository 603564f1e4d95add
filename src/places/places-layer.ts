/** Places as a layer of the picture, for maps and exports of an area: never the whole gazetteer at once. */
import type { Queryable } from '../platform/database/database.ts'
import { pages, type LayerSource } from '../live/layer-source.ts'
import type { Place } from './places-schemas.ts'
import { listPlacesInArea } from './places-store.ts'

/**
 * Below this extent (square degrees, about 50 × 55 km in Iraq) villages and neighbourhoods are
 * listed too; above it only towns and larger places, else a governorate's box is thousands of points.
 */
export const allPlaceKindsUpToDegrees2 = 0.25

/** The places layer: places inside the query's box and/or the room's area of interest (members only); nothing without either. */
export function placesLayer(database: Queryable): LayerSource<Place> {
  return {
    layer: 'places',
    list: (viewer, query) => pages((afterId, limit) => listPlacesInArea(database, {
      bbox: query.bbox,
      room: query.roomId ? { id: query.roomId, memberOrganizationId: viewer.organizationId } : undefined,
      allKindsUpToDegrees2: allPlaceKindsUpToDegrees2,
      afterId,
      limit,
    })),
    toFeature: (place) => ({
      type: 'Feature',
      id: place.id,
      geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
      properties: {
        kind: place.kind, nameEn: place.names.en, nameAr: place.names.ar, nameCkb: place.names.ckb, parentId: place.parentId,
        governorate: place.governorate, district: place.district, precision: place.precision, population: place.population, source: place.source,
      },
    }),
  }
}
