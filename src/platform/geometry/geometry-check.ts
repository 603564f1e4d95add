/** Topology checks of GeoJSON geometries by PostGIS, before anything is written. */
import type { Queryable } from '../database/database.ts'
import { TansiqError } from '../errors.ts'
import type { Geometry } from './geojson.ts'

/** Throws `invalid-geometry` with PostGIS's reason (e.g. "Self-intersection[44.7 34.8]") when the geometry is not valid. */
export async function assertValidGeometry(database: Queryable, geometry: Geometry, label = 'geometry'): Promise<void> {
  const [row] = await database.query<{ valid: boolean; reason: string }>(
    'select st_isvalid(g) as valid, st_isvalidreason(g) as reason from (select st_setsrid(st_geomfromgeojson($1), 4326) as g) as candidate',
    [JSON.stringify(geometry)],
  )
  if (!row?.valid) throw new TansiqError('invalid-geometry', `The ${label} is not valid: ${row?.reason ?? 'unreadable'}`)
}

/** SQL expression turning a GeoJSON text parameter into a 4326 geometry. */
export function geometryFromParameter(index: number): string {
  return `st_setsrid(st_geomfromgeojson($${index}), 4326)`
}
