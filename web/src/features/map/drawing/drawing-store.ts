/**
 * The shape being drawn on the room's map, shared by the map (which draws it and turns clicks and
 * drags into vertices) and the side panel's forms (which start a drawing and read the result). One
 * map per page, so one store per page. The rules are plain functions of the state, with no map or
 * DOM in them: a shape drawn with the mouse and one typed as coordinates are the same shape.
 *
 * A drawing is `draw` (clicks add vertices; Enter, a click on the last point or the Finish button
 * ends it) or `edit` (vertices are dragged, a midpoint's handle inserts one, a right-click or
 * Delete removes the selected one). Escape cancels what is in progress: the drawing just begun
 * (back to the shape before it), or the vertex selected.
 */
import type { Feature } from 'geojson'

/** [longitude, latitude] in WGS 84. */
export type Position = [number, number]
export type DrawKind = 'route' | 'polygon'
export type DrawMode = 'draw' | 'edit'

export interface DrawingShape {
  /** Which form the shape belongs to (a movement, an area…). */
  owner: string
  kind: DrawKind
  mode: DrawMode
  vertices: readonly Position[]
  /** The selected vertex (edit mode), for Delete and for the coordinate list. */
  selected: number | null
  /** The vertices when this drawing began: what Escape returns to. */
  before: readonly Position[]
}

export type DrawingGeometry =
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'Polygon'; coordinates: Position[][] }

/** Fewest distinct vertices a shape needs. */
export const minimumVertices: Record<DrawKind, number> = { route: 2, polygon: 3 }

/** Coordinates are kept to 6 decimals (~10 cm): enough for any route, and readable in the list. */
export const roundPosition = ([lon, lat]: Position): Position => [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6]

export function validPosition(position: readonly number[]): position is Position {
  const [lon, lat] = position
  return typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90
}

export function distinctCount(vertices: readonly Position[]): number {
  return new Set(vertices.map(([lon, lat]) => `${lon},${lat}`)).size
}

/** Whether the shape has enough distinct vertices to be a route or a polygon. */
export function isComplete(shape: Pick<DrawingShape, 'kind' | 'vertices'> | null): boolean {
  return shape !== null && distinctCount(shape.vertices) >= minimumVertices[shape.kind]
}

/** The shape as GeoJSON (a polygon's ring closed), or null while it is incomplete. */
export function geometryOf(shape: Pick<DrawingShape, 'kind' | 'vertices'> | null): DrawingGeometry | null {
  if (!shape || !isComplete(shape)) return null
  const vertices = shape.vertices.map((position) => [...position] as Position)
  if (shape.kind === 'route') return { type: 'LineString', coordinates: vertices }
  return { type: 'Polygon', coordinates: [[...vertices, [...vertices[0]!] as Position]] }
}

/** The vertices of a stored ring or line, without a polygon's closing repetition. */
export function verticesOf(coordinates: readonly (readonly number[])[], kind: DrawKind): Position[] {
  const vertices = coordinates.filter(validPosition).map((position) => roundPosition([position[0], position[1]]))
  if (kind === 'polygon' && vertices.length > 1) {
    const first = vertices[0]!, last = vertices[vertices.length - 1]!
    if (first[0] === last[0] && first[1] === last[1]) vertices.pop()
  }
  return vertices
}

// ---- transitions: each returns the next shape (or null for none) -------------------------------

export function addVertex(shape: DrawingShape, position: Position): DrawingShape {
  return { ...shape, vertices: [...shape.vertices, roundPosition(position)], selected: null }
}

export function moveVertex(shape: DrawingShape, index: number, position: Position): DrawingShape {
  if (index < 0 || index >= shape.vertices.length) return shape
  const vertices = shape.vertices.slice()
  vertices[index] = roundPosition(position)
  return { ...shape, vertices, selected: index }
}

/** Inserts a vertex after `index` (a midpoint's handle). */
export function insertVertex(shape: DrawingShape, index: number, position: Position): DrawingShape {
  const vertices = shape.vertices.slice()
  vertices.splice(index + 1, 0, roundPosition(position))
  return { ...shape, vertices, selected: index + 1 }
}

export function removeVertex(shape: DrawingShape, index: number): DrawingShape {
  if (index < 0 || index >= shape.vertices.length) return shape
  const vertices = shape.vertices.slice()
  vertices.splice(index, 1)
  return { ...shape, vertices, selected: null }
}

/** Ends drawing: the shape stays on the map with its vertices editable. Incomplete shapes stay in draw mode. */
export function finish(shape: DrawingShape): DrawingShape {
  return isComplete(shape) ? { ...shape, mode: 'edit', selected: null } : shape
}

/** Escape: deselects a vertex; while drawing, drops the drawing and returns to the shape before it (none when it had none). */
export function escape(shape: DrawingShape): DrawingShape | null {
  if (shape.mode === 'edit') return shape.selected === null ? shape : { ...shape, selected: null }
  if (shape.before.length === 0) return null
  return { ...shape, mode: 'edit', vertices: shape.before, selected: null }
}

/** Midpoints of each segment (and a polygon's closing one): where a new vertex can be pulled out. */
export function midpoints(shape: Pick<DrawingShape, 'kind' | 'vertices'>): Array<{ after: number; position: Position }> {
  const { vertices } = shape
  const result: Array<{ after: number; position: Position }> = []
  const segments = shape.kind === 'polygon' && vertices.length >= 3 ? vertices.length : vertices.length - 1
  for (let index = 0; index < segments; index++) {
    const a = vertices[index]!, b = vertices[(index + 1) % vertices.length]!
    result.push({ after: index, position: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] })
  }
  return result
}

// ---- the store ----------------------------------------------------------------------------------

/** What the map shows besides the picture and the shape: e.g. a movement's findings, a gap chosen in a list. */
export interface Overlay {
  owner: string
  features: Feature[]
}

/** What the map offers the panels (set by the map when it is ready). */
export interface MapHandle {
  /** The centre of the view, for adding a point with the keyboard. */
  centre(): Position
  fitTo(bounds: [number, number, number, number]): void
}

type Listener = () => void

class DrawingStore {
  private current: DrawingShape | null = null
  private overlayValue: Overlay | null = null
  private handle: MapHandle | null = null
  private readonly listeners = new Set<Listener>()
  /** Bumped on every change, for useSyncExternalStore. */
  version = 0
  /** Bumped each time a drawing or an edit begins: the map's clicks then belong to the drawing (map-interaction.ts). */
  starts = 0

  get shape(): DrawingShape | null {
    return this.current
  }

  get overlay(): Overlay | null {
    return this.overlayValue
  }

  get map(): MapHandle | null {
    return this.handle
  }

  /** Whether clicks on the map belong to the drawing (the map's popups keep out of the way). */
  get capturesClicks(): boolean {
    return this.current !== null
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Starts drawing a new shape, or editing `vertices` when given (replaces another form's shape). */
  start(owner: string, kind: DrawKind, vertices: readonly Position[] = [], mode: DrawMode = vertices.length > 0 ? 'edit' : 'draw'): void {
    const initial = vertices.map(roundPosition)
    this.starts++
    this.set({ owner, kind, mode, vertices: initial, selected: null, before: initial })
  }

  /** Draws again from nothing while keeping the shape before, for Escape. */
  redraw(): void {
    if (!this.current) return
    this.starts++
    this.set({ ...this.current, mode: 'draw', vertices: [], selected: null, before: this.current.vertices })
  }

  update(change: (shape: DrawingShape) => DrawingShape | null): void {
    if (this.current) this.set(change(this.current))
  }

  /** Forgets the shape of `owner` (all shapes when left out). */
  clear(owner?: string): void {
    if (!owner || this.current?.owner === owner) this.set(null)
  }

  setOverlay(overlay: Overlay | null): void {
    this.overlayValue = overlay
    this.notify()
  }

  clearOverlay(owner: string): void {
    if (this.overlayValue?.owner === owner) this.setOverlay(null)
  }

  setMap(handle: MapHandle | null): void {
    this.handle = handle
    if (!handle) {
      this.current = null
      this.overlayValue = null
    }
    this.notify()
  }

  private set(shape: DrawingShape | null): void {
    this.current = shape
    this.notify()
  }

  private notify(): void {
    this.version++
    for (const listener of this.listeners) listener()
  }
}

/** The page's drawing: one map per page. */
export const drawing = new DrawingStore()
