/**
 * Schemas of joint operations: the plan (names, participants and units, objective areas, axes,
 * phases relative to H-hour), its lifecycle, the live log — validation, types and the OpenAPI
 * document. Every body is strict: a plan carries no targeting, fires or strike fields of any kind,
 * and an unknown field is refused rather than ignored.
 */
import { z } from 'zod'
import { organizationIdSchema } from '../accounts/account-schemas.ts'
import { lineStringSchema, multiPolygonSchema, pointSchema, polygonSchema, positionSchema } from '../platform/geometry/geojson.ts'
import { releaseSchema, releaseViewSchema } from '../releasability/release-schemas.ts'
import { roomIdSchema } from '../rooms/room-schemas.ts'
import { liaisonSchema, sizeSchema } from '../movements/movement-schemas.ts'
import { movementStatuses } from '../movements/core/movement-lifecycle.ts'
import { distinctPlaceCount } from '../movements/core/route-shape.ts'
import { storableTextProblem } from '../reports/core/report-text.ts'
import { maxAttachmentBytes } from '../reports/core/attachment-content.ts'
import { operationStatuses, participantRoles } from './core/operation-lifecycle.ts'
import { photoTypes } from './core/log-photo.ts'

/** Bodies carry geometry and log entries a photo: more than the general body limit. */
export const operationBodyLimitBytes = 8 * 1024 * 1024

const instantSchema = z.iso.datetime({ offset: true }).describe('ISO 8601 time with a zone, e.g. 2030-06-12T04:30:00+03:00')

const storableText = (text: string, context: z.RefinementCtx) => {
  const problem = storableTextProblem(text)
  if (problem) context.addIssue({ code: 'custom', message: `the text ${problem}` })
}
const nameSchema = z.string().trim().min(1).max(200).superRefine(storableText)
const keySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a key: lower-case letters, digits and dashes, e.g. kifri-axis')
  .describe('Names the feature within the operation; phases refer to axes by it, and it keeps the feature\'s id across amendments')
const unitIdsSchema = z.array(z.string().uuid()).max(100).transform((ids) => [...new Set(ids)])

export const operationNamesSchema = z.object({
  ar: nameSchema.describe('Arabic, e.g. الأرض السوداء'),
  ckb: nameSchema.describe('Kurdish (Sorani), e.g. زەویی ڕەش'),
  en: nameSchema.describe('English, e.g. Black Earth'),
}).strict()

export const participantInputSchema = z.object({
  organizationId: organizationIdSchema,
  role: z.enum(participantRoles).describe('lead (the drafting organization, exactly one), participant, or support (coalition: told, not approving, no axes)'),
  unitIds: unitIdsSchema.default([]).describe('Units of this organization taking part; each must be released to the lead'),
  liaison: liaisonSchema.optional().describe('Liaison of the movements the operation notifies for this organization; needed when it has an axis in a phase'),
}).strict()

export const objectiveAreaInputSchema = z.object({
  key: keySchema,
  name: nameSchema,
  organizationId: organizationIdSchema.optional().describe('The participating organization responsible; the lead when not given'),
  geometry: z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]).describe('GeoJSON Polygon or MultiPolygon'),
}).strict()

export const axisInputSchema = z.object({
  key: keySchema,
  name: nameSchema,
  organizationId: organizationIdSchema.optional().describe('The organization advancing along it (lead or participant); the lead when not given'),
  unitIds: unitIdsSchema.default([]).describe('Units moving along it (among those its organization brings); all of them when none are named'),
  size: sizeSchema.optional().describe('Vehicles and people moving along it, for the movement notification'),
  geometry: lineStringSchema.refine((line) => distinctPlaceCount(line.coordinates) >= 2, 'an axis needs at least two distinct points')
    .describe('GeoJSON LineString, [longitude, latitude] in WGS 84'),
}).strict()

export const phaseInputSchema = z.object({
  name: nameSchema,
  startOffsetMinutes: z.number().int().min(-43_200).max(43_200).describe('Start relative to H-hour, in minutes (negative: before H-hour)'),
  endOffsetMinutes: z.number().int().min(-43_200).max(43_200).describe('End relative to H-hour, in minutes'),
  axisKeys: z.array(keySchema).max(50).default([]).describe('Axes moved along in this phase: each becomes a movement notification for the phase\'s window'),
}).strict()

const windowSchema = z.object({ start: instantSchema, end: instantSchema }).strict().describe('The operation\'s window: H-hour and every phase lie within it')

const planFields = {
  names: operationNamesSchema,
  objective: z.string().trim().max(4000).superRefine(storableText).describe('What the operation is to achieve, in plain words'),
  hHour: instantSchema.describe('H-hour: phases are planned relative to it'),
  window: windowSchema,
  participants: z.array(participantInputSchema).min(2).max(20),
  objectiveAreas: z.array(objectiveAreaInputSchema).max(50),
  axes: z.array(axisInputSchema).max(50),
  phases: z.array(phaseInputSchema).max(50).describe('In order; numbered from 1'),
  release: releaseSchema.optional().describe('Who else sees the operation; it is always released to its participants'),
}

export const createOperationBodySchema = z.object({
  roomId: roomIdSchema.describe('The room the operation is planned in; every participant must be a member'),
  ...planFields,
  objective: planFields.objective.default(''),
  objectiveAreas: planFields.objectiveAreas.default([]),
  axes: planFields.axes.default([]),
  phases: planFields.phases.default([]),
}).strict()
export type CreateOperationInput = z.infer<typeof createOperationBodySchema>

export const amendOperationBodySchema = z.object({
  names: planFields.names.optional(),
  objective: planFields.objective.optional(),
  hHour: planFields.hHour.optional(),
  window: planFields.window.optional(),
  participants: planFields.participants.optional(),
  objectiveAreas: planFields.objectiveAreas.optional(),
  axes: planFields.axes.optional(),
  phases: planFields.phases.optional(),
  release: planFields.release,
  version: z.number().int().positive().optional().describe('The version you amended; a newer stored version answers 409'),
}).strict().describe('Fields given replace the plan\'s (lists as a whole); after proposal the plan revision goes up and every approval is asked again')
export type AmendOperationInput = z.infer<typeof amendOperationBodySchema>

export const approveOperationBodySchema = z.object({
  planRevision: z.number().int().positive().describe('The revision of the plan you read and approve; an older one is refused'),
}).strict()

export const cancelOperationBodySchema = z.object({ reason: z.string().trim().min(1).max(2000).optional() }).strict().nullish()
export const emptyBodySchema = z.object({}).strict().nullish()

export const listOperationsQuerySchema = z.object({
  roomId: roomIdSchema.optional(),
  status: z.enum(operationStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
}).strict()
export type ListOperationsQuery = z.infer<typeof listOperationsQuerySchema>

const lineStringViewSchema = z.object({ type: z.literal('LineString'), coordinates: z.array(positionSchema) })
const multiPolygonViewSchema = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(positionSchema))) })
const bboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()])

export const participantSchema = z.object({
  organizationId: z.string(),
  role: z.enum(participantRoles),
  unitIds: z.array(z.string()),
  liaison: z.object({ name: z.string(), phone: z.string().nullable(), radio: z.string().nullable() }).nullable(),
  approves: z.boolean().describe('Whether its commander must approve the plan (lead and participants; support does not)'),
  approval: z.object({ planRevision: z.number().int(), approvedAt: z.string(), approvedBy: z.string() }).nullable()
    .describe('Its approval of the current plan revision, if given'),
})

export const objectiveAreaSchema = z.object({
  id: z.string().uuid(),
  key: z.string(),
  name: z.string(),
  organizationId: z.string().describe('Responsible organization (the lead when the plan names none)'),
  geometry: multiPolygonViewSchema,
  areaKm2: z.number(),
})

export const axisSchema = z.object({
  id: z.string().uuid(),
  key: z.string(),
  name: z.string(),
  organizationId: z.string(),
  unitIds: z.array(z.string()).describe('Units moving along it (those named, else all its organization brings)'),
  size: z.object({ vehicles: z.number().int(), personnel: z.number().int() }).nullable(),
  geometry: lineStringViewSchema,
  lengthKm: z.number(),
})

export const phaseSchema = z.object({
  ordinal: z.number().int(),
  name: z.string(),
  startOffsetMinutes: z.number().int(),
  endOffsetMinutes: z.number().int(),
  start: z.string().describe('H-hour plus the start offset'),
  end: z.string(),
  axisKeys: z.array(z.string()),
})

export const approvalSchema = z.object({
  organizationId: z.string(),
  planRevision: z.number().int(),
  approvedAt: z.string(),
  approvedBy: z.string(),
})

export const operationMovementSchema = z.object({
  id: z.string().uuid(),
  organizationId: z.string(),
  axisKey: z.string().nullable(),
  phaseOrdinal: z.number().int().nullable(),
  status: z.enum(movementStatuses),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  affectedOrganizationIds: z.array(z.string()),
})

/** An operation as listed: without its geometry. */
export const operationSummarySchema = z.object({
  id: z.string().uuid(),
  organizationId: z.string().describe('The lead organization'),
  roomId: z.string(),
  names: z.object({ ar: z.string(), ckb: z.string(), en: z.string() }),
  objective: z.string(),
  hHour: z.string(),
  window: z.object({ start: z.string(), end: z.string() }),
  status: z.enum(operationStatuses),
  planRevision: z.number().int().describe('Bumped by every amendment after proposal; approvals of an older revision no longer count'),
  bbox: bboxSchema.nullable(),
  proposedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  release: releaseViewSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type OperationSummary = z.infer<typeof operationSummarySchema>

export const operationSchema = operationSummarySchema.extend({
  participants: z.array(participantSchema),
  objectiveAreas: z.array(objectiveAreaSchema),
  axes: z.array(axisSchema),
  phases: z.array(phaseSchema),
  approvals: z.array(approvalSchema).describe('Every approval given, of any revision'),
  pendingApprovals: z.array(z.string()).describe('Organizations whose commander has not approved the current revision'),
  movements: z.array(operationMovementSchema).describe('Movement notifications the operation produced that you may see'),
})
export type Operation = z.infer<typeof operationSchema>

export const photoInputSchema = z.object({
  contentType: z.enum(photoTypes).describe('Checked against the content\'s leading bytes'),
  fileName: z.string().max(255).optional(),
  data: z.base64().max(Math.ceil(maxAttachmentBytes / 3) * 4 + 4, 'the photo is larger than 5 MiB').describe('The image, base64-encoded; at most 5 MiB'),
}).strict()

export const addLogEntryBodySchema = z.object({
  text: z.string().max(10_000).refine((text) => text.trim() !== '', 'the text is empty').superRefine(storableText),
  at: instantSchema.optional().describe('When it happened; now when not given; at most 10 minutes ahead'),
  location: pointSchema.optional(),
  unitId: z.string().uuid().optional().describe('A unit of the operation, or of your organization'),
  photo: photoInputSchema.optional(),
}).strict()
export type AddLogEntryInput = z.infer<typeof addLogEntryBodySchema>

export const listLogQuerySchema = z.object({
  since: instantSchema.optional().describe('Entries at or after this time'),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
}).strict()

export const logEntrySchema = z.object({
  id: z.string().uuid(),
  operationId: z.string().uuid(),
  at: z.string(),
  organizationId: z.string(),
  author: z.string(),
  text: z.string(),
  location: z.object({ type: z.literal('Point'), coordinates: positionSchema }).nullable(),
  unitId: z.string().nullable(),
  photo: z.object({ id: z.string().uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string() }).nullable(),
  roomId: z.string(),
  createdAt: z.string(),
})
export type LogEntry = z.infer<typeof logEntrySchema>

/** An objective area or axis on the map (layer 'operations'), with what the map shows of its operation. */
export const operationFeatureSchema = z.object({
  id: z.string().uuid(),
  operationId: z.string().uuid(),
  kind: z.enum(['objective', 'axis']),
  key: z.string(),
  name: z.string(),
  organizationId: z.string(),
  unitIds: z.array(z.string()),
  geometry: z.union([lineStringViewSchema, multiPolygonViewSchema]),
  bbox: bboxSchema,
  operation: z.object({
    names: z.object({ ar: z.string(), ckb: z.string(), en: z.string() }),
    leadOrganizationId: z.string(),
    roomId: z.string(),
    status: z.enum(operationStatuses),
    planRevision: z.number().int(),
    hHour: z.string(),
    window: z.object({ start: z.string(), end: z.string() }),
  }),
})
export type OperationFeature = z.infer<typeof operationFeatureSchema>
