/** Coordination lines: create, read, change and delete, each change audited in its transaction and published live after commit. */
import { randomUUID } from 'node:crypto'
import type { Database } from '../platform/database/database.ts'
import { actorOf, type Principal } from '../platform/auth/principal.ts'
import type { EventBus } from '../platform/event-bus.ts'
import { TansiqError } from '../platform/errors.ts'
import type { LineStringGeometry } from '../platform/geometry/geojson.ts'
import { assertValidGeometry } from '../platform/geometry/geometry-check.ts'
import { appendAuditEntry } from '../audit/audit-log.ts'
import type { PictureChange } from '../live/picture-change.ts'
import { applyReleaseChange, resolveRelease, type Viewer } from '../releasability/released-store.ts'
import type { Release } from '../releasability/release-schemas.ts'
import { decideReleaseChange } from '../releasability/core/release-rules.ts'
import { lineProblem } from './core/line-rules.ts'
import { changedWindow } from './core/validity-window.ts'
import type { CoordinationLine, CreateCoordinationLineInput, UpdateCoordinationLineInput } from './coordination-line-schemas.ts'
import * as store from './coordination-lines-store.ts'
import { requireEditor, requireMemberRoom, requireValidWindow, roomIdsOf } from './shape-checks.ts'
import type { ShapeFilter } from './shape-store.ts'
import { lockShape, shapeOrganization } from './shape-store.ts'

export type CoordinationLinesService = ReturnType<typeof createCoordinationLinesService>

/** The change event of a line as its originator sees it: other organizations get it without the release details. */
export function coordinationLineChange(line: CoordinationLine, previouslyReleasedTo?: readonly string[]): PictureChange {
  return {
    layer: 'coordination-lines',
    kind: 'upsert',
    id: line.id,
    releasedTo: line.release.releasedTo ?? [line.organizationId],
    ...(previouslyReleasedTo ? { previouslyReleasedTo } : {}),
    roomIds: roomIdsOf({ room_id: line.roomId, release_room_id: line.release.roomId ?? null }),
    bbox: line.bbox,
    data: { ...line, release: { scope: line.release.scope } },
    originator: { organizationId: line.organizationId, data: line },
  }
}

/** Refuses a line PostGIS would accept but that draws nothing, then asks PostGIS. */
async function requireValidLine(database: Database, geometry: LineStringGeometry): Promise<void> {
  const problem = lineProblem(geometry.coordinates)
  if (problem) throw new TansiqError('invalid-geometry', `The coordination line is not valid: ${problem}`)
  await assertValidGeometry(database, geometry, 'coordination line')
}

/** Builds the coordination-lines capability. */
export function createCoordinationLinesService(options: { database: Database; bus: EventBus<PictureChange> }) {
  const { database, bus } = options

  /** Reads the line as its originator sees it and publishes it; null when it is gone meanwhile. */
  async function publish(id: string, previouslyReleasedTo?: readonly string[]): Promise<CoordinationLine | null> {
    const organizationId = await shapeOrganization(database, 'coordination_lines', id)
    const line = organizationId ? await store.findCoordinationLine(database, { organizationId }, id) : null
    if (line) bus.publish(coordinationLineChange(line, previouslyReleasedTo))
    return line
  }

  async function publishOwn(id: string, previouslyReleasedTo?: readonly string[]): Promise<CoordinationLine> {
    const line = await publish(id, previouslyReleasedTo)
    if (!line) throw new TansiqError('not-found', `No coordination line ${id}`)
    return line
  }

  return {
    /** Publishes a line again after its released set changed elsewhere (room membership). */
    republish: async (id: string, previouslyReleasedTo: readonly string[]): Promise<void> => {
      await publish(id, previouslyReleasedTo)
    },

    /** Coordination lines released to the viewer that match the filter. */
    list: (viewer: Viewer, filter: ShapeFilter & { limit: number }) => store.listCoordinationLines(database, viewer, filter),

    /** One line released to the viewer, or not-found (also when it exists but is not released). */
    async get(viewer: Viewer, id: string): Promise<CoordinationLine> {
      const line = await store.findCoordinationLine(database, viewer, id)
      if (!line) throw new TansiqError('not-found', `No coordination line ${id}`)
      return line
    },

    /** Creates a coordination line of the principal's organization. */
    async create(principal: Principal, input: CreateCoordinationLineInput, requestId: string): Promise<CoordinationLine> {
      requireEditor(principal)
      const validFrom = input.validFrom ? new Date(input.validFrom) : new Date()
      const validTo = input.validTo ? new Date(input.validTo) : null
      requireValidWindow({ from: validFrom, to: validTo })
      await requireValidLine(database, input.geometry)
      await requireMemberRoom(database, principal, input.roomId)
      const id = randomUUID()
      await database.transaction(async (transaction) => {
        const release = await resolveRelease(transaction, principal.organizationId, input.release)
        const decision = decideReleaseChange(principal, principal.organizationId, [principal.organizationId], release.released_to)
        if (!decision.allowed) throw new TansiqError('forbidden', decision.reason)
        await store.insertCoordinationLine(transaction, { ...input, id, organizationId: principal.organizationId, validFrom, validTo }, release)
        await appendAuditEntry(transaction, actorOf(principal, requestId), {
          action: 'coordination-line.created', objectType: 'coordination-line', objectId: id, change: { ...input, validFrom: validFrom.toISOString() }, visibleTo: release.released_to,
        })
      })
      return publishOwn(id)
    },

    /** Changes a coordination line of the principal's organization. */
    async update(principal: Principal, id: string, input: UpdateCoordinationLineInput, requestId: string): Promise<CoordinationLine> {
      requireEditor(principal)
      if (input.geometry) await requireValidLine(database, input.geometry)
      await requireMemberRoom(database, principal, input.roomId)
      const validFrom = input.validFrom === undefined ? undefined : new Date(input.validFrom)
      const validTo = input.validTo === undefined ? undefined : input.validTo === null ? null : new Date(input.validTo)
      await database.transaction(async (transaction) => {
        const row = await lockShape(transaction, 'coordination_lines', id)
        if (!row || !row.released_to.includes(principal.organizationId)) throw new TansiqError('not-found', `No coordination line ${id}`)
        if (row.organization_id !== principal.organizationId) throw new TansiqError('forbidden', 'Only the line\'s own organization may change it')
        if (input.version !== undefined && input.version !== row.version) throw new TansiqError('conflict', `The coordination line changed since version ${input.version} (now ${row.version}); reload and try again`)
        const stored = { from: new Date(row.valid_from), to: row.valid_to === null ? null : new Date(row.valid_to) }
        requireValidWindow(changedWindow(stored, { from: validFrom, to: validTo }))
        await store.updateCoordinationLineRow(transaction, id, { ...input, validFrom, validTo })
        await appendAuditEntry(transaction, actorOf(principal, requestId), { action: 'coordination-line.updated', objectType: 'coordination-line', objectId: id, change: input, visibleTo: row.released_to })
      })
      return publishOwn(id)
    },

    /** Deletes a coordination line of the principal's organization; those who saw it are told it is gone. */
    async remove(principal: Principal, id: string, requestId: string): Promise<void> {
      requireEditor(principal)
      const removed = await database.transaction(async (transaction) => {
        const row = await lockShape(transaction, 'coordination_lines', id)
        if (!row || !row.released_to.includes(principal.organizationId)) throw new TansiqError('not-found', `No coordination line ${id}`)
        if (row.organization_id !== principal.organizationId) throw new TansiqError('forbidden', 'Only the line\'s own organization may delete it')
        await store.deleteCoordinationLineRow(transaction, id)
        await appendAuditEntry(transaction, actorOf(principal, requestId), { action: 'coordination-line.deleted', objectType: 'coordination-line', objectId: id, change: {}, visibleTo: row.released_to })
        return row
      })
      bus.publish({ layer: 'coordination-lines', kind: 'delete', id, releasedTo: [], previouslyReleasedTo: removed.released_to, roomIds: roomIdsOf(removed), bbox: removed.bbox, data: { id } })
    },

    /** Changes to whom a line is released (widening needs the originator's commander). */
    async changeRelease(principal: Principal, id: string, release: Release, requestId: string): Promise<CoordinationLine> {
      const { before, after } = await database.transaction(async (transaction) => {
        const change = await applyReleaseChange(transaction, 'coordination-line', id, release, principal)
        await appendAuditEntry(transaction, actorOf(principal, requestId), {
          action: 'coordination-line.release-changed', objectType: 'coordination-line', objectId: id, change: { release, before: change.before, after: change.after }, visibleTo: [...new Set([...change.before, ...change.after])],
        })
        return change
      })
      return publishOwn(id, before.some((organization) => !after.includes(organization)) ? before : undefined)
    },
  }
}
