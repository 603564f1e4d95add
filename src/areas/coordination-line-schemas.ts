/** Schemas of coordination lines (phase lines, boundaries between units): validation, types and the OpenAPI document. */
import { z } from 'zod'
import { lineStringSchema, positionSchema } from '../platform/geometry/geojson.ts'
import { roomIdSchema } from '../rooms/room-schemas.ts'
import { namesSchema } from '../units/unit-schemas.ts'
import { instantSchema, namesViewSchema, shapeCreateCommon, shapeUpdateCommon, shapeViewCommon } from './area-schemas.ts'

export const lineStringViewSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(positionSchema),
}).describe('GeoJSON LineString')

export const coordinationLineSchema = z.object({
  id: z.string().uuid(),
  organizationId: z.string(),
  roomId: z.string().nullable(),
  names: namesViewSchema,
  geometry: lineStringViewSchema,
  lengthKm: z.number().describe('Length on the WGS 84 ellipsoid, in kilometres'),
  ...shapeViewCommon,
})
export type CoordinationLine = z.infer<typeof coordinationLineSchema>

export const createCoordinationLineBodySchema = z.object({
  names: namesSchema,
  geometry: lineStringSchema.describe('GeoJSON LineString, [longitude, latitude] in WGS 84, at least 2 distinct points'),
  roomId: roomIdSchema.nullable().default(null).describe('The room whose picture the line belongs to (you must be a member)'),
  ...shapeCreateCommon,
}).strict()
export type CreateCoordinationLineInput = z.infer<typeof createCoordinationLineBodySchema>

export const updateCoordinationLineBodySchema = z.object({
  names: namesSchema.optional(),
  geometry: lineStringSchema.optional(),
  roomId: roomIdSchema.nullable().optional(),
  ...shapeUpdateCommon,
}).strict()
export type UpdateCoordinationLineInput = z.infer<typeof updateCoordinationLineBodySchema>

export const listCoordinationLinesQuerySchema = z.object({
  roomId: roomIdSchema.optional().describe('Lines of this room, or released to it'),
  bbox: z.string().optional().describe('west,south,east,north: lines intersecting this box'),
  activeAt: instantSchema.optional().describe('Lines in force at this time: validFrom <= t < validTo (or no end)'),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
}).strict()
