/** Schemas of units: validation, types and the OpenAPI document. */
import { z } from 'zod'
import { releaseSchema, releaseViewSchema } from '../releasability/release-schemas.ts'
import { bboxQuerySchema } from '../platform/geometry/geojson.ts'
import { sidcIsKnown } from './core/symbol-code.ts'

export const echelons = ['team', 'squad', 'section', 'platoon', 'company', 'battalion', 'regiment', 'brigade', 'division', 'corps', 'army', 'command'] as const
export const unitStatuses = ['active', 'moving', 'halted', 'inactive'] as const
const roomId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/)

export const namesSchema = z.object({
  en: z.string().trim().min(1).max(200),
  ar: z.string().trim().max(200).default(''),
  ckb: z.string().trim().max(200).default(''),
}).strict().describe('Names in English, Arabic and Sorani Kurdish')

export const sidcSchema = z.string().trim().toUpperCase().refine(sidcIsKnown, 'unknown symbol code: give an APP-6 / MIL-STD-2525 SIDC, e.g. SFGPUCI----K--- or 10031000001211000000')

export const positionViewSchema = z.object({
  lon: z.number(),
  lat: z.number(),
  altitudeMeters: z.number().nullable(),
  speedMps: z.number().nullable(),
  courseDegrees: z.number().nullable(),
  reportedAt: z.string(),
  source: z.string(),
})

export const unitSchema = z.object({
  id: z.string().uuid(),
  organizationId: z.string(),
  names: z.object({ en: z.string(), ar: z.string(), ckb: z.string() }),
  echelon: z.enum(echelons),
  sidc: z.string(),
  parentUnitId: z.string().uuid().nullable(),
  homeRoomId: z.string().nullable(),
  status: z.enum(unitStatuses),
  release: releaseViewSchema,
  position: positionViewSchema.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Unit = z.infer<typeof unitSchema>

export const createUnitBodySchema = z.object({
  names: namesSchema,
  echelon: z.enum(echelons),
  sidc: sidcSchema,
  parentUnitId: z.string().uuid().nullable().default(null),
  homeRoomId: roomId.nullable().default(null),
  status: z.enum(unitStatuses).default('active'),
  release: releaseSchema.default({ scope: 'originator' }),
}).strict()
export type CreateUnitInput = z.infer<typeof createUnitBodySchema>

export const updateUnitBodySchema = z.object({
  names: namesSchema.optional(),
  echelon: z.enum(echelons).optional(),
  sidc: sidcSchema.optional(),
  parentUnitId: z.string().uuid().nullable().optional(),
  homeRoomId: roomId.nullable().optional(),
  status: z.enum(unitStatuses).optional(),
  version: z.number().int().positive().optional().describe('The version you edited; a newer stored version answers 409'),
}).strict()
export type UpdateUnitInput = z.infer<typeof updateUnitBodySchema>

export const listUnitsQuerySchema = z.object({
  roomId: roomId.optional(),
  bbox: bboxQuerySchema.optional().describe('west,south,east,north: units whose latest position lies inside'),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
}).strict()
