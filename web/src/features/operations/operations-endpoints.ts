/**
 * The API of joint operations as the board uses it: the plan and its lifecycle, the live log, the
 * results (claims, rounds of agreement, reopening) and the after-action documents. Every type is
 * the server's own (its zod schemas), never written again here.
 */
import type { z } from 'zod'
import type {
  AddLogEntryInput, CreateOperationInput, LogEntry, Operation, OperationSummary,
} from '../../../../src/operations/operation-schemas.ts'
import type { OperationStatus } from '../../../../src/operations/core/operation-lifecycle.ts'
import type { ClaimedResultInput, OperationResults, ProposeFiguresInput } from '../../../../src/operations/results/results-schemas.ts'
import type { jointStatementSchema } from '../../../../src/operations/report/report-schemas.ts'
import { api, type RequestOptions } from '../../api/api-client.ts'
import type { Language } from '../../i18n/i18n.ts'

export type { AddLogEntryInput, ClaimedResultInput, CreateOperationInput, LogEntry, Operation, OperationResults, OperationStatus, OperationSummary }
export type { OperationFeature } from '../../../../src/operations/operation-schemas.ts'
export type { LiveOperationResults, RoundView } from '../../../../src/operations/results/results-schemas.ts'
export type JointStatement = z.infer<typeof jointStatementSchema>

const base = (operationId: string) => `/api/operations/${encodeURIComponent(operationId)}`

export const operationsApi = {
  list: (roomId: string, options?: RequestOptions) => api.get<OperationSummary[]>(`/api/operations?roomId=${encodeURIComponent(roomId)}`, options),
  get: (operationId: string, options?: RequestOptions) => api.get<Operation>(base(operationId), options),
  create: (input: CreateOperationInput) => api.post<Operation>('/api/operations', input),
  propose: (operationId: string) => api.post<Operation>(`${base(operationId)}/propose`, {}),
  approve: (operationId: string, planRevision: number) => api.post<Operation>(`${base(operationId)}/approve`, { planRevision }),
  start: (operationId: string) => api.post<Operation>(`${base(operationId)}/start`, {}),
  complete: (operationId: string) => api.post<Operation>(`${base(operationId)}/complete`, {}),
  cancel: (operationId: string, reason: string) => api.post<Operation>(`${base(operationId)}/cancel`, reason.trim() ? { reason: reason.trim() } : {}),

  log: (operationId: string, options?: RequestOptions) => api.get<LogEntry[]>(`${base(operationId)}/log`, options),
  addLogEntry: (operationId: string, input: AddLogEntryInput) => api.post<LogEntry>(`${base(operationId)}/log`, input, { timeoutMs: 120_000 }),
  photoUrl: (operationId: string, entryId: string) => `${base(operationId)}/log/${encodeURIComponent(entryId)}/photo`,

  results: (operationId: string, options?: RequestOptions) => api.get<OperationResults>(`${base(operationId)}/results`, options),
  recordClaims: (operationId: string, organizationId: string, results: ClaimedResultInput[], version?: number) =>
    api.put<OperationResults>(`${base(operationId)}/results/claims/${encodeURIComponent(organizationId)}`, { results, ...(version ? { version } : {}) }),
  proposeFigures: (operationId: string, input: ProposeFiguresInput) => api.post<OperationResults>(`${base(operationId)}/results/rounds`, input),
  agree: (operationId: string, round: number) => api.post<OperationResults>(`${base(operationId)}/results/rounds/${round}/agree`),
  reopen: (operationId: string, reason: string) => api.post<OperationResults>(`${base(operationId)}/results/reopen`, { reason }),

  reportUrl: (operationId: string, format: 'html' | 'pdf', language: Language) => `${base(operationId)}/report.${format}?lang=${language}`,
  statement: (operationId: string, language: Language, options?: RequestOptions) => api.get<JointStatement>(`${base(operationId)}/statement?lang=${language}`, options),
}
