/** Schemas of exports: the path names a layer and a format, the query narrows to a room or a box. */
import { z } from 'zod'
import { bboxQuerySchema } from '../platform/geometry/geojson.ts'
import { roomIdSchema } from '../rooms/room-schemas.ts'
import { exportFormats } from './core/export-serialisers.ts'

export const exportParamsSchema = z.object({
  layer: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/).describe('A layer of the picture, e.g. units, areas, coordination-lines, reports'),
  format: z.enum(exportFormats).describe('geojson, csv or kml'),
}).strict()

export const exportQuerySchema = z.object({
  roomId: roomIdSchema.optional().describe('Only objects of this room'),
  bbox: bboxQuerySchema.optional().describe('west,south,east,north in degrees: only objects located inside'),
}).strict()

/** The body of a successful export, as the OpenAPI document describes it per media type. */
export const exportResponseDocumentation = {
  description: [
    'The whole layer as released to your organization, streamed as it is read.',
    'GeoJSON: a FeatureCollection (RFC 7946).',
    'CSV: UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting; columns `id`, then the property keys met among the first 500 features (keys first met later are left out; the GeoJSON and KML exports keep them), then `wkt`; text cells starting with = + - @ tab or CR get a leading apostrophe so a spreadsheet does not run them.',
    'KML 2.2: one Placemark per object, named by its English name (else its id), properties as ExtendedData.',
  ].join(' '),
  content: {
    'application/geo+json': { schema: z.object({ type: z.literal('FeatureCollection'), name: z.string(), features: z.array(z.object({ type: z.literal('Feature'), id: z.string(), geometry: z.unknown(), properties: z.record(z.string(), z.unknown()) })) }) },
    'text/csv': { schema: z.string() },
    'application/vnd.google-earth.kml+xml': { schema: z.string() },
  },
}
