/**
 * The live hub's memory of recent events: numbered 1, 2, 3… and kept for the last `capacity`
 * events and at most `maxAgeMs`, so a client that reconnects can be sent exactly what it missed —
 * or told that it must take a fresh snapshot because some of that is gone.
 */

interface Slot<T> {
  id: number
  at: number
  item: T
}

/** A fixed-size ring of numbered events with age-based expiry. */
export class EventRing<T> {
  private readonly slots: Array<Slot<T> | undefined>
  /** Id of the oldest event still held (equals `next` when none is). */
  private first = 1
  /** Id the next event will get. */
  private next = 1

  constructor(readonly capacity: number, readonly maxAgeMs: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer')
    this.slots = new Array<Slot<T> | undefined>(capacity)
  }

  /** Id of the newest event (0 before the first). */
  get lastId(): number {
    return this.next - 1
  }

  /** Number of events held. */
  get size(): number {
    return this.next - this.first
  }

  /** Stores an event at time `now` (ms); returns its id. */
  push(item: T, now: number): number {
    const id = this.next++
    this.slots[id % this.capacity] = { id, at: now, item }
    if (this.next - this.first > this.capacity) this.first = this.next - this.capacity
    this.expire(now)
    return id
  }

  /** Drops events older than maxAgeMs. */
  expire(now: number): void {
    const oldest = now - this.maxAgeMs
    while (this.first < this.next) {
      const index = this.first % this.capacity
      const slot = this.slots[index]
      if (slot && slot.at >= oldest) return
      this.slots[index] = undefined
      this.first++
    }
  }

  /**
   * The events after `eventId`, oldest first, or null when they cannot all be given: some were
   * dropped already, or `eventId` is not one this ring has numbered.
   */
  after(eventId: number, now: number): T[] | null {
    this.expire(now)
    if (!Number.isInteger(eventId) || eventId < this.first - 1 || eventId > this.lastId) return null
    const items: T[] = []
    for (let id = eventId + 1; id < this.next; id++) items.push(this.slots[id % this.capacity]!.item)
    return items
  }
}
