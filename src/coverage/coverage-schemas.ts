/** Schemas of coverage (gaps and overlaps of a room's joint security area): validation, types and the OpenAPI document. */
import { z } from 'zod'
import { positionSchema } from '../platform/geometry/geojson.ts'
import { roomIdSchema } from '../rooms/room-schemas.ts'

/** An instant in ISO 8601 with a time zone. */
const instantSchema = z.iso.datetime({ offset: true }).describe('ISO 8601 time with a zone, e.g. 2025-03-01T06:00:00Z')

export const polygonViewSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(positionSchema)),
}).describe('GeoJSON Polygon, [longitude, latitude] in WGS 84')

const disclosureNote = 'only organizations with an area of responsibility here that is released to your organization are named'

export const gapSchema = z.object({
  id: z.string().uuid().describe('Stable while the gap stays essentially the same polygon'),
  areaKm2: z.number().describe('Area on the WGS 84 ellipsoid, in square kilometres'),
  geometry: polygonViewSchema,
  borderingOrganizationIds: z.array(z.string()).describe(`Organizations whose areas of responsibility lie within the border distance of the gap; ${disclosureNote}`),
  firstSeenAt: z.string().describe('When this gap was first computed'),
})
export type Gap = z.infer<typeof gapSchema>

export const overlapSchema = z.object({
  id: z.string().uuid(),
  areaKm2: z.number(),
  geometry: polygonViewSchema,
  claimingOrganizationIds: z.array(z.string()).describe(`Organizations claiming this ground; ${disclosureNote}`),
  claimantCount: z.number().int().min(2).describe('How many organizations claim it (an overlap is claimed by two or more by definition)'),
  firstSeenAt: z.string(),
})
export type Overlap = z.infer<typeof overlapSchema>

export const coverageTotalsSchema = z.object({
  gapKm2: z.number(),
  gapCount: z.number().int(),
  overlapKm2: z.number(),
  overlapCount: z.number().int(),
})

export const roomCoverageSchema = z.object({
  roomId: z.string(),
  hasJointSecurityArea: z.boolean().describe('False when the room has no joint security area in force: nothing to cover'),
  jointSecurityAreaKm2: z.number(),
  asOf: z.string().describe('The instant whose areas in force were used'),
  computedAt: z.string(),
  totals: coverageTotalsSchema,
  gaps: z.array(gapSchema),
  overlaps: z.array(overlapSchema),
})
export type RoomCoverage = z.infer<typeof roomCoverageSchema>

export const roomParamsSchema = z.object({ roomId: roomIdSchema }).strict()
export const alertParamsSchema = z.object({ roomId: roomIdSchema, alertId: z.string().uuid() }).strict()

export const historyQuerySchema = z.object({
  from: instantSchema.optional().describe('Start (inclusive); 30 days before `to` when left out'),
  to: instantSchema.optional().describe('End (inclusive); now when left out'),
  maxPoints: z.coerce.number().int().min(2).max(5000).default(1000).describe('Longer histories are thinned, keeping each stretch\'s lowest and highest value'),
}).strict().refine((query) => query.from === undefined || query.to === undefined || new Date(query.from) < new Date(query.to), { message: '`from` must be before `to`', path: ['from'] })

export const historyPointSchema = z.object({
  at: z.string(),
  gapKm2: z.number(),
  gapCount: z.number().int(),
  overlapKm2: z.number(),
  overlapCount: z.number().int(),
  jointSecurityAreaKm2: z.number(),
})

export const coverageHistorySchema = z.object({
  roomId: z.string(),
  from: z.string(),
  to: z.string(),
  points: z.array(historyPointSchema).describe('One point per computation that changed the total gap area (thinned to maxPoints)'),
})
export type CoverageHistory = z.infer<typeof coverageHistorySchema>

export const alertStatuses = ['open', 'acknowledged', 'all'] as const

export const alertsQuerySchema = z.object({
  status: z.enum(alertStatuses).default('all'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
}).strict()

export const coverageAlertSchema = z.object({
  id: z.string().uuid(),
  roomId: z.string(),
  gapId: z.string().uuid().describe('The gap as identified when the alert was raised (it may have closed since)'),
  areaKm2: z.number(),
  geometry: polygonViewSchema,
  raisedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.object({ username: z.string(), organizationId: z.string() }).nullable(),
})
export type CoverageAlert = z.infer<typeof coverageAlertSchema>

