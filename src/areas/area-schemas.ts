/** Schemas of areas of responsibility and joint security areas: validation, types and the OpenAPI document. */
import { z } from 'zod'
import { multiPolygonSchema, polygonSchema, positionSchema } from '../platform/geometry/geojson.ts'
import { releaseSchema, releaseViewSchema } from '../releasability/release-schemas.ts'
import { roomIdSchema } from '../rooms/room-schemas.ts'
import { namesSchema } from '../units/unit-schemas.ts'

export const areaKinds = ['aor', 'joint-security-area'] as const
export type AreaKind = (typeof areaKinds)[number]

/**
 * Bodies carrying a geometry may be larger than the server's general body limit: the geometry's
 * own limit (100,000 vertices, about 3 MB of JSON) is what should answer, with a clear message.
 */
export const geometryBodyLimitBytes = 8 * 1024 * 1024

/** An instant in ISO 8601 with a time zone (Z or an offset). */
export const instantSchema = z.iso.datetime({ offset: true }).describe('ISO 8601 time with a zone, e.g. 2025-03-01T06:00:00Z')

/**
 * A Polygon or a MultiPolygon, chosen by its `type`. Unlike a plain union, a polygon refused for
 * its own reason (unclosed ring, too many vertices) is not then tried as a MultiPolygon: that
 * would bury the reason under one issue per vertex (and, past ~100,000, overflow the stack).
 */
export const areaInputGeometrySchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema])
  .describe('GeoJSON Polygon or MultiPolygon, [longitude, latitude] in WGS 84')

export const namesViewSchema = z.object({ en: z.string(), ar: z.string(), ckb: z.string() })

/** [west, south, east, north] of a stored geometry. */
export const extentSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]).describe('[west, south, east, north] in degrees')

export const multiPolygonViewSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(positionSchema))),
}).describe('GeoJSON MultiPolygon (every area is stored as one)')

/** What every shape (area, coordination line) has in the API after its own fields: extent, validity, release, version. */
export const shapeViewCommon = {
  bbox: extentSchema,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  release: releaseViewSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
}

/** What every shape's create body ends with: its validity and release. */
export const shapeCreateCommon = {
  validFrom: instantSchema.optional().describe('Start of validity (inclusive); now when left out'),
  validTo: instantSchema.nullable().default(null).describe('End of validity (exclusive); null for until further notice'),
  release: releaseSchema.default({ scope: 'originator' }),
}

/** What every shape's update body ends with: its validity and the version edited. */
export const shapeUpdateCommon = {
  validFrom: instantSchema.optional(),
  validTo: instantSchema.nullable().optional(),
  version: z.number().int().positive().optional().describe('The version you edited; a newer stored version answers 409'),
}

export const areaSchema = z.object({
  id: z.string().uuid(),
  organizationId: z.string(),
  unitId: z.string().uuid().nullable(),
  roomId: z.string().nullable(),
  kind: z.enum(areaKinds),
  names: namesViewSchema,
  geometry: multiPolygonViewSchema,
  areaKm2: z.number().describe('Area on the WGS 84 ellipsoid, in square kilometres'),
  ...shapeViewCommon,
})
export type Area = z.infer<typeof areaSchema>

export const createAreaBodySchema = z.object({
  kind: z.enum(areaKinds),
  names: namesSchema,
  geometry: areaInputGeometrySchema,
  unitId: z.string().uuid().nullable().default(null).describe('A unit of your organization this area belongs to'),
  roomId: roomIdSchema.nullable().default(null).describe('The room whose picture the area belongs to (you must be a member)'),
  ...shapeCreateCommon,
}).strict()
export type CreateAreaInput = z.infer<typeof createAreaBodySchema>

export const updateAreaBodySchema = z.object({
  kind: z.enum(areaKinds).optional(),
  names: namesSchema.optional(),
  geometry: areaInputGeometrySchema.optional(),
  unitId: z.string().uuid().nullable().optional(),
  roomId: roomIdSchema.nullable().optional(),
  ...shapeUpdateCommon,
}).strict()
export type UpdateAreaInput = z.infer<typeof updateAreaBodySchema>

export const listAreasQuerySchema = z.object({
  roomId: roomIdSchema.optional().describe('Areas of this room, or released to it'),
  kind: z.enum(areaKinds).optional(),
  bbox: z.string().optional().describe('west,south,east,north: areas intersecting this box'),
  activeAt: instantSchema.optional().describe('Areas in force at this time: validFrom <= t < validTo (or no end)'),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
}).strict()
