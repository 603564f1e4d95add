/**
 * Areas of responsibility and joint security areas: create, read, change and delete, each change
 * audited in its transaction and published live after commit.
 */
import { randomUUID } from 'node:crypto'
import type { Database } from '../platform/database/database.ts'
import { actorOf, type Principal } from '../platform/auth/principal.ts'
import type { EventBus } from '../platform/event-bus.ts'
import { TansiqError } from '../platform/errors.ts'
import { assertValidGeometry } from '../platform/geometry/geometry-check.ts'
import { appendAuditEntry } from '../audit/audit-log.ts'
import type { PictureChange } from '../live/picture-change.ts'
import { applyReleaseChange, resolveRelease, type Viewer } from '../releasability/released-store.ts'
import type { Release } from '../releasability/release-schemas.ts'
import { decideReleaseChange } from '../releasability/core/release-rules.ts'
import { changedWindow } from './core/validity-window.ts'
import type { Area, CreateAreaInput, UpdateAreaInput } from './area-schemas.ts'
import * as store from './areas-store.ts'
import { requireEditor, requireMemberRoom, requireOwnUnit, requireValidWindow, roomIdsOf } from './shape-checks.ts'
import { lockShape, shapeOrganization } from './shape-store.ts'

export type AreasService = ReturnType<typeof createAreasService>

/** The change event of an area as its originator sees it: other organizations get it without the release details. */
export function areaChange(area: Area, previouslyReleasedTo?: readonly string[]): PictureChange {
  return {
    layer: 'areas',
    kind: 'upsert',
    id: area.id,
    releasedTo: area.release.releasedTo ?? [area.organizationId],
    ...(previouslyReleasedTo ? { previouslyReleasedTo } : {}),
    roomIds: roomIdsOf({ room_id: area.roomId, release_room_id: area.release.roomId ?? null }),
    bbox: area.bbox,
    data: { ...area, release: { scope: area.release.scope } },
    originator: { organizationId: area.organizationId, data: area },
  }
}

/** Builds the areas capability. */
export function createAreasService(options: { database: Database; bus: EventBus<PictureChange> }) {
  const { database, bus } = options

  /** Reads the area as its originator sees it and publishes it; null when it is gone meanwhile. */
  async function publish(id: string, previouslyReleasedTo?: readonly string[]): Promise<Area | null> {
    const organizationId = await shapeOrganization(database, 'areas', id)
    const area = organizationId ? await store.findArea(database, { organizationId }, id) : null
    if (area) bus.publish(areaChange(area, previouslyReleasedTo))
    return area
  }

  async function publishOwn(id: string, previouslyReleasedTo?: readonly string[]): Promise<Area> {
    const area = await publish(id, previouslyReleasedTo)
    if (!area) throw new TansiqError('not-found', `No area ${id}`)
    return area
  }

  return {
    /** Publishes an area again after its released set changed elsewhere (room membership). */
    republish: async (id: string, previouslyReleasedTo: readonly string[]): Promise<void> => {
      await publish(id, previouslyReleasedTo)
    },

    /** Areas released to the viewer that match the filter. */
    list: (viewer: Viewer, filter: store.AreaFilter & { limit: number }) => store.listAreas(database, viewer, filter),

    /** The areas of a room in force at a time, released to the viewer (all of them, no limit). */
    activeInRoom: (viewer: Viewer, roomId: string, at: Date, kind?: Area['kind']) => store.activeAreasOfRoom(database, viewer, roomId, at, kind),

    /** One area released to the viewer, or not-found (also when it exists but is not released). */
    async get(viewer: Viewer, id: string): Promise<Area> {
      const area = await store.findArea(database, viewer, id)
      if (!area) throw new TansiqError('not-found', `No area ${id}`)
      return area
    },

    /** Creates an area of the principal's organization. */
    async create(principal: Principal, input: CreateAreaInput, requestId: string): Promise<Area> {
      requireEditor(principal)
      const validFrom = input.validFrom ? new Date(input.validFrom) : new Date()
      const validTo = input.validTo ? new Date(input.validTo) : null
      requireValidWindow({ from: validFrom, to: validTo })
      await assertValidGeometry(database, input.geometry, 'area')
      await requireMemberRoom(database, principal, input.roomId)
      await requireOwnUnit(database, principal, input.unitId)
      const id = randomUUID()
      await database.transaction(async (transaction) => {
        const release = await resolveRelease(transaction, principal.organizationId, input.release)
        const decision = decideReleaseChange(principal, principal.organizationId, [principal.organizationId], release.released_to)
        if (!decision.allowed) throw new TansiqError('forbidden', decision.reason)
        await store.insertArea(transaction, { ...input, id, organizationId: principal.organizationId, validFrom, validTo }, release)
        await appendAuditEntry(transaction, actorOf(principal, requestId), {
          action: 'area.created', objectType: 'area', objectId: id, change: { ...input, validFrom: validFrom.toISOString() }, visibleTo: release.released_to,
        })
      })
      return publishOwn(id)
    },

    /** Changes an area of the principal's organization. */
    async update(principal: Principal, id: string, input: UpdateAreaInput, requestId: string): Promise<Area> {
      requireEditor(principal)
      if (input.geometry) await assertValidGeometry(database, input.geometry, 'area')
      await requireMemberRoom(database, principal, input.roomId)
      await requireOwnUnit(database, principal, input.unitId)
      const validFrom = input.validFrom === undefined ? undefined : new Date(input.validFrom)
      const validTo = input.validTo === undefined ? undefined : input.validTo === null ? null : new Date(input.validTo)
      await database.transaction(async (transaction) => {
        const row = await lockShape(transaction, 'areas', id)
        if (!row || !row.released_to.includes(principal.organizationId)) throw new TansiqError('not-found', `No area ${id}`)
        if (row.organization_id !== principal.organizationId) throw new TansiqError('forbidden', 'Only the area\'s own organization may change it')
        if (input.version !== undefined && input.version !== row.version) throw new TansiqError('conflict', `The area changed since version ${input.version} (now ${row.version}); reload and try again`)
        const stored = { from: new Date(row.valid_from), to: row.valid_to === null ? null : new Date(row.valid_to) }
        requireValidWindow(changedWindow(stored, { from: validFrom, to: validTo }))
        await store.updateAreaRow(transaction, id, { ...input, validFrom, validTo })
        await appendAuditEntry(transaction, actorOf(principal, requestId), { action: 'area.updated', objectType: 'area', objectId: id, change: input, visibleTo: row.released_to })
      })
      return publishOwn(id)
    },

    /** Deletes an area of the principal's organization; those who saw it are told it is gone. */
    async remove(principal: Principal, id: string, requestId: string): Promise<void> {
      requireEditor(principal)
      const removed = await database.transaction(async (transaction) => {
        const row = await lockShape(transaction, 'areas', id)
        if (!row || !row.released_to.includes(principal.organizationId)) throw new TansiqError('not-found', `No area ${id}`)
        if (row.organization_id !== principal.organizationId) throw new TansiqError('forbidden', 'Only the area\'s own organization may delete it')
        await store.deleteAreaRow(transaction, id)
        await appendAuditEntry(transaction, actorOf(principal, requestId), { action: 'area.deleted', objectType: 'area', objectId: id, change: {}, visibleTo: row.released_to })
        return row
      })
      bus.publish({ layer: 'areas', kind: 'delete', id, releasedTo: [], previouslyReleasedTo: removed.released_to, roomIds: roomIdsOf(removed), bbox: removed.bbox, data: { id } })
    },

    /** Changes to whom an area is released (widening needs the originator's commander). */
    async changeRelease(principal: Principal, id: string, release: Release, requestId: string): Promise<Area> {
      const { before, after } = await database.transaction(async (transaction) => {
        const change = await applyReleaseChange(transaction, 'area', id, release, principal)
        await appendAuditEntry(transaction, actorOf(principal, requestId), {
          action: 'area.release-changed', objectType: 'area', objectId: id, change: { release, before: change.before, after: change.after }, visibleTo: [...new Set([...change.before, ...change.after])],
        })
        return change
      })
      return publishOwn(id, before.some((organization) => !after.includes(organization)) ? before : undefined)
    },
  }
}
