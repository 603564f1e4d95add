/** Schemas of movement notifications: validation, types and the OpenAPI document. */
import { z } from 'zod'
import { organizationIdSchema } from '../accounts/account-schemas.ts'
import { lineStringSchema, multiPolygonSchema, polygonSchema, positionSchema } from '../platform/geometry/geojson.ts'
import { releaseViewSchema } from '../releasability/release-schemas.ts'
import { precedences, roomIdSchema } from '../rooms/room-schemas.ts'
import { movementStatuses } from './core/movement-lifecycle.ts'
import { distinctPlaceCount } from './core/route-shape.ts'

/** An instant in ISO 8601 with a time zone (Z or an offset). */
const instantSchema = z.iso.datetime({ offset: true }).describe('ISO 8601 time with a zone, e.g. 2030-03-01T06:00:00Z')

/** A route: a LineString visiting at least two distinct places (its length is checked by PostGIS). */
export const routeSchema = lineStringSchema.refine((line) => distinctPlaceCount(line.coordinates) >= 2, 'a route needs at least two distinct points')
  .describe('GeoJSON LineString, [longitude, latitude] in WGS 84, at least two distinct points')

export const areaSchema = z.union([polygonSchema, multiPolygonSchema]).describe('GeoJSON Polygon or MultiPolygon: a movement within an area')

export const sizeSchema = z.object({
  vehicles: z.number().int().min(0).max(10_000),
  personnel: z.number().int().min(0).max(100_000),
}).strict().describe('How many vehicles and people move')

export const liaisonSchema = z.object({
  name: z.string().trim().min(1).max(200),
  phone: z.string().trim().regex(/^\+?[0-9][0-9 ()-]{3,30}$/, 'a phone number: digits, spaces, dashes, an optional leading +').optional(),
  radio: z.string().trim().min(1).max(100).optional().describe('Net, frequency or call sign'),
}).strict().refine((liaison) => liaison.phone !== undefined || liaison.radio !== undefined, 'give the liaison\'s phone or radio (or both)')
  .describe('Who to call about the movement')

const justificationSchema = z.string().trim().min(1).max(2000).describe('Why less notice than the room\'s period for this precedence is given; recorded')

const movementFields = {
  roomId: roomIdSchema.describe('The room the movement is notified in; your organization must be a member'),
  unitIds: z.array(z.string().uuid()).min(1).max(50).describe('Units of your organization that move'),
  route: routeSchema.optional(),
  area: areaSchema.optional(),
  plannedStart: instantSchema,
  plannedEnd: instantSchema.describe('After the start'),
  size: sizeSchema,
  purpose: z.string().trim().min(1).max(2000),
  liaison: liaisonSchema,
  precedence: z.enum(precedences).default('routine'),
  noticeJustification: justificationSchema.optional(),
}

function routeOrArea(body: { route?: unknown; area?: unknown }, context: z.RefinementCtx, required: boolean): void {
  if (body.route !== undefined && body.area !== undefined) context.addIssue({ code: 'custom', path: ['area'], message: 'give a route or an area, not both' })
  if (required && body.route === undefined && body.area === undefined) context.addIssue({ code: 'custom', path: ['route'], message: 'give a route (LineString) or an area (Polygon or MultiPolygon)' })
}

function endAfterStart(body: { plannedStart?: string | undefined; plannedEnd?: string | undefined }, context: z.RefinementCtx): void {
  if (body.plannedStart !== undefined && body.plannedEnd !== undefined && Date.parse(body.plannedEnd) <= Date.parse(body.plannedStart)) {
    context.addIssue({ code: 'custom', path: ['plannedEnd'], message: 'the planned end must come after the planned start' })
  }
}

export const createMovementBodySchema = z.object({
  ...movementFields,
  submit: z.boolean().default(false).describe('Submit at once (notify the room) instead of keeping a draft'),
}).strict().superRefine((body, context) => {
  routeOrArea(body, context, true)
  endAfterStart(body, context)
})
export type CreateMovementInput = z.infer<typeof createMovementBodySchema>

/** The notification as drawn, for an analysis without saving. */
export const previewMovementBodySchema = z.object(movementFields).strict().superRefine((body, context) => {
  routeOrArea(body, context, true)
  endAfterStart(body, context)
})
export type PreviewMovementInput = z.infer<typeof previewMovementBodySchema>

export const amendMovementBodySchema = z.object({
  unitIds: movementFields.unitIds.optional(),
  route: routeSchema.optional(),
  area: areaSchema.optional(),
  plannedStart: instantSchema.optional(),
  plannedEnd: instantSchema.optional(),
  size: sizeSchema.optional(),
  purpose: movementFields.purpose.optional(),
  liaison: liaisonSchema.optional(),
  precedence: z.enum(precedences).optional(),
  noticeJustification: justificationSchema.optional(),
  version: z.number().int().positive().optional().describe('The version you amended; a newer stored version answers 409'),
}).strict().superRefine((body, context) => {
  routeOrArea(body, context, false)
  endAfterStart(body, context)
})
export type AmendMovementInput = z.infer<typeof amendMovementBodySchema>

// Bodies of actions whose fields are all optional may be left out entirely.
export const submitMovementBodySchema = z.object({ noticeJustification: justificationSchema.optional() }).strict().nullish()
export const cancelMovementBodySchema = z.object({ reason: z.string().trim().min(1).max(2000).optional() }).strict().nullish()

export const acknowledgeBodySchema = z.object({
  organizationId: organizationIdSchema.optional().describe('The organization you answer for: your own (the default)'),
  note: z.string().trim().min(1).max(2000).optional(),
}).strict().nullish()

export const objectBodySchema = z.object({
  organizationId: organizationIdSchema.optional().describe('The organization you answer for: your own (the default)'),
  reason: z.string().trim().min(1).max(2000).describe('Why your organization objects; required'),
}).strict()

export const involvements = ['mine', 'affecting-me'] as const

export const listMovementsQuerySchema = z.object({
  roomId: roomIdSchema.optional(),
  status: z.enum(movementStatuses).optional(),
  involvement: z.enum(involvements).optional().describe('mine: notified by your organization; affecting-me: your organization is an affected party'),
  from: instantSchema.optional().describe('Movements whose window ends after this time'),
  to: instantSchema.optional().describe('Movements whose window starts before this time'),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
}).strict()
export type ListMovementsQuery = z.infer<typeof listMovementsQuerySchema>

const lineStringViewSchema = z.object({ type: z.literal('LineString'), coordinates: z.array(positionSchema) })
const multiPolygonViewSchema = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(positionSchema))) })
const geoJsonViewSchema = z.object({ type: z.string() }).catchall(z.unknown()).describe('GeoJSON geometry')

export const partySchema = z.object({
  organizationId: z.string(),
  affected: z.boolean().describe('Whether the latest analysis finds the organization affected'),
  notifiedAt: z.string().describe('When the organization was first told'),
  answer: z.enum(['acknowledged', 'objected']).nullable(),
  reason: z.string().nullable().describe('The objection\'s reason or the acknowledgement\'s note'),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  remindedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
})
export type Party = z.infer<typeof partySchema>

export const movementSchema = z.object({
  id: z.string().uuid(),
  organizationId: z.string(),
  roomId: z.string(),
  unitIds: z.array(z.string()),
  route: lineStringViewSchema.nullable(),
  area: multiPolygonViewSchema.nullable(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  lengthKm: z.number().nullable().describe('Length of the route on the WGS 84 ellipsoid'),
  areaKm2: z.number().nullable(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  size: z.object({ vehicles: z.number().int(), personnel: z.number().int() }),
  purpose: z.string(),
  liaison: z.object({ name: z.string(), phone: z.string().nullable(), radio: z.string().nullable() }),
  precedence: z.enum(precedences),
  notice: z.object({ givenMinutes: z.number().int(), requiredMinutes: z.number().int(), justification: z.string().nullable() }).nullable(),
  status: z.enum(movementStatuses),
  planRevision: z.number().int().describe('Bumped by every amendment after submission; answers to an older plan were reset'),
  submittedAt: z.string().nullable(),
  operationId: z.string().nullable().describe('The joint operation that notified the movement (for one of its axes in one phase), if any'),
  parties: z.array(partySchema).describe('Organizations told of the movement and their answers'),
  release: releaseViewSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Movement = z.infer<typeof movementSchema>

export const findingSchema = z.object({
  counterpart: z.object({ type: z.enum(['area', 'movement', 'operation']), id: z.string(), organizationId: z.string() }),
  crosses: z.boolean().describe('The movement touches the counterpart itself, not only its buffer'),
  overlap: geoJsonViewSchema.describe('The part of the movement within the room\'s buffer of the counterpart'),
  overlapFrom: z.string(),
  overlapTo: z.string(),
  distanceMeters: z.number().describe('Closest distance between the movement and the counterpart, on the ellipsoid'),
})
export type FindingView = z.infer<typeof findingSchema>

export const timelineEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.string().describe('created, submitted, findings-computed, findings-changed, notified, no-longer-affected, acknowledged, objected, reminded, escalated, status-changed, amended, answers-reset, started, completed, cancelled, expired'),
  organizationId: z.string().nullable().describe('The organization the step concerns (told, answering, reminded)'),
  actor: z.object({ username: z.string(), organizationId: z.string().nullable() }),
  detail: z.record(z.string(), z.unknown()),
})
export type TimelineEntry = z.infer<typeof timelineEntrySchema>

export const movementDetailSchema = movementSchema.extend({
  findings: z.array(findingSchema).describe('Findings of the latest analysis that your organization may see'),
  timeline: z.array(timelineEntrySchema),
})
export type MovementDetail = z.infer<typeof movementDetailSchema>

export const previewSchema = z.object({
  findings: z.array(findingSchema),
  affectedOrganizationIds: z.array(z.string()),
  bufferMeters: z.number(),
  notice: z.object({ givenMinutes: z.number().int(), requiredMinutes: z.number().int(), justificationRequired: z.boolean() }),
})
export type MovementPreview = z.infer<typeof previewSchema>
