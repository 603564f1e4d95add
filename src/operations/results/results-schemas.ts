/**
 * Schemas of the results of a joint operation: each participant's claims, the claims side by side
 * with their discrepancies, and the rounds of agreement on the figures. Validation, types and the
 * OpenAPI document. The vocabulary is the statement reader's (src/ingest/core/incident-draft-schema.ts).
 */
import { z } from 'zod'
import { RESULT_ACTIONS, RESULT_ITEMS } from '../../ingest/core/incident-draft-schema.ts'
import { discrepancyKinds } from '../core/claims-reconciliation.ts'
import { repeatedFacts, resultCategories, unfitFacts } from '../core/claims-vocabulary.ts'

/** Largest number a single result may claim (as the statement reader's corrections). */
export const maxClaimedCount = 1_000_000
/** Most facts in one list: the vocabulary allows 46 (item, action) pairs. */
export const maxResultsPerList = 100

const vocabulary = (what: string, values: readonly string[]) => `unknown ${what}: use one of ${values.join(', ')}`

const countMessage = `count is a whole number from 0 to ${maxClaimedCount}, or 'unspecified' when the claim gives no number`
export const claimedCountSchema = z.union([z.number().int(countMessage).min(0, countMessage).max(maxClaimedCount, countMessage), z.literal('unspecified')], { error: countMessage }).describe("A whole number, or 'unspecified' when the claim gives none (\"a number of\", عدد من)")

export const claimedResultSchema = z.object({
  item: z.enum(RESULT_ITEMS, { error: vocabulary('result item', RESULT_ITEMS) }),
  action: z.enum(RESULT_ACTIONS, { error: vocabulary('result action', RESULT_ACTIONS) }),
  count: claimedCountSchema,
}).strict().describe('One fact: item, action and count, in the vocabulary of docs/ingest-format.md; militants, security members and civilians are separate items')
export type ClaimedResultInput = z.infer<typeof claimedResultSchema>

const resultListSchema = z.array(claimedResultSchema).max(maxResultsPerList).superRefine((results, context) => {
  const repeated = repeatedFacts(results)
  if (repeated.length > 0) context.addIssue({ code: 'custom', message: `each (item, action) once: ${repeated.join(', ')} listed more than once` })
  for (const unfit of unfitFacts(results)) context.addIssue({ code: 'custom', message: `${unfit.key} does not fit: ${unfit.key.split(':')[0]} allows ${unfit.allowed.join(', ')}` })
})

export const recordClaimsBodySchema = z.object({
  results: resultListSchema.describe('Everything your organization claims; replaces its earlier list. An empty list claims nothing.'),
  version: z.number().int().positive().optional().describe('The version of your claims you edited; a newer stored version answers 409'),
}).strict()
export type RecordClaimsInput = z.infer<typeof recordClaimsBodySchema>

export const proposeFiguresBodySchema = z.object({
  figures: resultListSchema.describe('The figures proposed for agreement by every participant'),
  note: z.string().trim().max(2000).optional().describe('Why these figures (e.g. which claims were reconciled how)'),
}).strict()
export type ProposeFiguresInput = z.infer<typeof proposeFiguresBodySchema>

export const reopenBodySchema = z.object({
  reason: z.string().trim().min(1, 'give the reason for reopening agreed figures').max(2000),
}).strict()
export type ReopenInput = z.infer<typeof reopenBodySchema>

export const operationIdParams = z.object({ id: z.string().uuid() }).strict()
export const claimsParams = z.object({ id: z.string().uuid(), organizationId: z.string().min(1).max(64) }).strict()
export const roundParams = z.object({ id: z.string().uuid(), round: z.coerce.number().int().min(1).max(1_000_000) }).strict()

// ---------------------------------------------------------------- replies

const claimCellSchema = z.union([claimedCountSchema, z.enum(['not-claimed', 'not-recorded'])])
  .describe("The organization's count, 'unspecified', 'not-claimed' (its claims do not include the fact) or 'not-recorded' (it has recorded nothing yet)")

export const claimsRowSchema = z.object({
  key: z.string().describe('item:action'),
  item: z.enum(RESULT_ITEMS),
  action: z.enum(RESULT_ACTIONS),
  category: z.enum(resultCategories),
  cells: z.array(z.object({ organizationId: z.string(), claim: claimCellSchema })),
  discrepancies: z.array(z.object({ kind: z.enum(discrepancyKinds), organizationIds: z.array(z.string()) })),
  awaiting: z.array(z.string()),
  consistent: z.boolean(),
})

export const claimsTableSchema = z.object({
  organizationIds: z.array(z.string()).describe('The columns: the lead, then the other participants'),
  rows: z.array(claimsRowSchema),
  discrepantRows: z.number().int(),
  awaiting: z.array(z.string()).describe('Participants that have recorded nothing yet'),
  consistent: z.boolean(),
}).describe('The claims side by side, every discrepancy marked')
export type ClaimsTableView = z.infer<typeof claimsTableSchema>

const claimedResultViewSchema = z.object({ item: z.enum(RESULT_ITEMS), action: z.enum(RESULT_ACTIONS), count: claimedCountSchema })

export const participantClaimsSchema = z.object({
  organizationId: z.string(),
  role: z.enum(['lead', 'participant', 'support']),
  claims: z.object({
    results: z.array(claimedResultViewSchema),
    recordedAt: z.string(),
    recordedBy: z.string(),
    version: z.number().int(),
  }).nullable().describe('null until the organization records its claims'),
})

export const agreementSchema = z.object({ organizationId: z.string(), agreedBy: z.string(), agreedAt: z.string() })

export const roundSchema = z.object({
  round: z.number().int(),
  status: z.enum(['proposed', 'agreed', 'superseded']).describe('proposed: collecting agreements; agreed: by every participant; superseded: replaced by a newer proposal'),
  figures: z.array(claimedResultViewSchema),
  note: z.string(),
  proposedBy: z.object({ organizationId: z.string(), username: z.string() }),
  proposedAt: z.string(),
  closedAt: z.string().nullable(),
  agreements: z.array(agreementSchema),
  awaiting: z.array(z.string()).describe('Participants whose commander has not agreed (while proposed)'),
  reopened: z.object({ at: z.string(), organizationId: z.string(), by: z.string(), reason: z.string() }).nullable(),
})
export type RoundView = z.infer<typeof roundSchema>

export const operationResultsSchema = z.object({
  operationId: z.string(),
  operationStatus: z.string(),
  participants: z.array(participantClaimsSchema).describe('The parties to the results: the lead, then the participants (coalition support neither claims nor agrees)'),
  claims: claimsTableSchema,
  /** The figures agreed by every participant in the latest such round; shown as agreed even while a new round is under way. */
  agreed: roundSchema.nullable().describe('The latest round agreed by a commander of every participant (null: nothing agreed yet)'),
  locked: z.boolean().describe('The agreed figures are the latest round and not reopened: claims and figures cannot change'),
  openRound: z.number().int().nullable().describe('The round collecting agreements'),
  rounds: z.array(roundSchema).describe('Every round, oldest first'),
})
export type OperationResults = z.infer<typeof operationResultsSchema>

/** An operation's results on the live layer 'operation-results' (snapshots and deltas): the same for every reader. */
export type LiveOperationResults = OperationResults & { id: string; roomId: string }

/**
 * What `agreedResultsOf(viewer, operationId)` gives the after-action report and joint statement:
 * the figures agreed by every participant (null when none were ever agreed), whether they are
 * locked (false while a reopened round is under way: the figures are still the last agreed ones),
 * and the claims side by side.
 */
export interface AgreedResults {
  operationId: string
  /** Agreed figures, ordered militants, security members, civilians, materiel, air strikes. */
  agreed: {
    round: number
    figures: Array<{ item: (typeof RESULT_ITEMS)[number]; action: (typeof RESULT_ACTIONS)[number]; count: number | 'unspecified' }>
    agreedAt: string
    agreements: Array<{ organizationId: string; agreedBy: string; agreedAt: string }>
  } | null
  locked: boolean
  claims: ClaimsTableView
}
