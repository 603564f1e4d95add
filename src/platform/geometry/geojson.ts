/**
 * GeoJSON geometry schemas (RFC 7946: positions are [longitude, latitude], WGS 84). They check
 * what JSON can say — ranges, ring closure, sizes — before PostGIS checks topology (self-intersection).
 */
import { z } from 'zod'

/** Most vertices one geometry may carry. */
export const maxGeometryVertices = 100_000

const longitude = z.number().finite().min(-180, 'longitude must be ≥ -180').max(180, 'longitude must be ≤ 180')
const latitude = z.number().finite().min(-90, 'latitude must be ≥ -90').max(90, 'latitude must be ≤ 90')
/** A GeoJSON position: [longitude, latitude] or [longitude, latitude, altitude]. */
export const positionSchema = z.union([z.tuple([longitude, latitude]), z.tuple([longitude, latitude, z.number().finite()])])
export type Position = z.infer<typeof positionSchema>

const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1]

const linearRing = z.array(positionSchema).min(4, 'a polygon ring needs at least 4 positions').refine(
  (ring) => samePosition(ring[0]!, ring[ring.length - 1]!),
  'a polygon ring must be closed: its last position must equal its first',
)

function vertexLimit(count: number, context: z.RefinementCtx): void {
  if (count > maxGeometryVertices) context.addIssue({ code: 'custom', message: `the geometry has ${count} vertices; at most ${maxGeometryVertices} are accepted` })
}

export const pointSchema = z.object({ type: z.literal('Point'), coordinates: positionSchema }).strict()

export const lineStringSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(positionSchema).min(2, 'a line needs at least 2 positions'),
}).strict().superRefine((line, context) => vertexLimit(line.coordinates.length, context))

export const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(linearRing).min(1, 'a polygon needs an outer ring'),
}).strict().superRefine((polygon, context) => vertexLimit(polygon.coordinates.reduce((sum, ring) => sum + ring.length, 0), context))

export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(linearRing).min(1)).min(1),
}).strict().superRefine((polygons, context) => vertexLimit(polygons.coordinates.flat().reduce((sum, ring) => sum + ring.length, 0), context))

// Discriminated by `type`: a plain union would retry a refused Polygon as a MultiPolygon and
// report an issue per vertex, which overflows on large geometries.
/** An area: a Polygon or a MultiPolygon (stored as MultiPolygon). */
export const areaGeometrySchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema])
/** A point or an area, e.g. where a report happened. */
export const locationGeometrySchema = z.discriminatedUnion('type', [pointSchema, polygonSchema, multiPolygonSchema])

export type PointGeometry = z.infer<typeof pointSchema>
export type LineStringGeometry = z.infer<typeof lineStringSchema>
export type AreaGeometry = z.infer<typeof areaGeometrySchema>
export type LocationGeometry = z.infer<typeof locationGeometrySchema>
export type Geometry = PointGeometry | LineStringGeometry | z.infer<typeof polygonSchema> | z.infer<typeof multiPolygonSchema>

/** A bounding box [west, south, east, north] from a query string "w,s,e,n". */
export const bboxQuerySchema = z.string().transform((text, context) => {
  const parts = text.split(',').map(Number)
  const [west, south, east, north] = parts
  if (parts.length !== 4 || parts.some((part) => !Number.isFinite(part)) || west! < -180 || east! > 180 || south! < -90 || north! > 90 || west! >= east! || south! >= north!) {
    context.addIssue({ code: 'custom', message: 'bbox must be "west,south,east,north" in degrees, west < east, south < north' })
    return z.NEVER
  }
  return [west!, south!, east!, north!] as [number, number, number, number]
})
export type BoundingBox = [number, number, number, number]
