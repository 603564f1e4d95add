/** Units: create, read, change and delete, each change audited and published live after commit. */
import { randomUUID } from 'node:crypto'
import type { Database } from '../platform/database/database.ts'
import { actorOf, pictureEditorRoles, type Principal } from '../platform/auth/principal.ts'
import type { EventBus } from '../platform/event-bus.ts'
import { TansiqError } from '../platform/errors.ts'
import type { BoundingBox } from '../platform/geometry/geojson.ts'
import { appendAuditEntry } from '../audit/audit-log.ts'
import type { PictureChange } from '../live/picture-change.ts'
import { applyReleaseChange, resolveRelease, type Viewer } from '../releasability/released-store.ts'
import type { Release } from '../releasability/release-schemas.ts'
import { decideReleaseChange } from '../releasability/core/release-rules.ts'
import type { CreateUnitInput, Unit, UpdateUnitInput } from './unit-schemas.ts'
import * as store from './units-store.ts'

export type UnitsService = ReturnType<typeof createUnitsService>

/** The change event of a unit: the originator's view and everyone else's. */
export function unitChange(unit: Unit, releasedTo: readonly string[], previouslyReleasedTo?: readonly string[]): PictureChange {
  const position = unit.position
  return {
    layer: 'units',
    kind: 'upsert',
    id: unit.id,
    releasedTo,
    ...(previouslyReleasedTo ? { previouslyReleasedTo } : {}),
    // The unit belongs to its home room and to the room it is released to (as the room filter of lists does).
    roomIds: [...new Set([unit.homeRoomId, unit.release.roomId].filter((room): room is string => typeof room === 'string'))],
    bbox: position ? [position.lon, position.lat, position.lon, position.lat] : null,
    data: { ...unit, release: { scope: unit.release.scope } },
    originator: { organizationId: unit.organizationId, data: unit },
  }
}

function requireEditor(principal: Principal): void {
  if (!pictureEditorRoles.includes(principal.role)) throw new TansiqError('forbidden', `Your role (${principal.role}) cannot edit the picture`)
}

/** Builds the units capability. */
export function createUnitsService(options: { database: Database; bus: EventBus<PictureChange> }) {
  const { database, bus } = options

  async function checkReferences(principal: Principal, input: { parentUnitId?: string | null | undefined; homeRoomId?: string | null | undefined }, unitId?: string): Promise<void> {
    if (input.homeRoomId && !(await store.roomExists(database, input.homeRoomId))) throw new TansiqError('unprocessable', `Unknown room ${input.homeRoomId}`)
    if (input.parentUnitId) {
      const parent = await store.findUnit(database, principal, input.parentUnitId)
      if (!parent) throw new TansiqError('unprocessable', `Unknown parent unit ${input.parentUnitId}`)
      if (parent.organizationId !== principal.organizationId) throw new TansiqError('unprocessable', 'A parent unit must belong to your own organization')
      if (unitId && (await store.wouldCreateCycle(database, unitId, input.parentUnitId))) throw new TansiqError('unprocessable', 'That parent would make the unit its own ancestor')
    }
  }

  async function publish(id: string, previouslyReleasedTo?: readonly string[]): Promise<Unit> {
    const [owner] = await database.query<{ organization_id: string; released_to: string[] }>('select organization_id, released_to from units where id = $1', [id])
    const unit = await store.findUnit(database, { organizationId: owner!.organization_id }, id)
    bus.publish(unitChange(unit!, owner!.released_to, previouslyReleasedTo))
    return unit!
  }

  return {
    /** Publishes a unit again after its released set changed elsewhere (room membership). */
    republish: async (id: string, previouslyReleasedTo: readonly string[]): Promise<void> => {
      await publish(id, previouslyReleasedTo)
    },

    /** Units released to the viewer. */
    list: (viewer: Viewer, filter: { roomId?: string | undefined; bbox?: BoundingBox | undefined; limit: number }) => store.listUnits(database, viewer, filter),

    /** One unit released to the viewer, or not-found (also when it exists but is not released). */
    async get(viewer: Viewer, id: string): Promise<Unit> {
      const unit = await store.findUnit(database, viewer, id)
      if (!unit) throw new TansiqError('not-found', `No unit ${id}`)
      return unit
    },

    /** Creates a unit of the principal's organization. */
    async create(principal: Principal, input: CreateUnitInput, requestId: string): Promise<Unit> {
      requireEditor(principal)
      await checkReferences(principal, input)
      const id = randomUUID()
      await database.transaction(async (transaction) => {
        const release = await resolveRelease(transaction, principal.organizationId, input.release)
        const decision = decideReleaseChange(principal, principal.organizationId, [principal.organizationId], release.released_to)
        if (!decision.allowed) throw new TansiqError('forbidden', decision.reason)
        await store.insertUnit(transaction, { id, organizationId: principal.organizationId, ...input }, release)
        await appendAuditEntry(transaction, actorOf(principal, requestId), { action: 'unit.created', objectType: 'unit', objectId: id, change: input, visibleTo: release.released_to })
      })
      return publish(id)
    },

    /** Changes a unit of the principal's organization. */
    async update(principal: Principal, id: string, input: UpdateUnitInput, requestId: string): Promise<Unit> {
      requireEditor(principal)
      await checkReferences(principal, input, id)
      await database.transaction(async (transaction) => {
        const row = await store.lockUnit(transaction, id)
        if (!row || !row.released_to.includes(principal.organizationId)) throw new TansiqError('not-found', `No unit ${id}`)
        if (row.organization_id !== principal.organizationId) throw new TansiqError('forbidden', 'Only the unit\'s own organization may change it')
        if (input.version !== undefined && input.version !== row.version) throw new TansiqError('conflict', `The unit changed since version ${input.version} (now ${row.version}); reload and try again`)
        await store.updateUnitRow(transaction, id, input)
        await appendAuditEntry(transaction, actorOf(principal, requestId), { action: 'unit.updated', objectType: 'unit', objectId: id, change: input, visibleTo: row.released_to })
      })
      return publish(id)
    },

    /** Deletes a unit of the principal's organization. */
    async remove(principal: Principal, id: string, requestId: string): Promise<void> {
      requireEditor(principal)
      const released = await database.transaction(async (transaction) => {
        const row = await store.lockUnit(transaction, id)
        if (!row || !row.released_to.includes(principal.organizationId)) throw new TansiqError('not-found', `No unit ${id}`)
        if (row.organization_id !== principal.organizationId) throw new TansiqError('forbidden', 'Only the unit\'s own organization may delete it')
        await store.deleteUnitRow(transaction, id)
        await appendAuditEntry(transaction, actorOf(principal, requestId), { action: 'unit.deleted', objectType: 'unit', objectId: id, change: {}, visibleTo: row.released_to })
        return row
      })
      bus.publish({ layer: 'units', kind: 'delete', id, releasedTo: [], previouslyReleasedTo: released.released_to, roomIds: released.home_room_id ? [released.home_room_id] : [], bbox: null, data: { id } })
    },

    /** Changes to whom a unit is released (widening needs the originator's commander). */
    async changeRelease(principal: Principal, id: string, release: Release, requestId: string): Promise<Unit> {
      const { before, after } = await database.transaction(async (transaction) => {
        const change = await applyReleaseChange(transaction, 'unit', id, release, principal)
        await appendAuditEntry(transaction, actorOf(principal, requestId), { action: 'unit.release-changed', objectType: 'unit', objectId: id, change: { release, before: change.before, after: change.after }, visibleTo: [...new Set([...change.before, ...change.after])] })
        return change
      })
      return publish(id, before.filter((organization) => !after.includes(organization)).length > 0 ? before : undefined)
    },
  }
}
