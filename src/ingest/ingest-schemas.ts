/** Schemas of the ingest API (reading statements, incident drafts and their review): validation, types and the OpenAPI document. */
import { z } from 'zod'
import {
  ACTOR_IDS, RESULT_ACTIONS, RESULT_ITEMS, draftPlaceSchema, evidenceSchema, incidentDraftSchema,
} from './core/incident-draft-schema.ts'
import { binaryTextProblem, correctableFields, isCalendarDate } from './core/draft-review.ts'
import { createReportBodySchema, occurredAtSchema, reportTypes } from '../reports/report-schemas.ts'
import { storableTextProblem } from '../reports/core/report-text.ts'

/** Largest statement read, in UTF-8 bytes (the CLI's limit too). */
export { maxStatementBytes } from './core/draft-review.ts'
/** Body limit of the ingest routes: a 1 MB statement escaped in JSON (\uXXXX) can triple; past this Fastify answers 413 itself. */
export const ingestBodyLimitBytes = 8 * 1024 * 1024
/** Longest excerpt of the text in draft lists, in characters. */
export const excerptLength = 200

const calendarDate = (what: string) => z.string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, `${what} must be a date YYYY-MM-DD`)
  .refine(isCalendarDate, `${what} is not a calendar date`)

const statementTextSchema = z.string()
  .superRefine((text, context) => {
    if (text.trim() === '') return context.addIssue({ code: 'custom', message: 'the text is empty' })
    const problem = binaryTextProblem(text)
    if (problem) context.addIssue({ code: 'custom', message: `the text ${problem}` })
  })
  .describe('The statement or field report: UTF-8 text up to 1 MB, in Arabic, Sorani or English (a first line may be a headline)')

const fileNameSchema = z.string().trim().min(1).max(255)
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name) && storableTextProblem(name) === null, 'the file name may not contain control characters')
  .describe('Name the statement arrived under, echoed as the draft\'s `file` (default "api")')

export const readStatementBodySchema = z.object({
  text: statementTextSchema,
  published: calendarDate('published').describe('Publication date YYYY-MM-DD: the reference for relative dates (اليوم، أمس، yesterday)'),
  fileName: fileNameSchema.optional(),
}).strict()
export type ReadStatementInput = z.infer<typeof readStatementBodySchema>

// Corrections: the draft schema's shapes, with the vocabulary spelled out when a value is unknown
// and evidence optional (an analyst's addition may point at no text).
const vocabulary = (what: string, values: readonly string[]) => `unknown ${what}: use one of ${values.join(', ')}`
const correctionEvidence = evidenceSchema.default([])

const correctionActorSchema = z.object({
  id: z.enum(ACTOR_IDS, { error: vocabulary('actor', ACTOR_IDS) }),
  evidence: correctionEvidence,
}).strict()

const correctionResultSchema = z.object({
  item: z.enum(RESULT_ITEMS, { error: vocabulary('result item', RESULT_ITEMS) }),
  action: z.enum(RESULT_ACTIONS, { error: vocabulary('result action', RESULT_ACTIONS) }),
  count: z.number().int().min(0).max(1_000_000).nullable().default(null).describe('null when the text gives no number'),
  evidence: correctionEvidence,
}).strict()

const placeReferenceSchema = z.object({
  placeId: z.string().min(1).max(120).describe('Gazetteer id (wof:… or curated:…): the place is filled in from the gazetteer'),
  evidence: correctionEvidence,
}).strict()

const fullPlaceSchema = draftPlaceSchema.extend({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  evidence: correctionEvidence,
}).strict()

const correctionPlaceSchema = z.union([placeReferenceSchema, fullPlaceSchema], {
  error: 'a place is { placeId } of the gazetteer, or a full draft place (name, nameAr, nameCkb, kind, lat, lon, precision, governorate, district, placeId)',
})
export type CorrectionPlace = z.infer<typeof correctionPlaceSchema>

const distinct = (values: readonly string[]) => new Set(values).size === values.length

export const draftCorrectionsSchema = z.object({
  eventDate: calendarDate('eventDate').nullable().optional(),
  places: z.array(correctionPlaceSchema).max(200).optional(),
  eventPlaces: z.array(correctionPlaceSchema).max(50).optional(),
  actors: z.array(correctionActorSchema).max(ACTOR_IDS.length)
    .refine((actors) => distinct(actors.map((actor) => actor.id)), 'each actor once').optional(),
  results: z.array(correctionResultSchema).max(200)
    .refine((results) => distinct(results.map((result) => `${result.item} ${result.action}`)), 'one result per (item, action): repeated mentions of one fact are one result').optional(),
  operationName: z.string().trim().min(1).max(200).superRefine((name, context) => {
    const problem = storableTextProblem(name)
    if (problem) context.addIssue({ code: 'custom', message: `the operation name ${problem}` })
  }).nullable().optional(),
}).strict().refine((corrections) => Object.keys(corrections).length > 0, `give at least one of ${correctableFields.join(', ')}`)
  .describe('Fields of the draft to replace; the others are kept')
export type DraftCorrections = z.infer<typeof draftCorrectionsSchema>

const versionSchema = z.number().int().positive().optional().describe('The version you reviewed; a newer stored version answers 409')

export const correctDraftBodySchema = z.object({ corrections: draftCorrectionsSchema, version: versionSchema }).strict()
export type CorrectDraftInput = z.infer<typeof correctDraftBodySchema>

const reportFields = createReportBodySchema.shape
export const acceptDraftBodySchema = z.object({
  report: z.object({
    type: z.enum(reportTypes).default('incident'),
    title: reportFields.title,
    roomId: reportFields.roomId,
    release: reportFields.release,
    sourceReliability: reportFields.sourceReliability,
    informationCredibility: reportFields.informationCredibility,
    placeId: reportFields.placeId.unwrap().optional().describe('Gazetteer id of the place; by default that of the first event place (else the first place)'),
    occurredAt: occurredAtSchema.optional().describe('By default the event date at 00:00 in Asia/Baghdad'),
  }).strict().describe('The report to create; its body is the source text, its language the draft\'s, its location the first event place (else the first place)'),
  version: versionSchema,
}).strict()
export type AcceptDraftInput = z.infer<typeof acceptDraftBodySchema>

export const rejectDraftBodySchema = z.object({
  reason: z.string().trim().min(1).max(2000).superRefine((reason, context) => {
    const problem = storableTextProblem(reason)
    if (problem) context.addIssue({ code: 'custom', message: `the reason ${problem}` })
  }),
  version: versionSchema,
}).strict()
export type RejectDraftInput = z.infer<typeof rejectDraftBodySchema>

export const draftStatuses = ['pending', 'accepted', 'rejected'] as const
export type DraftStatus = (typeof draftStatuses)[number]

export const listDraftsQuerySchema = z.object({
  status: z.enum(draftStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
}).strict()
export type ListDraftsQuery = z.infer<typeof listDraftsQuerySchema>

const userSchema = z.object({ userId: z.string().uuid().nullable(), username: z.string() })

export const draftSummarySchema = z.object({
  id: z.string().uuid(),
  organizationId: z.string(),
  author: userSchema,
  fileName: z.string().nullable(),
  published: z.string(),
  language: incidentDraftSchema.shape.language,
  eventDate: z.string().nullable().describe('Of the corrected draft when corrected'),
  excerpt: z.string().describe(`The first ${excerptLength} characters of the text`),
  textLength: z.number().int(),
  status: z.enum(draftStatuses),
  correctedFields: z.array(z.enum(correctableFields)).describe('Fields the analyst changed'),
  reportId: z.string().uuid().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type DraftSummary = z.infer<typeof draftSummarySchema>

export const highlightSchema = z.object({
  field: z.enum(['eventDate', 'places', 'eventPlaces', 'actors', 'results', 'operationName']),
  label: z.string(),
  start: z.number().int(),
  end: z.number().int(),
}).describe('A span [start, end) of the text (UTF-16 code units, as JavaScript indexes strings) supporting a field')

export const draftDetailSchema = draftSummarySchema.extend({
  text: z.string().describe('The statement exactly as submitted'),
  draft: incidentDraftSchema.describe('What the reader proposed'),
  corrected: incidentDraftSchema.nullable().describe('The draft with the corrections applied; null until corrected'),
  highlights: z.array(highlightSchema).describe('Evidence spans of the current draft (corrected, else the machine\'s), in text order'),
  rejectionReason: z.string().nullable(),
  reviewedBy: userSchema.nullable(),
  reviewedAt: z.string().nullable(),
})
export type DraftDetail = z.infer<typeof draftDetailSchema>
