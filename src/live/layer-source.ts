/**
 * A layer of the picture as a source of objects for a viewer: what live snapshots and exports
 * read. Each capability provides its own; both paths read through its releasability-filtered store.
 */
import type { BoundingBox, Geometry } from '../platform/geometry/geojson.ts'
import type { Viewer } from '../releasability/released-store.ts'
import type { Layer } from './picture-change.ts'

/** A GeoJSON feature of a picture object. */
export interface LayerFeature {
  type: 'Feature'
  id: string
  geometry: Geometry | null
  properties: Record<string, unknown>
}

/** Which objects of a layer: those of a room and/or inside a bounding box. */
export interface LayerQuery {
  roomId?: string | undefined
  bbox?: BoundingBox | undefined
}

export interface LayerSource<T = unknown> {
  layer: Layer
  /** Objects released to the viewer, page by page (never all in memory), as the API represents them. */
  list(viewer: Viewer, query: LayerQuery): AsyncIterable<T>
  /** The object as a GeoJSON feature, for exports and maps. */
  toFeature(object: T): LayerFeature
}

/** The layers a server offers, by name. */
export type LayerRegistry = Map<Layer, LayerSource>

/** Iterates a keyset-paginated listing: fetches pages after the last id until one comes back short. */
export async function* pages<T extends { id: string }>(fetchPage: (afterId: string | undefined, limit: number) => Promise<T[]>, pageSize = 500): AsyncIterable<T> {
  let afterId: string | undefined
  for (;;) {
    const page = await fetchPage(afterId, pageSize)
    yield* page
    if (page.length < pageSize) return
    afterId = page[page.length - 1]!.id
  }
}
