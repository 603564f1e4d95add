/** Schemas of reports (incident, SIGACT, intelligence) and their attachments: validation, types and the OpenAPI document. */
import { z } from 'zod'
import { bboxQuerySchema, locationGeometrySchema } from '../platform/geometry/geojson.ts'
import { releaseSchema, releaseViewSchema } from '../releasability/release-schemas.ts'
import { roomIdSchema } from '../rooms/room-schemas.ts'
import { credibilityMeanings, informationCredibilities, reliabilityMeanings, sourceReliabilities } from './core/admiralty-code.ts'
import { attachmentTypes } from './core/attachment-content.ts'
import { isTooFarInFuture } from './core/report-time.ts'
import { storableTextProblem } from './core/report-text.ts'

export const reportTypes = ['incident', 'sigact', 'intelligence'] as const
export const reportLanguages = ['ar', 'ckb', 'en'] as const

/** Bodies carrying a location may exceed the general body limit: the geometry's own limit (100,000 vertices) should answer. */
export const reportBodyLimitBytes = 8 * 1024 * 1024
/** Longest report text, in characters. */
export const maxReportBodyLength = 100_000

const storableText = (text: string, context: z.RefinementCtx) => {
  const problem = storableTextProblem(text)
  if (problem) context.addIssue({ code: 'custom', message: `the text ${problem}` })
}

const titleSchema = z.string().trim().min(1).max(300).superRefine(storableText)
// The body is stored exactly as written: no trimming, no normalisation.
const bodySchema = z.string().max(maxReportBodyLength).refine((text) => text.trim() !== '', 'the body is empty').superRefine(storableText)

const reliabilitySchema = z.string().trim().toUpperCase().pipe(z.enum(sourceReliabilities, {
  error: `source reliability must be a letter A–F (${Object.entries(reliabilityMeanings).map(([grade, meaning]) => `${grade} ${meaning}`).join('; ')})`,
})).describe('NATO admiralty code: reliability of the source, A (completely reliable) to F (cannot be judged)')

const credibilitySchema = z.number().int().refine((value) => (informationCredibilities as readonly number[]).includes(value), {
  error: `information credibility must be an integer 1–6 (${Object.entries(credibilityMeanings).map(([grade, meaning]) => `${grade} ${meaning}`).join('; ')})`,
}).describe('NATO admiralty code: credibility of the information, 1 (confirmed) to 6 (cannot be judged)')

/** When it happened: an ISO 8601 time with a zone, at most 10 minutes in the future (clock skew). */
export const occurredAtSchema = z.iso.datetime({ offset: true }).refine(
  (text) => !isTooFarInFuture(new Date(text), new Date()),
  'occurredAt lies more than 10 minutes in the future; check the date and the time zone',
).describe('When it happened, ISO 8601 with a zone, e.g. 2021-06-12T04:30:00+03:00')

const placeIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9:._-]{0,119}$/).describe('Gazetteer id of the place, e.g. wof:85632405 or curated:balkana')
const unitIdsSchema = z.array(z.string().uuid()).max(100).transform((ids) => [...new Set(ids)]).describe('Units the report concerns; each must be released to your organization')
const operationIdsSchema = z.array(z.string().uuid()).max(100).transform((ids) => [...new Set(ids)]).describe('Operations the report concerns')

export const reportSchema = z.object({
  id: z.string().uuid(),
  organizationId: z.string().describe('The originating organization'),
  roomId: z.string().nullable(),
  type: z.enum(reportTypes),
  title: z.string(),
  body: z.string(),
  language: z.enum(reportLanguages),
  occurredAt: z.string(),
  location: locationGeometrySchema.nullable(),
  placeId: z.string().nullable(),
  sourceReliability: z.enum(sourceReliabilities),
  informationCredibility: z.number().int(),
  admiraltyCode: z.string().describe('Reliability and credibility together, e.g. B2'),
  unitIds: z.array(z.string().uuid()).describe('Linked units that you may see'),
  operationIds: z.array(z.string().uuid()),
  attachmentCount: z.number().int(),
  release: releaseViewSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Report = z.infer<typeof reportSchema>

export const createReportBodySchema = z.object({
  type: z.enum(reportTypes),
  title: titleSchema,
  body: bodySchema,
  language: z.enum(reportLanguages).optional().describe('Detected from the text when not given'),
  occurredAt: occurredAtSchema,
  location: locationGeometrySchema.nullable().default(null),
  placeId: placeIdSchema.nullable().default(null),
  sourceReliability: reliabilitySchema,
  informationCredibility: credibilitySchema,
  roomId: roomIdSchema.nullable().default(null),
  unitIds: unitIdsSchema.default([]),
  operationIds: operationIdsSchema.default([]),
  release: releaseSchema.default({ scope: 'originator' }),
}).strict()
export type CreateReportInput = z.infer<typeof createReportBodySchema>

export const updateReportBodySchema = z.object({
  type: z.enum(reportTypes).optional(),
  title: titleSchema.optional(),
  body: bodySchema.optional(),
  language: z.enum(reportLanguages).optional().describe('Detected again from the new text when the text changes and this is not given'),
  occurredAt: occurredAtSchema.optional(),
  location: locationGeometrySchema.nullable().optional(),
  placeId: placeIdSchema.nullable().optional(),
  sourceReliability: reliabilitySchema.optional(),
  informationCredibility: credibilitySchema.optional(),
  roomId: roomIdSchema.nullable().optional(),
  unitIds: unitIdsSchema.optional(),
  operationIds: operationIdsSchema.optional(),
  version: z.number().int().positive().optional().describe('The version you edited; a newer stored version answers 409'),
}).strict()
export type UpdateReportInput = z.infer<typeof updateReportBodySchema>

export const listReportsQuerySchema = z.object({
  roomId: roomIdSchema.optional(),
  type: z.enum(reportTypes).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('Reports that occurred at or after this time'),
  to: z.iso.datetime({ offset: true }).optional().describe('Reports that occurred at or before this time'),
  bbox: bboxQuerySchema.optional().describe('west,south,east,north: reports whose location intersects the box'),
  q: z.string().trim().min(1).max(200).superRefine(storableText).optional().describe('Words in the title or body (case-insensitive)'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
}).strict().refine((query) => !query.from || !query.to || new Date(query.from) <= new Date(query.to), { message: 'from must not be after to', path: ['from'] })
export type ListReportsQuery = z.infer<typeof listReportsQuerySchema>

export const attachmentSchema = z.object({
  id: z.string().uuid(),
  reportId: z.string().uuid(),
  fileName: z.string(),
  contentType: z.enum(attachmentTypes),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('SHA-256 of the content, hex'),
  createdAt: z.string(),
})
export type Attachment = z.infer<typeof attachmentSchema>

export const addAttachmentQuerySchema = z.object({
  name: z.string().max(1000).optional().describe('File name (or send it in the x-file-name header, percent-encoded when not ASCII)'),
}).strict()
