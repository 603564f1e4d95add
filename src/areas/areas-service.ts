/**
 * Areas of responsibility and joint security areas: create, read, change and delete, each change
 * audited in its transaction and published live after commit (shape-service.ts).
 */
import type { Database } from '../platform/database/database.ts'
import type { EventBus } from '../platform/event-bus.ts'
import type { AreaGeometry } from '../platform/geometry/geojson.ts'
import { assertValidGeometry } from '../platform/geometry/geometry-check.ts'
import type { PictureChange } from '../live/picture-change.ts'
import type { Viewer } from '../releasability/released-store.ts'
import type { Area, CreateAreaInput, UpdateAreaInput } from './area-schemas.ts'
import * as store from './areas-store.ts'
import { requireOwnUnit } from './shape-checks.ts'
import { createShapeService, type ShapeKind } from './shape-service.ts'

export type AreasService = ReturnType<typeof createAreasService>

const areaKind: ShapeKind<Area, AreaGeometry, CreateAreaInput, UpdateAreaInput> = {
  table: 'areas',
  layer: 'areas',
  objectType: 'area',
  noun: 'area',
  find: store.findArea,
  insert: store.insertArea,
  update: store.updateAreaRow,
  delete: store.deleteAreaRow,
  checkGeometry: (database, geometry) => assertValidGeometry(database, geometry, 'area'),
  // An area may name the unit responsible for it: one of the principal's own organization.
  checkReferences: (database, principal, input) => requireOwnUnit(database, principal, input.unitId),
}


/** Builds the areas capability. */
export function createAreasService(options: { database: Database; bus: EventBus<PictureChange> }) {
  const { database } = options
  return {
    ...createShapeService(areaKind, options),

    /** Areas released to the viewer that match the filter. */
    list: (viewer: Viewer, filter: store.AreaFilter & { limit: number }) => store.listAreas(database, viewer, filter),

    /** The areas of a room in force at a time, released to the viewer (all of them, no limit). */
    activeInRoom: (viewer: Viewer, roomId: string, at: Date, kind?: Area['kind']) => store.activeAreasOfRoom(database, viewer, roomId, at, kind),
  }
}
