/**
 * Coordination lines: create, read, change and delete, each change audited in its transaction and
 * published live after commit (shape-service.ts).
 */
import type { Database } from '../platform/database/database.ts'
import type { EventBus } from '../platform/event-bus.ts'
import { TansiqError } from '../platform/errors.ts'
import type { LineStringGeometry } from '../platform/geometry/geojson.ts'
import { assertValidGeometry } from '../platform/geometry/geometry-check.ts'
import type { PictureChange } from '../live/picture-change.ts'
import type { Viewer } from '../releasability/released-store.ts'
import { lineProblem } from './core/line-rules.ts'
import type { CoordinationLine, CreateCoordinationLineInput, UpdateCoordinationLineInput } from './coordination-line-schemas.ts'
import * as store from './coordination-lines-store.ts'
import { createShapeService, type ShapeKind } from './shape-service.ts'
import type { ShapeFilter } from './shape-store.ts'

export type CoordinationLinesService = ReturnType<typeof createCoordinationLinesService>

const coordinationLineKind: ShapeKind<CoordinationLine, LineStringGeometry, CreateCoordinationLineInput, UpdateCoordinationLineInput> = {
  table: 'coordination_lines',
  layer: 'coordination-lines',
  objectType: 'coordination-line',
  noun: 'coordination line',
  find: store.findCoordinationLine,
  insert: store.insertCoordinationLine,
  update: store.updateCoordinationLineRow,
  delete: store.deleteCoordinationLineRow,
  // Refuses a line PostGIS would accept but that draws nothing, then asks PostGIS.
  async checkGeometry(database, geometry) {
    const problem = lineProblem(geometry.coordinates)
    if (problem) throw new TansiqError('invalid-geometry', `The coordination line is not valid: ${problem}`)
    await assertValidGeometry(database, geometry, 'coordination line')
  },
}


/** Builds the coordination-lines capability. */
export function createCoordinationLinesService(options: { database: Database; bus: EventBus<PictureChange> }) {
  const { database } = options
  return {
    ...createShapeService(coordinationLineKind, options),

    /** Coordination lines released to the viewer that match the filter. */
    list: (viewer: Viewer, filter: ShapeFilter & { limit: number }) => store.listCoordinationLines(database, viewer, filter),
  }
}
