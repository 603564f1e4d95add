/** Calls of the statement reader's API (src/ingest/ingest-routes.ts) the review screen uses; each returns the server's own type. */
import type { z } from 'zod'
import { api, type RequestOptions } from '../../api/api-client.ts'
import type { Report } from '../../api/server-types.ts'
import type {
  acceptDraftBodySchema, correctDraftBodySchema, DraftDetail, DraftStatus, DraftSummary, readStatementBodySchema, rejectDraftBodySchema,
} from '../../../../src/ingest/ingest-schemas.ts'

export type { DraftDetail, DraftStatus, DraftSummary }
export type ReadStatementInput = z.input<typeof readStatementBodySchema>
export type CorrectDraftInput = z.input<typeof correctDraftBodySchema>
export type DraftCorrections = CorrectDraftInput['corrections']
export type AcceptDraftInput = z.input<typeof acceptDraftBodySchema>
export type RejectDraftInput = z.input<typeof rejectDraftBodySchema>

const draftPath = (id: string) => `/api/ingest/drafts/${encodeURIComponent(id)}`

export const statementsEndpoints = {
  drafts: (status: DraftStatus | undefined, options?: RequestOptions) => api.get<DraftSummary[]>(`/api/ingest/drafts${status ? `?status=${status}` : ''}`, options),
  draft: (id: string, options?: RequestOptions) => api.get<DraftDetail>(draftPath(id), options),
  /** Reads the statement and keeps the draft for review (the first read of a server loads its gazetteer: seconds). */
  createDraft: (input: ReadStatementInput) => api.post<DraftDetail>('/api/ingest/drafts', input, { timeoutMs: 60_000 }),
  correct: (id: string, input: CorrectDraftInput) => api.patch<DraftDetail>(draftPath(id), input),
  accept: (id: string, input: AcceptDraftInput) => api.post<{ draft: DraftDetail; report: Report }>(`${draftPath(id)}/accept`, input),
  reject: (id: string, input: RejectDraftInput) => api.post<DraftDetail>(`${draftPath(id)}/reject`, input),
}
