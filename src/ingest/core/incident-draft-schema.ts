// The incident draft a statement is read into (docs: ../shared/docs/ingest-format.md). One zod
// schema is the runtime check, the TypeScript type and, later, the API schema.
import { z } from 'zod'

/** Forces and groups a statement can name. */
export const ACTOR_IDS = ['peshmerga', 'iraqi-army', 'iraqi-cts', 'iraqi-air-force', 'federal-police', 'pmf', 'asayish', 'krg-cts', 'coalition', 'isis'] as const
/** Things and people a result counts. */
export const RESULT_ITEMS = ['vehicle', 'motorcycle', 'cave', 'tunnel', 'hideout', 'guesthouse', 'cache', 'ied', 'weapon', 'ammunition', 'explosives-workshop', 'airstrike', 'militant', 'security-member', 'civilian'] as const
/** What happened to them. */
export const RESULT_ACTIONS = ['destroyed', 'burned', 'found', 'seized', 'defused', 'killed', 'wounded', 'arrested', 'conducted'] as const

export const actorIdSchema = z.enum(ACTOR_IDS)
export const resultItemSchema = z.enum(RESULT_ITEMS)
export const resultActionSchema = z.enum(RESULT_ACTIONS)
export type ActorId = z.infer<typeof actorIdSchema>
export type ResultItem = z.infer<typeof resultItemSchema>
export type ResultAction = z.infer<typeof resultActionSchema>

/** Which actions make sense for an item: anything else is a misreading (the reader drops it) or a mistake (operation claims refuse it). */
export const ALLOWED_ACTIONS: Readonly<Record<ResultItem, readonly ResultAction[]>> = {
  vehicle: ['destroyed', 'burned', 'found', 'seized'],
  motorcycle: ['destroyed', 'burned', 'found', 'seized'],
  cave: ['destroyed', 'burned', 'found'],
  tunnel: ['destroyed', 'burned', 'found'],
  hideout: ['destroyed', 'burned', 'found'],
  guesthouse: ['destroyed', 'burned', 'found'],
  cache: ['destroyed', 'burned', 'found', 'seized'],
  ied: ['defused', 'found', 'seized', 'destroyed'],
  weapon: ['seized', 'found', 'destroyed'],
  ammunition: ['seized', 'found', 'destroyed'],
  'explosives-workshop': ['destroyed', 'found', 'seized', 'burned'],
  airstrike: ['conducted'],
  militant: ['killed', 'wounded', 'arrested'],
  'security-member': ['killed', 'wounded'],
  civilian: ['killed', 'wounded'],
}

/** Character offsets [start, end) into the original text. */
export const evidenceSchema = z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])).describe('Offsets [start, end) into the file text')

export const draftPlaceSchema = z.object({
  name: z.string().describe('English canonical name'),
  nameAr: z.string().nullable(),
  nameCkb: z.string().nullable(),
  kind: z.enum(['country', 'governorate', 'district', 'subdistrict', 'town', 'village', 'area', 'neighbourhood']),
  lat: z.number(),
  lon: z.number(),
  precision: z.enum(['point', 'centroid', 'approximate']),
  governorate: z.string().nullable(),
  district: z.string().nullable(),
  placeId: z.string(),
  evidence: evidenceSchema,
})

export const draftActorSchema = z.object({ id: actorIdSchema, evidence: evidenceSchema })

export const draftResultSchema = z.object({
  item: resultItemSchema,
  action: resultActionSchema,
  count: z.number().int().nonnegative().nullable().describe('null when the text gives no number'),
  evidence: evidenceSchema,
})

export const incidentDraftSchema = z.object({
  file: z.string().nullable(),
  language: z.enum(['ar', 'ckb', 'en']),
  eventDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  eventDateEvidence: evidenceSchema,
  places: z.array(draftPlaceSchema),
  eventPlaces: z.array(draftPlaceSchema),
  actors: z.array(draftActorSchema),
  results: z.array(draftResultSchema),
  operationName: z.string().nullable(),
  operationNameEvidence: evidenceSchema,
  confidence: z.number().min(0).max(1),
  warnings: z.array(z.string()),
})

export type DraftPlace = z.infer<typeof draftPlaceSchema>
export type DraftActor = z.infer<typeof draftActorSchema>
export type DraftResult = z.infer<typeof draftResultSchema>
export type IncidentDraft = z.infer<typeof incidentDraftSchema>
