/**
 * Reading statements into incident drafts, and the review step: an analyst of the draft's
 * organization corrects it, then accepts it (a report is created through the reports service)
 * or rejects it. Each step is audited in the transaction that makes it.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { Database, Queryable } from '../platform/database/database.ts'
import { actorOf, type Principal, type Role } from '../platform/auth/principal.ts'
import { draftReviewerRoles, ingestReaderRoles } from '../platform/auth/roles.ts'
import { TansiqError } from '../platform/errors.ts'
import { appendAuditEntry } from '../audit/audit-log.ts'
import type { PlaceIndex } from '../places/core/place-index.ts'
import type { PlaceRecord } from '../places/core/place-record.ts'
import type { Viewer } from '../releasability/released-store.ts'
import { createReportBodySchema, maxReportBodyLength, type Report } from '../reports/report-schemas.ts'
import type { ReportsService } from '../reports/reports-service.ts'
import { incidentDraftSchema, type DraftPlace, type IncidentDraft } from './core/incident-draft-schema.ts'
import { readStatement } from './core/statement-reader.ts'
import { loadIngestPlaceIndex } from './ingest-place-index.ts'
import {
  applyCorrections, correctedFieldsOf, evidenceProblems, highlightsOf, reportInputOf, statementTextProblem, type ResolvedCorrections,
} from './core/draft-review.ts'
import {
  maxStatementBytes,
  type AcceptDraftInput, type CorrectDraftInput, type CorrectionPlace, type DraftCorrections, type DraftDetail, type DraftSummary,
  type ListDraftsQuery, type ReadStatementInput, type RejectDraftInput,
} from './ingest-schemas.ts'
import * as store from './ingest-store.ts'
import { isoTime as iso } from '../platform/database/database.ts'

export type IngestService = ReturnType<typeof createIngestService>

function requireRole(principal: Principal, allowed: readonly Role[], what: string): void {
  if (!allowed.includes(principal.role)) throw new TansiqError('forbidden', `Your role (${principal.role}) cannot ${what}; that needs ${allowed.join(' or ')}`)
}


function toSummary(row: store.DraftRow): DraftSummary {
  const current = row.corrected ?? row.draft
  return {
    id: row.id,
    organizationId: row.organization_id,
    author: { userId: row.author_user_id, username: row.author_username },
    fileName: row.file_name,
    published: row.published,
    language: current.language,
    eventDate: current.eventDate,
    excerpt: row.excerpt,
    textLength: row.text_length,
    status: row.status,
    correctedFields: correctedFieldsOf(row.draft, row.corrected),
    reportId: row.report_id,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  }
}

function toDetail(row: store.DraftRow): DraftDetail {
  return {
    ...toSummary(row),
    text: row.source_text ?? '',
    draft: row.draft,
    corrected: row.corrected,
    highlights: highlightsOf(row.corrected ?? row.draft),
    rejectionReason: row.rejection_reason,
    reviewedBy: row.reviewed_by_username ? { userId: row.reviewed_by_user_id, username: row.reviewed_by_username } : null,
    reviewedAt: row.reviewed_at ? iso(row.reviewed_at) : null,
  }
}

/** Builds the ingest capability; the place index is loaded on first use (seconds), then kept. */
export function createIngestService(options: { database: Database; reports: ReportsService; loadPlaces?: () => PlaceIndex }) {
  const { database, reports } = options
  let places: PlaceIndex | null = null
  let placesById: Map<string, PlaceRecord> | null = null
  const placeIndex = (): PlaceIndex => (places ??= (options.loadPlaces ?? loadIngestPlaceIndex)())
  const placeRecord = (id: string): PlaceRecord | undefined => (placesById ??= new Map(placeIndex().records.map((record) => [record.id, record]))).get(id)

  function read(input: ReadStatementInput): IncidentDraft {
    const problem = statementTextProblem(input.text, maxStatementBytes)
    if (problem) throw new TansiqError(problem.code, problem.message)
    return readStatement(input.text, { published: input.published, file: input.fileName ?? 'api' }, placeIndex())
  }

  function resolvePlace(place: CorrectionPlace, field: string, index: number): DraftPlace {
    if ('name' in place) return place
    const record = placeRecord(place.placeId)
    if (!record) throw new TansiqError('validation-failed', `corrections.${field}[${index}]: unknown place id ${place.placeId}; give a gazetteer id (wof:… or curated:…) or a full place`)
    return {
      name: record.name, nameAr: record.nameAr, nameCkb: record.nameCkb, kind: record.kind, lat: record.lat, lon: record.lon,
      precision: record.precision, governorate: record.governorate, district: record.district, placeId: record.id, evidence: place.evidence,
    }
  }

  function resolveCorrections(corrections: DraftCorrections): ResolvedCorrections {
    const { places: placeList, eventPlaces, ...rest } = corrections
    return {
      ...rest,
      ...(placeList ? { places: placeList.map((place, index) => resolvePlace(place, 'places', index)) } : {}),
      ...(eventPlaces ? { eventPlaces: eventPlaces.map((place, index) => resolvePlace(place, 'eventPlaces', index)) } : {}),
    }
  }

  /** Locks a draft of the principal's organization that is still open to review (pending, current version, no acceptance running). */
  async function lockPending(transaction: Queryable, principal: Principal, id: string, version: number | undefined, verb: string, acceptance = false): Promise<store.DraftRow> {
    const row = await store.lockDraft(transaction, principal, id)
    if (!row) throw new TansiqError('not-found', `No incident draft ${id}`)
    if (row.status === 'accepted') throw new TansiqError('conflict', `The draft was already accepted as report ${row.report_id ?? '(since deleted)'}; it cannot be ${verb}ed`, { draftStatus: row.status, reportId: row.report_id })
    if (row.status === 'rejected') throw new TansiqError('conflict', `The draft was rejected; it cannot be ${verb}ed`, { draftStatus: row.status })
    if (version !== undefined && version !== row.version) throw new TansiqError('conflict', `The draft changed since version ${version} (now ${row.version}); reload and try again`)
    // An acceptance in progress owns the draft; only an accept may take over one that was interrupted.
    if (row.accept_request_id && !(acceptance && row.accept_claim_expired)) {
      throw new TansiqError('conflict', acceptance ? 'The draft is being accepted by another request right now' : 'The draft is being accepted; if that was interrupted, accept it again to finish')
    }
    return row
  }

  /** The report an interrupted acceptance already created, if it still exists. */
  async function interruptedReport(viewer: Viewer, requestId: string): Promise<Report | null> {
    const reportId = await store.reportCreatedByRequest(database, requestId)
    if (!reportId) return null
    try {
      return await reports.get(viewer, reportId)
    } catch (error) {
      if (error instanceof TansiqError && error.code === 'not-found') return null
      throw error
    }
  }

  async function detail(viewer: Viewer, id: string): Promise<DraftDetail> {
    const row = await store.findDraft(database, viewer, id)
    if (!row) throw new TansiqError('not-found', `No incident draft ${id}`)
    return toDetail(row)
  }

  return {
    /** Reads a statement into a draft without storing anything (same JSON as `tansiq ingest`). */
    read(principal: Principal, input: ReadStatementInput): IncidentDraft {
      requireRole(principal, ingestReaderRoles, 'read statements')
      return read(input)
    },

    /** Drafts of the viewer's organization, newest first. */
    async list(viewer: Viewer, filter: ListDraftsQuery): Promise<DraftSummary[]> {
      return (await store.listDrafts(database, viewer, filter)).map(toSummary)
    },

    /** One draft of the viewer's organization with its text, corrections and evidence spans; not-found for any other. */
    get: detail,

    /** Reads a statement and stores the draft for review by the principal's organization. */
    async create(principal: Principal, input: ReadStatementInput, requestId: string): Promise<DraftDetail> {
      requireRole(principal, ingestReaderRoles, 'submit statements')
      const machine = read(input)
      const draft = input.text.length > maxReportBodyLength
        ? { ...machine, warnings: [...machine.warnings, `the text is ${input.text.length} characters; a report holds at most ${maxReportBodyLength}, so this draft cannot be accepted as it is`] }
        : machine
      const id = randomUUID()
      await database.transaction(async (transaction) => {
        await store.insertDraft(transaction, {
          id, organizationId: principal.organizationId, authorUserId: principal.userId, authorUsername: principal.username,
          fileName: input.fileName ?? null, text: input.text, published: input.published, draft,
        })
        await appendAuditEntry(transaction, actorOf(principal, requestId), {
          action: 'incident-draft.created', objectType: 'incident-draft', objectId: id,
          change: { fileName: input.fileName ?? null, published: input.published, textLength: input.text.length, textSha256: createHash('sha256').update(input.text).digest('hex'), draft },
          visibleTo: [principal.organizationId],
        })
      })
      return detail(principal, id)
    },

    /** Applies an analyst's corrections to a pending draft of their organization. */
    async correct(principal: Principal, id: string, input: CorrectDraftInput, requestId: string): Promise<DraftDetail> {
      requireRole(principal, draftReviewerRoles, 'correct drafts')
      const corrections = resolveCorrections(input.corrections)
      await database.transaction(async (transaction) => {
        const row = await lockPending(transaction, principal, id, input.version, 'correct')
        const problems = evidenceProblems(corrections, (row.source_text ?? '').length)
        if (problems.length > 0) throw new TansiqError('validation-failed', problems.join('; '), { issues: problems.map((message) => ({ path: 'body/corrections', message })) })
        const corrected = incidentDraftSchema.safeParse(applyCorrections(row.corrected ?? row.draft, corrections))
        if (!corrected.success) throw new TansiqError('validation-failed', `The corrected draft is not a valid draft: ${corrected.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`)
        await store.updateCorrected(transaction, id, corrected.data)
        await appendAuditEntry(transaction, actorOf(principal, requestId), {
          action: 'incident-draft.corrected', objectType: 'incident-draft', objectId: id, change: { corrections, version: row.version + 1 }, visibleTo: [row.organization_id],
        })
      })
      return detail(principal, id)
    },

    /**
     * Accepts a pending draft: creates the report from the corrected draft, then links it. The
     * reports service commits its own transaction, so the draft is first claimed for this request
     * (a concurrent accept is refused), released if the report fails (the draft stays pending),
     * and a retry after a crash links the report the interrupted request created instead of
     * creating a second one.
     */
    async accept(principal: Principal, id: string, input: AcceptDraftInput, requestId: string): Promise<{ draft: DraftDetail; report: Report }> {
      requireRole(principal, draftReviewerRoles, 'accept drafts')
      const claim = await database.transaction(async (transaction) => {
        const row = await lockPending(transaction, principal, id, input.version, 'accept', true)
        const text = row.source_text ?? ''
        if (text.length > maxReportBodyLength) throw new TansiqError('unprocessable', `The statement is ${text.length} characters; a report body holds at most ${maxReportBodyLength}`)
        const built = reportInputOf(row.corrected ?? row.draft, text, input.report)
        if (!built.ok) throw new TansiqError('unprocessable', built.reason)
        const reportInput = createReportBodySchema.safeParse(built.input)
        if (!reportInput.success) {
          const issues = reportInput.error.issues.map((issue) => ({ path: ['report', ...issue.path].join('.'), message: issue.message }))
          throw new TansiqError('validation-failed', `The report cannot be created from this draft: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, { issues })
        }
        await store.claimAcceptance(transaction, id, requestId)
        return { reportInput: reportInput.data, interruptedRequestId: row.accept_request_id }
      })

      let report: Report
      try {
        report = (claim.interruptedRequestId ? await interruptedReport(principal, claim.interruptedRequestId) : null)
          ?? await reports.create(principal, claim.reportInput, requestId)
      } catch (error) {
        await store.releaseAcceptance(database, id, requestId)
        throw error
      }

      await database.transaction(async (transaction) => {
        const row = await store.lockDraft(transaction, principal, id)
        if (!row || row.status !== 'pending' || row.accept_request_id !== requestId) {
          throw new TansiqError('conflict', `The acceptance took too long and another request took the draft over; report ${report.id} was created, reload the draft`)
        }
        await store.markAccepted(transaction, id, report.id, principal)
        await appendAuditEntry(transaction, actorOf(principal, requestId), {
          action: 'incident-draft.accepted', objectType: 'incident-draft', objectId: id,
          change: { reportId: report.id, report: input.report, ...(claim.interruptedRequestId ? { resumedRequestId: claim.interruptedRequestId } : {}), version: row.version + 1 },
          visibleTo: [row.organization_id],
        })
      })
      return { draft: await detail(principal, id), report }
    },

    /** Rejects a pending draft of the principal's organization, with a reason. */
    async reject(principal: Principal, id: string, input: RejectDraftInput, requestId: string): Promise<DraftDetail> {
      requireRole(principal, draftReviewerRoles, 'reject drafts')
      await database.transaction(async (transaction) => {
        const row = await lockPending(transaction, principal, id, input.version, 'reject')
        await store.markRejected(transaction, id, input.reason, principal)
        await appendAuditEntry(transaction, actorOf(principal, requestId), {
          action: 'incident-draft.rejected', objectType: 'incident-draft', objectId: id, change: { reason: input.reason, version: row.version + 1 }, visibleTo: [row.organization_id],
        })
      })
      return detail(principal, id)
    },
  }
}
