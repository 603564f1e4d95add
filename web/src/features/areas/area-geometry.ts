/**
 * An area's stored MultiPolygon and the one ring the drawing tool edits: the outer ring of its
 * first polygon. Saving puts the edited ring back in its place, so holes and further parts of an
 * area drawn elsewhere (e.g. imported) are kept as they were.
 */
import type { Area } from '../../api/server-types.ts'
import { verticesOf, type DrawingGeometry, type Position } from '../map/drawing/drawing-store.ts'

type MultiPolygon = Area['geometry']

/** The vertices the drawing tool edits. */
export function editableRing(geometry: MultiPolygon): Position[] {
  return verticesOf(geometry.coordinates[0]?.[0] ?? [], 'polygon')
}

/** Whether the area has more than the one ring the tool edits (holes or more parts). */
export function hasMoreParts(geometry: MultiPolygon): boolean {
  return geometry.coordinates.length > 1 || (geometry.coordinates[0]?.length ?? 0) > 1
}

/** The geometry to save: the drawn polygon alone, or the stored MultiPolygon with its first outer ring replaced. */
export function withEditedRing(stored: MultiPolygon | null, drawn: Extract<DrawingGeometry, { type: 'Polygon' }>): DrawingGeometry | { type: 'MultiPolygon'; coordinates: number[][][][] } {
  if (!stored || !hasMoreParts(stored)) return drawn
  const [first, ...others] = stored.coordinates
  return { type: 'MultiPolygon', coordinates: [[drawn.coordinates[0]!, ...(first ?? []).slice(1)], ...others] as number[][][][] }
}
