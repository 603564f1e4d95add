/**
 * Reports (incident, SIGACT, intelligence) and their attachments: create, read, change and
 * delete, each change audited and published live after commit. Analysts write reports too.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { Database, Queryable } from '../platform/database/database.ts'
import { actorOf, type Principal } from '../platform/auth/principal.ts'
import { reportEditorRoles } from '../platform/auth/roles.ts'
import type { EventBus } from '../platform/event-bus.ts'
import { TansiqError } from '../platform/errors.ts'
import type { LocationGeometry } from '../platform/geometry/geojson.ts'
import { assertValidGeometry } from '../platform/geometry/geometry-check.ts'
import { appendAuditEntry } from '../audit/audit-log.ts'
import { detectLanguage } from '../language/language-detector.ts'
import type { PictureChange } from '../live/picture-change.ts'
import { applyReleaseChange, resolveRelease, type Viewer } from '../releasability/released-store.ts'
import type { Release } from '../releasability/release-schemas.ts'
import { decideReleaseChange } from '../releasability/core/release-rules.ts'
import { acceptedAttachmentType, checkAttachmentContent, checkFileName, defaultFileName, maxAttachmentsPerReport } from './core/attachment-content.ts'
import type { Attachment, CreateReportInput, Report, UpdateReportInput } from './report-schemas.ts'
import * as store from './reports-store.ts'

export type ReportsService = ReturnType<typeof createReportsService>

/** The change event of a report: the originator's view, and everyone else's (release details hidden, only units all recipients may see). */
export function reportChange(report: Report, routing: NonNullable<Awaited<ReturnType<typeof store.reportRouting>>>, previouslyReleasedTo?: readonly string[]): PictureChange {
  return {
    layer: 'reports',
    kind: 'upsert',
    id: report.id,
    releasedTo: routing.releasedTo,
    ...(previouslyReleasedTo ? { previouslyReleasedTo } : {}),
    roomIds: routing.roomIds,
    bbox: routing.bbox,
    data: { ...report, release: { scope: report.release.scope }, unitIds: routing.sharedUnitIds },
    originator: { organizationId: report.organizationId, data: report },
  }
}

function requireEditor(principal: Principal): void {
  if (!reportEditorRoles.includes(principal.role)) throw new TansiqError('forbidden', `Your role (${principal.role}) cannot write reports`)
}

/** The language of a report's text, when its author did not say. */
function guessLanguage(title: string, body: string): Report['language'] {
  return detectLanguage(`${title}\n${body}`)
}

/** Builds the reports capability. */
export function createReportsService(options: { database: Database; bus: EventBus<PictureChange> }) {
  const { database, bus } = options

  // Checked in the writing transaction, so a unit cannot stop being released to the author in between.
  async function checkReferences(transaction: Queryable, principal: Principal, input: { roomId?: string | null | undefined; unitIds?: string[] | undefined }): Promise<void> {
    if (input.roomId && !(await store.isRoomMember(transaction, input.roomId, principal.organizationId))) {
      throw new TansiqError('unprocessable', `Unknown room ${input.roomId}, or your organization is not a member of it`)
    }
    if (input.unitIds && input.unitIds.length > 0) {
      const visible = await store.releasedUnitIds(transaction, principal, input.unitIds)
      const missing = input.unitIds.filter((id) => !visible.includes(id))
      if (missing.length > 0) throw new TansiqError('unprocessable', `Unknown unit(s), or not released to your organization: ${missing.join(', ')}`, { unitIds: missing })
    }
  }

  async function checkLocation(location: LocationGeometry | null | undefined): Promise<void> {
    if (location) await assertValidGeometry(database, location, 'location')
  }

  function findOwn(row: Awaited<ReturnType<typeof store.lockReport>>, principal: Principal, id: string, verb: string): NonNullable<typeof row> {
    if (!row || !row.released_to.includes(principal.organizationId)) throw new TansiqError('not-found', `No report ${id}`)
    if (row.organization_id !== principal.organizationId) throw new TansiqError('forbidden', `Only the report's own organization may ${verb} it`)
    return row
  }

  async function publish(id: string, previouslyReleasedTo?: readonly string[]): Promise<Report> {
    const routing = await store.reportRouting(database, id)
    const report = await store.findReport(database, { organizationId: routing!.organizationId }, id)
    bus.publish(reportChange(report!, routing!, previouslyReleasedTo))
    return report!
  }

  return {
    /** Publishes a report again after its released set changed elsewhere (room membership). */
    republish: async (id: string, previouslyReleasedTo: readonly string[]): Promise<void> => {
      await publish(id, previouslyReleasedTo)
    },

    /** Reports released to the viewer, newest first. */
    list: (viewer: Viewer, filter: store.ReportFilter) => store.listReports(database, viewer, filter),

    /** One report released to the viewer, or not-found (also when it exists but is not released). */
    async get(viewer: Viewer, id: string): Promise<Report> {
      const report = await store.findReport(database, viewer, id)
      if (!report) throw new TansiqError('not-found', `No report ${id}`)
      return report
    },

    /** Creates a report of the principal's organization. */
    async create(principal: Principal, input: CreateReportInput, requestId: string): Promise<Report> {
      requireEditor(principal)
      await checkLocation(input.location)
      const id = randomUUID()
      const language = input.language ?? guessLanguage(input.title, input.body)
      await database.transaction(async (transaction) => {
        await checkReferences(transaction, principal, input)
        const release = await resolveRelease(transaction, principal.organizationId, input.release)
        const decision = decideReleaseChange(principal, principal.organizationId, [principal.organizationId], release.released_to)
        if (!decision.allowed) throw new TansiqError('forbidden', decision.reason)
        await store.insertReport(transaction, { ...input, id, organizationId: principal.organizationId, language }, release)
        await appendAuditEntry(transaction, actorOf(principal, requestId), { action: 'report.created', objectType: 'report', objectId: id, change: { ...input, language }, visibleTo: release.released_to })
      })
      return publish(id)
    },

    /** Changes a report of the principal's organization; a changed text is read again for its language unless one is given. */
    async update(principal: Principal, id: string, input: UpdateReportInput, requestId: string): Promise<Report> {
      requireEditor(principal)
      await checkLocation(input.location)
      await database.transaction(async (transaction) => {
        const row = findOwn(await store.lockReport(transaction, id), principal, id, 'change')
        if (input.version !== undefined && input.version !== row.version) throw new TansiqError('conflict', `The report changed since version ${input.version} (now ${row.version}); reload and try again`)
        await checkReferences(transaction, principal, input)
        const { version: _version, ...fields } = input
        const textChanged = fields.title !== undefined || fields.body !== undefined
        const language = fields.language ?? (textChanged ? guessLanguage(fields.title ?? row.title, fields.body ?? row.body) : undefined)
        const changes = { ...fields, ...(language ? { language } : {}) }
        await store.updateReportRow(transaction, id, changes)
        await appendAuditEntry(transaction, actorOf(principal, requestId), { action: 'report.updated', objectType: 'report', objectId: id, change: changes, visibleTo: row.released_to })
      })
      return publish(id)
    },

    /** Deletes a report of the principal's organization, with its attachments. */
    async remove(principal: Principal, id: string, requestId: string): Promise<void> {
      requireEditor(principal)
      const removed = await database.transaction(async (transaction) => {
        const row = findOwn(await store.lockReport(transaction, id), principal, id, 'delete')
        await store.deleteReportRow(transaction, id)
        await appendAuditEntry(transaction, actorOf(principal, requestId), { action: 'report.deleted', objectType: 'report', objectId: id, change: {}, visibleTo: row.released_to })
        return row
      })
      const roomIds = [...new Set([removed.room_id, removed.release_room_id].filter((room): room is string => room !== null))]
      bus.publish({ layer: 'reports', kind: 'delete', id, releasedTo: [], previouslyReleasedTo: removed.released_to, roomIds, bbox: null, data: { id } })
    },

    /** Changes to whom a report is released (widening needs the originator's commander). */
    async changeRelease(principal: Principal, id: string, release: Release, requestId: string): Promise<Report> {
      const { before, after } = await database.transaction(async (transaction) => {
        const change = await applyReleaseChange(transaction, 'report', id, release, principal)
        await appendAuditEntry(transaction, actorOf(principal, requestId), { action: 'report.release-changed', objectType: 'report', objectId: id, change: { release, before: change.before, after: change.after }, visibleTo: [...new Set([...change.before, ...change.after])] })
        return change
      })
      return publish(id, before.some((organization) => !after.includes(organization)) ? before : undefined)
    },

    /** The attachments of a report released to the viewer. */
    async listAttachments(viewer: Viewer, reportId: string): Promise<Attachment[]> {
      await this.get(viewer, reportId)
      return store.listAttachments(database, viewer, reportId)
    },

    /** One attachment with its content, if its report is released to the viewer. */
    async getAttachment(viewer: Viewer, reportId: string, attachmentId: string): Promise<Attachment & { content: Buffer }> {
      const attachment = await store.findAttachmentContent(database, viewer, reportId, attachmentId)
      if (!attachment) throw new TansiqError('not-found', `No attachment ${attachmentId} of report ${reportId}`)
      return attachment
    },

    /**
     * Adds a file to a report of the principal's organization, after checking that its content
     * really is its declared type (magic bytes); stores its SHA-256 and audits the addition.
     */
    async addAttachment(principal: Principal, reportId: string, file: { declaredType: string | undefined; fileName: string | undefined; content: Buffer }, requestId: string): Promise<Attachment> {
      requireEditor(principal)
      const declared = acceptedAttachmentType(file.declaredType)
      if (!declared.ok) throw new TansiqError('unsupported-media-type', declared.reason)
      const content = checkAttachmentContent(declared.value, file.content)
      if (!content.ok) {
        const code = content.problem === 'too-large' ? 'payload-too-large' : content.problem === 'empty' ? 'validation-failed' : 'unsupported-media-type'
        throw new TansiqError(code, content.reason)
      }
      const name = checkFileName(file.fileName ?? defaultFileName(content.value))
      if (!name.ok) throw new TansiqError('validation-failed', name.reason)
      const attachment = {
        id: randomUUID(), reportId, fileName: name.value, contentType: content.value,
        sha256: createHash('sha256').update(file.content).digest('hex'), content: file.content,
      }
      const stored = await database.transaction(async (transaction) => {
        const row = findOwn(await store.lockReport(transaction, reportId), principal, reportId, 'attach files to')
        const count = await store.countAttachments(transaction, reportId)
        if (count >= maxAttachmentsPerReport) {
          throw new TansiqError('payload-too-large', `The report already has ${count} attachments; at most ${maxAttachmentsPerReport} are accepted per report`, { limit: 'attachments-per-report' })
        }
        const added = await store.insertAttachment(transaction, attachment)
        await store.touchReport(transaction, reportId)
        await appendAuditEntry(transaction, actorOf(principal, requestId), {
          action: 'report.attachment-added', objectType: 'report', objectId: reportId, change: added, visibleTo: row.released_to,
        })
        return added
      })
      await publish(reportId)
      return stored
    },
  }
}
