/** Schemas of joint operations rooms. */
import { z } from 'zod'
import { organizationIdSchema } from '../accounts/account-schemas.ts'
import { areaGeometrySchema } from '../platform/geometry/geojson.ts'

export const roomIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/).describe('Room identifier, e.g. kirkuk')
export const precedences = ['routine', 'priority', 'immediate', 'flash'] as const

export const noticePeriodsSchema = z.object({
  routine: z.number().int().min(0).max(14 * 24 * 60),
  priority: z.number().int().min(0).max(14 * 24 * 60),
  immediate: z.number().int().min(0).max(14 * 24 * 60),
  flash: z.number().int().min(0).max(14 * 24 * 60),
}).strict().describe('Minimum notice of a movement before its start, in minutes, per precedence')

export const defaultNoticePeriods = { routine: 24 * 60, priority: 6 * 60, immediate: 60, flash: 0 }

export const roomSchema = z.object({
  id: roomIdSchema,
  names: z.object({ en: z.string(), ar: z.string(), ckb: z.string() }),
  areaOfInterest: z.unknown().nullable().describe('GeoJSON MultiPolygon'),
  memberOrganizationIds: z.array(z.string()),
  noticePeriods: noticePeriodsSchema,
  bufferMeters: z.number(),
  version: z.number().int(),
})
export type Room = z.infer<typeof roomSchema>

export const createRoomBodySchema = z.object({
  id: roomIdSchema,
  names: z.object({ en: z.string().trim().min(1).max(200), ar: z.string().trim().min(1).max(200), ckb: z.string().trim().min(1).max(200) }).strict(),
  areaOfInterest: areaGeometrySchema.nullable().default(null),
  memberOrganizationIds: z.array(organizationIdSchema).min(1).max(50),
  noticePeriods: noticePeriodsSchema.default(defaultNoticePeriods),
  bufferMeters: z.number().min(0).max(100_000).default(2000),
}).strict()
export type CreateRoomInput = z.infer<typeof createRoomBodySchema>

export const updateRoomBodySchema = createRoomBodySchema.omit({ id: true }).partial().strict()
export type UpdateRoomInput = z.infer<typeof updateRoomBodySchema>
