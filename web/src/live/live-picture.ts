/**
 * The live picture held in the browser: the objects of each subscribed layer by id, short track
 * trails of units, and a bounded feed of what changed. It is the LiveSink of the connection. Many
 * messages a second may arrive; listeners are told at most once per animation frame which layers
 * changed and which objects of them, so the map and the lists redraw in batches, never per message
 * (and the map updates only the features that changed).
 */
import type { DeltaMessage, Layer, TrackPoint } from '../api/server-types.ts'
import type { LiveSink } from './live-connection.ts'

export interface FeedEntry {
  /** Unique within the page. */
  key: number
  eventId: number
  receivedAt: number
  layer: Layer
  change: 'created' | 'updated' | 'removed'
  id: string
  /** The object after the change; before it for a removal (null when never seen). */
  object: unknown
}

/** Which objects of each changed layer changed since the last notification ('all': a snapshot or a reset). */
export type ChangedIds = ReadonlyMap<Layer, ReadonlySet<string> | 'all'>
type Listener = (changedLayers: ReadonlySet<Layer>, changedIds: ChangedIds) => void

/** Positions kept per unit for its trail. */
export const trailLength = 12
const feedLength = 200
/** Layers whose changes are too frequent for the feed: counted instead. */
const countedLayers: ReadonlySet<Layer> = new Set(['positions'])

const idOf = (layer: Layer, item: unknown): string | null => {
  if (typeof item !== 'object' || item === null) return null
  const record = item as { id?: unknown; unitId?: unknown }
  const id = layer === 'positions' ? record.unitId : record.id
  return typeof id === 'string' ? id : null
}

export class LivePicture implements LiveSink {
  private readonly layers = new Map<Layer, Map<string, unknown>>()
  private staging: Map<Layer, Map<string, unknown>> | null = null
  private stagingLayers: readonly Layer[] = []
  private readonly trailsByUnit = new Map<string, Array<[number, number]>>()
  private feedEntries: FeedEntry[] = []
  private feedKey = 0
  private readonly countedTimes: number[] = []
  private readonly listeners = new Set<Listener>()
  private pending = new Set<Layer>()
  private pendingIds = new Map<Layer, Set<string> | 'all'>()
  private frame: number | null = null
  /** Bumped at each notification: a cheap "something changed" for React's useSyncExternalStore. */
  version = 0
  /** Whether a complete snapshot has been received since the subscription started. */
  loaded = false

  /** The objects of a layer by id (empty when not subscribed). */
  objects<T = unknown>(layer: Layer): ReadonlyMap<string, T> {
    return (this.layers.get(layer) ?? new Map()) as ReadonlyMap<string, T>
  }

  /** Recent positions of a unit, oldest first ([lon, lat]). */
  trail(unitId: string): ReadonlyArray<[number, number]> {
    return this.trailsByUnit.get(unitId) ?? []
  }

  trails(): ReadonlyMap<string, ReadonlyArray<[number, number]>> {
    return this.trailsByUnit
  }

  /** What changed, newest first. */
  feed(): readonly FeedEntry[] {
    return this.feedEntries
  }

  /** Position reports received in the last minute. */
  positionReportsLastMinute(now = Date.now()): number {
    while (this.countedTimes.length > 0 && this.countedTimes[0]! < now - 60_000) this.countedTimes.shift()
    return this.countedTimes.length
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Forgets everything (another room). */
  reset(): void {
    this.layers.clear()
    this.trailsByUnit.clear()
    this.feedEntries = []
    this.loaded = false
    this.staging = null
    for (const layer of ['units', 'positions', 'areas', 'coverage', 'movements', 'reports', 'places', 'coordination-lines', 'operations'] as Layer[]) this.changedAll(layer)
    this.schedule()
  }

  beginSnapshot(layers: readonly Layer[]): void {
    // Built aside and swapped in at the end, so a snapshot over a slow link never empties the map meanwhile.
    this.staging = new Map(layers.map((layer) => [layer, new Map()]))
    this.stagingLayers = layers
  }

  snapshotItems(layer: Layer, items: readonly unknown[]): void {
    const target = this.staging?.get(layer)
    if (!target) return
    for (const item of items) {
      const id = idOf(layer, item)
      if (id !== null) target.set(id, item)
    }
  }

  endSnapshot(): void {
    if (!this.staging) return
    for (const layer of this.stagingLayers) {
      this.layers.set(layer, this.staging.get(layer) ?? new Map())
      this.changedAll(layer)
    }
    const positions = this.layers.get('positions')
    if (positions) {
      for (const unitId of this.trailsByUnit.keys()) if (!positions.has(unitId)) this.trailsByUnit.delete(unitId)
      for (const [unitId, position] of positions) this.extendTrail(unitId, position as TrackPoint)
    }
    this.staging = null
    // The first snapshot of the page: a mark for bench/web-room.bench.ts.
    if (performance.getEntriesByName('tansiq:snapshot-received').length === 0) performance.mark('tansiq:snapshot-received')
    this.loaded = true
    this.schedule()
  }

  delta(message: DeltaMessage): void {
    let objects = this.layers.get(message.layer)
    if (!objects) this.layers.set(message.layer, (objects = new Map()))
    const before = objects.get(message.id)
    if (message.kind === 'delete') {
      objects.delete(message.id)
      if (message.layer === 'positions' || message.layer === 'units') this.trailsByUnit.delete(message.id)
    } else {
      objects.set(message.id, message.data)
      if (message.layer === 'positions') this.extendTrail(message.id, message.data as TrackPoint)
    }
    if (countedLayers.has(message.layer)) {
      if (message.kind === 'upsert') this.countedTimes.push(Date.now())
    } else if (message.kind === 'upsert' || before !== undefined) {
      this.feedEntries.unshift({
        key: ++this.feedKey, eventId: message.eventId, receivedAt: Date.now(), layer: message.layer, id: message.id,
        change: message.kind === 'delete' ? 'removed' : before === undefined ? 'created' : 'updated',
        object: message.kind === 'delete' ? (before ?? null) : message.data,
      })
      if (this.feedEntries.length > feedLength) this.feedEntries.length = feedLength
    }
    this.pending.add(message.layer)
    const ids = this.pendingIds.get(message.layer)
    if (ids === undefined) this.pendingIds.set(message.layer, new Set([message.id]))
    else if (ids !== 'all') ids.add(message.id)
    this.schedule()
  }

  private changedAll(layer: Layer): void {
    this.pending.add(layer)
    this.pendingIds.set(layer, 'all')
  }

  private extendTrail(unitId: string, position: TrackPoint): void {
    if (typeof position?.lon !== 'number' || typeof position.lat !== 'number') return
    let trail = this.trailsByUnit.get(unitId)
    if (!trail) this.trailsByUnit.set(unitId, (trail = []))
    const last = trail[trail.length - 1]
    if (last && last[0] === position.lon && last[1] === position.lat) return
    trail.push([position.lon, position.lat])
    if (trail.length > trailLength) trail.shift()
  }

  private schedule(): void {
    if (this.frame !== null) return
    // Hidden tabs get no animation frames: a timer keeps lists current for when the tab returns.
    const flush = () => {
      this.frame = null
      const changed = this.pending
      const changedIds = this.pendingIds
      this.pending = new Set()
      this.pendingIds = new Map()
      this.version++
      for (const listener of this.listeners) listener(changed, changedIds)
    }
    this.frame = document.visibilityState === 'hidden' ? (setTimeout(flush, 1000) as unknown as number) : requestAnimationFrame(flush)
  }
}
