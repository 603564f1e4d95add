// What an after-action report and a joint statement are made from: one plain object, read from
// the database by src/operations/report/after-action-loader.ts (through releasability) and
// rendered by pure functions. One zod schema is the check, the TypeScript type and the contract
// between the two halves.
import { z } from 'zod'
import { resultActionSchema, resultItemSchema } from '../../ingest/core/incident-draft-schema.ts'

/** A name in each of the three languages (organizations, rooms, operations, units). */
export const localizedNameSchema = z.object({ ar: z.string(), ckb: z.string(), en: z.string() })
export type LocalizedName = z.infer<typeof localizedNameSchema>

/** A name that may be missing in some language (gazetteer names): the renderer falls back. */
export const partialLocalizedNameSchema = z.object({ ar: z.string().nullable(), ckb: z.string().nullable(), en: z.string() })
export type PartialLocalizedName = z.infer<typeof partialLocalizedNameSchema>

const position = z.tuple([z.number(), z.number()]).or(z.tuple([z.number(), z.number(), z.number()]))
const ring = z.array(position)
export const lineStringSchema = z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) })
export const multiPolygonSchema = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) })
export const polygonalSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }), multiPolygonSchema])
export type LineStringGeometry = z.infer<typeof lineStringSchema>
export type MultiPolygonGeometry = z.infer<typeof multiPolygonSchema>
export type PolygonalGeometry = z.infer<typeof polygonalSchema>

const instant = z.string().datetime({ offset: true })

export const operationStatusSchema = z.enum(['draft', 'proposed', 'approved', 'active', 'completed', 'cancelled'])
export type OperationStatus = z.infer<typeof operationStatusSchema>

export const participantRoleSchema = z.enum(['lead', 'participant', 'support'])
export type ParticipantRole = z.infer<typeof participantRoleSchema>

export const participantSchema = z.object({
  organizationId: z.string(),
  names: localizedNameSchema,
  role: participantRoleSchema,
  /** The units it commits that the reader may see. */
  units: z.array(z.object({ id: z.string(), names: localizedNameSchema })),
})
export type Participant = z.infer<typeof participantSchema>

export const objectiveAreaSchema = z.object({
  id: z.string(),
  name: z.string(),
  organizationId: z.string().nullable(),
  geometry: multiPolygonSchema,
  areaKm2: z.number().nonnegative().nullable(),
})
export type ObjectiveArea = z.infer<typeof objectiveAreaSchema>

export const axisSchema = z.object({
  id: z.string(),
  name: z.string(),
  organizationId: z.string().nullable(),
  geometry: lineStringSchema,
  lengthKm: z.number().nonnegative().nullable(),
})
export type Axis = z.infer<typeof axisSchema>

export const phaseSchema = z.object({
  ordinal: z.number().int(),
  name: z.string(),
  startOffsetMinutes: z.number().int(),
  endOffsetMinutes: z.number().int(),
  start: instant,
  end: instant,
  axisIds: z.array(z.string()),
})
export type Phase = z.infer<typeof phaseSchema>

/** What happened to the operation, in order: status changes, approvals, result agreements. */
export const timelineKindSchema = z.enum([
  'created', 'proposed', 'amended', 'approved', 'activated', 'completed', 'cancelled',
  'results-proposed', 'results-agreement', 'results-agreed', 'results-reopened',
])
export type TimelineKind = z.infer<typeof timelineKindSchema>

export const timelineEntrySchema = z.object({
  at: instant,
  kind: timelineKindSchema,
  organizationId: z.string().nullable(),
  by: z.string().nullable(),
  planRevision: z.number().int().nullable().default(null),
  /** Free text written by a person (a reopening reason, a note), shown as written. */
  note: z.string().nullable().default(null),
})
export type TimelineEntry = z.infer<typeof timelineEntrySchema>

/** One agreed figure, in the results vocabulary of the statement reader (ingest-format.md). */
export const agreedFigureSchema = z.object({
  item: resultItemSchema,
  action: resultActionSchema,
  /** null: the participants agree the fact but no number ("several tunnels"). */
  count: z.number().int().nonnegative().nullable(),
})
export type AgreedFigure = z.infer<typeof agreedFigureSchema>

export const resultsSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('agreed'),
    round: z.number().int().positive(),
    agreedAt: instant,
    figures: z.array(agreedFigureSchema),
    agreements: z.array(z.object({ organizationId: z.string(), by: z.string(), at: instant })),
  }),
  z.object({
    status: z.literal('not-agreed'),
    /** no-claims: nothing recorded yet; awaiting-agreement: figures proposed, not agreed by all; reopened: agreed figures reopened for a new round. */
    reason: z.enum(['no-claims', 'claims-recorded', 'awaiting-agreement', 'reopened']),
    /** Participants whose commander has not agreed (the current round, if any). */
    pendingOrganizationIds: z.array(z.string()),
  }),
])
export type OperationResults = z.infer<typeof resultsSchema>

export const logEntrySchema = z.object({
  id: z.string(),
  at: instant,
  organizationId: z.string(),
  author: z.string(),
  text: z.string(),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  unitName: localizedNameSchema.nullable(),
  hasPhoto: z.boolean(),
})
export type LogEntry = z.infer<typeof logEntrySchema>

/** A gazetteer place near an objective area, with its names and administrative units in each language. */
export const nearbyPlaceSchema = z.object({
  id: z.string(),
  kind: z.enum(['country', 'governorate', 'district', 'subdistrict', 'town', 'village', 'area', 'neighbourhood']),
  names: partialLocalizedNameSchema,
  lat: z.number(),
  lon: z.number(),
  precision: z.enum(['point', 'centroid', 'approximate']),
  district: partialLocalizedNameSchema.nullable(),
  governorate: partialLocalizedNameSchema.nullable(),
  /** Distance to the nearest objective area (0 inside one). */
  distanceKm: z.number().nonnegative(),
  insideObjective: z.boolean(),
})
export type NearbyPlace = z.infer<typeof nearbyPlaceSchema>

/** Administrative boundaries drawn for context under the operation (simplified districts). */
export const contextBoundarySchema = z.object({ names: partialLocalizedNameSchema, geometry: polygonalSchema })
export type ContextBoundary = z.infer<typeof contextBoundarySchema>

export const afterActionReportDataSchema = z.object({
  operation: z.object({
    id: z.string(),
    names: localizedNameSchema,
    objective: z.string(),
    status: operationStatusSchema,
    hHour: instant,
    windowStart: instant,
    windowEnd: instant,
    planRevision: z.number().int().positive(),
    room: z.object({ id: z.string(), names: localizedNameSchema }),
    /** The organizations the operation is released to (the report carries the same marking). */
    releasedTo: z.array(z.string()),
    /** False when the reader may not know the whole set (only the originator sees it): the marking then says "and others". */
    releasedToComplete: z.boolean().default(true),
  }),
  /** Names of every organization the report mentions, by id. */
  organizations: z.record(z.string(), localizedNameSchema),
  participants: z.array(participantSchema),
  objectives: z.array(objectiveAreaSchema),
  axes: z.array(axisSchema),
  phases: z.array(phaseSchema),
  timeline: z.array(timelineEntrySchema),
  results: resultsSchema,
  log: z.array(logEntrySchema),
  places: z.array(nearbyPlaceSchema),
  boundaries: z.array(contextBoundarySchema).default([]),
  /** Credit for the reference data drawn (gazetteer, boundaries). */
  attribution: z.string(),
  timeZone: z.string().default('Asia/Baghdad'),
  generatedAt: instant,
  /** The organization of the reader the report was produced for (it sees only what is released to it). */
  preparedFor: z.string(),
})
export type AfterActionReportData = z.infer<typeof afterActionReportDataSchema>
export type AfterActionReportInput = z.input<typeof afterActionReportDataSchema>

/** The name of an organization in a language, or its id when the report does not know it. */
export function organizationName(data: Pick<AfterActionReportData, 'organizations'>, organizationId: string, locale: keyof LocalizedName): string {
  return data.organizations[organizationId]?.[locale] ?? organizationId
}

/** A gazetteer name in a language: Sorani falls back to Arabic (same script), then English. */
export function placeName(names: PartialLocalizedName, locale: keyof LocalizedName): string {
  if (locale === 'ar') return names.ar ?? names.ckb ?? names.en
  if (locale === 'ckb') return names.ckb ?? names.ar ?? names.en
  return names.en
}
