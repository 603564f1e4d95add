/**
 * What areas and coordination lines do alike: read, create, change, delete and re-release a shape,
 * each change audited in its transaction and published live after commit. Each capability names
 * its table, layer and words, and its own checks of geometry and references (`ShapeKind`).
 */
import { randomUUID } from 'node:crypto'
import type { Database, Queryable } from '../platform/database/database.ts'
import { actorOf, type Principal } from '../platform/auth/principal.ts'
import type { EventBus } from '../platform/event-bus.ts'
import { TansiqError } from '../platform/errors.ts'
import type { BoundingBox } from '../platform/geometry/geojson.ts'
import { appendAuditEntry } from '../audit/audit-log.ts'
import type { PictureChange } from '../live/picture-change.ts'
import { applyReleaseChange, resolveRelease, type ReleaseColumns, type Viewer } from '../releasability/released-store.ts'
import type { Release, ReleaseView } from '../releasability/release-schemas.ts'
import { decideReleaseChange } from '../releasability/core/release-rules.ts'
import { changedWindow } from './core/validity-window.ts'
import { requireEditor, requireMemberRoom, requireValidWindow, roomIdsOf } from './shape-checks.ts'
import { lockShape, shapeOrganization, type ShapeTable } from './shape-store.ts'

/** A shape as the API gives it: what publishing and the checks read of it. */
export interface StoredShape {
  id: string
  organizationId: string
  roomId: string | null
  bbox: BoundingBox
  release: ReleaseView
}

/** What every create and update input has (times as ISO strings; the update's fields optional). */
interface ShapeInput {
  roomId?: string | null | undefined
  validFrom?: string | undefined
  validTo?: string | null | undefined
}

/** The fields a shape is stored with, as the store's insert takes them. */
type NewShapeFields<Create> = Create & { id: string; organizationId: string; validFrom: Date; validTo: Date | null }
/** The fields an update changes, as the store's update takes them. */
type ShapeChangeFields<Update> = Update & { validFrom: Date | undefined; validTo: Date | null | undefined }

/** One kind of shape: where it is stored and published, how it is named, and what it checks before writing. */
export interface ShapeKind<Shape extends StoredShape, Geometry, Create extends ShapeInput, Update extends ShapeInput> {
  table: ShapeTable
  layer: 'areas' | 'coordination-lines'
  /** The audit's object type, the prefix of its actions ('area.created') and the releasable type. */
  objectType: 'area' | 'coordination-line'
  /** The shape in messages: 'area', 'coordination line'. */
  noun: string
  find(database: Queryable, viewer: Viewer, id: string): Promise<Shape | null>
  insert(transaction: Queryable, shape: NewShapeFields<Create>, release: Omit<ReleaseColumns, 'organization_id'>): Promise<void>
  update(transaction: Queryable, id: string, changes: ShapeChangeFields<Update>): Promise<void>
  delete(transaction: Queryable, id: string): Promise<void>
  /** Refuses a geometry this kind cannot store (before any transaction). */
  checkGeometry(database: Database, geometry: Geometry): Promise<void>
  /** Refuses what an input refers to beyond its room, when this kind refers to more (an area's unit). */
  checkReferences?(database: Database, principal: Principal, input: Create | Update): Promise<void>
}

/** The change event of a shape as its originator sees it: other organizations get it without the release details. */
function shapeChange(layer: 'areas' | 'coordination-lines', shape: StoredShape, previouslyReleasedTo?: readonly string[]): PictureChange {
  return {
    layer,
    kind: 'upsert',
    id: shape.id,
    releasedTo: shape.release.releasedTo ?? [shape.organizationId],
    ...(previouslyReleasedTo ? { previouslyReleasedTo } : {}),
    roomIds: roomIdsOf({ room_id: shape.roomId, release_room_id: shape.release.roomId ?? null }),
    bbox: shape.bbox,
    data: { ...shape, release: { scope: shape.release.scope } },
    originator: { organizationId: shape.organizationId, data: shape },
  }
}

/** The reads and writes of one kind of shape. */
export function createShapeService<
  Shape extends StoredShape,
  Geometry,
  Create extends ShapeInput & { geometry: Geometry; release: Release },
  Update extends ShapeInput & { geometry?: Geometry | undefined; version?: number | undefined },
>(
  kind: ShapeKind<Shape, Geometry, Create, Update>,
  options: { database: Database; bus: EventBus<PictureChange> },
) {
  const { database, bus } = options
  const notFound = (id: string) => new TansiqError('not-found', `No ${kind.noun} ${id}`)

  /** Reads the shape as its originator sees it and publishes it; null when it is gone meanwhile. */
  async function publish(id: string, previouslyReleasedTo?: readonly string[]): Promise<Shape | null> {
    const organizationId = await shapeOrganization(database, kind.table, id)
    const shape = organizationId ? await kind.find(database, { organizationId }, id) : null
    if (shape) bus.publish(shapeChange(kind.layer, shape, previouslyReleasedTo))
    return shape
  }

  async function publishOwn(id: string, previouslyReleasedTo?: readonly string[]): Promise<Shape> {
    const shape = await publish(id, previouslyReleasedTo)
    if (!shape) throw notFound(id)
    return shape
  }

  /** The stored shape locked for the transaction, when the principal's organization may write it. */
  async function lockOwn(transaction: Queryable, principal: Principal, id: string, verb: 'change' | 'delete') {
    const row = await lockShape(transaction, kind.table, id)
    if (!row || !row.released_to.includes(principal.organizationId)) throw notFound(id)
    if (row.organization_id !== principal.organizationId) throw new TansiqError('forbidden', `Only the ${kind.noun}'s own organization may ${verb} it`)
    return row
  }

  return {
    /** Publishes a shape again after its released set changed elsewhere (room membership). */
    republish: async (id: string, previouslyReleasedTo: readonly string[]): Promise<void> => {
      await publish(id, previouslyReleasedTo)
    },

    /** One shape released to the viewer, or not-found (also when it exists but is not released). */
    async get(viewer: Viewer, id: string): Promise<Shape> {
      const shape = await kind.find(database, viewer, id)
      if (!shape) throw notFound(id)
      return shape
    },

    /** Creates a shape of the principal's organization. */
    async create(principal: Principal, input: Create, requestId: string): Promise<Shape> {
      requireEditor(principal)
      const validFrom = input.validFrom ? new Date(input.validFrom) : new Date()
      const validTo = input.validTo ? new Date(input.validTo) : null
      requireValidWindow({ from: validFrom, to: validTo })
      await kind.checkGeometry(database, input.geometry)
      await requireMemberRoom(database, principal, input.roomId)
      await kind.checkReferences?.(database, principal, input)
      const id = randomUUID()
      await database.transaction(async (transaction) => {
        const release = await resolveRelease(transaction, principal.organizationId, input.release)
        const decision = decideReleaseChange(principal, principal.organizationId, [principal.organizationId], release.released_to)
        if (!decision.allowed) throw new TansiqError('forbidden', decision.reason)
        await kind.insert(transaction, { ...input, id, organizationId: principal.organizationId, validFrom, validTo }, release)
        await appendAuditEntry(transaction, actorOf(principal, requestId), {
          action: `${kind.objectType}.created`, objectType: kind.objectType, objectId: id, change: { ...input, validFrom: validFrom.toISOString() }, visibleTo: release.released_to,
        })
      })
      return publishOwn(id)
    },

    /** Changes a shape of the principal's organization (`version`, when given, must be the stored one). */
    async update(principal: Principal, id: string, input: Update, requestId: string): Promise<Shape> {
      requireEditor(principal)
      if (input.geometry !== undefined) await kind.checkGeometry(database, input.geometry)
      await requireMemberRoom(database, principal, input.roomId)
      await kind.checkReferences?.(database, principal, input)
      const validFrom = input.validFrom === undefined ? undefined : new Date(input.validFrom)
      const validTo = input.validTo === undefined ? undefined : input.validTo === null ? null : new Date(input.validTo)
      await database.transaction(async (transaction) => {
        const row = await lockOwn(transaction, principal, id, 'change')
        if (input.version !== undefined && input.version !== row.version) throw new TansiqError('conflict', `The ${kind.noun} changed since version ${input.version} (now ${row.version}); reload and try again`)
        const stored = { from: new Date(row.valid_from), to: row.valid_to === null ? null : new Date(row.valid_to) }
        requireValidWindow(changedWindow(stored, { from: validFrom, to: validTo }))
        await kind.update(transaction, id, { ...input, validFrom, validTo })
        await appendAuditEntry(transaction, actorOf(principal, requestId), { action: `${kind.objectType}.updated`, objectType: kind.objectType, objectId: id, change: input, visibleTo: row.released_to })
      })
      return publishOwn(id)
    },

    /** Deletes a shape of the principal's organization; those who saw it are told it is gone. */
    async remove(principal: Principal, id: string, requestId: string): Promise<void> {
      requireEditor(principal)
      const removed = await database.transaction(async (transaction) => {
        const row = await lockOwn(transaction, principal, id, 'delete')
        await kind.delete(transaction, id)
        await appendAuditEntry(transaction, actorOf(principal, requestId), { action: `${kind.objectType}.deleted`, objectType: kind.objectType, objectId: id, change: {}, visibleTo: row.released_to })
        return row
      })
      bus.publish({ layer: kind.layer, kind: 'delete', id, releasedTo: [], previouslyReleasedTo: removed.released_to, roomIds: roomIdsOf(removed), bbox: removed.bbox, data: { id } })
    },

    /** Changes to whom a shape is released (widening needs the originator's commander). */
    async changeRelease(principal: Principal, id: string, release: Release, requestId: string): Promise<Shape> {
      const { before, after } = await database.transaction(async (transaction) => {
        const change = await applyReleaseChange(transaction, kind.objectType, id, release, principal)
        await appendAuditEntry(transaction, actorOf(principal, requestId), {
          action: `${kind.objectType}.release-changed`, objectType: kind.objectType, objectId: id, change: { release, before: change.before, after: change.after }, visibleTo: [...new Set([...change.before, ...change.after])],
        })
        return change
      })
      return publishOwn(id, before.some((organization) => !after.includes(organization)) ? before : undefined)
    },
  }
}
