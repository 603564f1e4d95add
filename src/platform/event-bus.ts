/**
 * In-process publish/subscribe for changes that have been committed. Capabilities publish after
 * their transaction commits; the live hub (and later the TAK listener) subscribe. A subscriber
 * that throws does not stop the others.
 */

export type Listener<Event> = (event: Event) => void

/** A typed, synchronous, in-process event bus. */
export class EventBus<Event> {
  private readonly listeners = new Set<Listener<Event>>()

  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: Listener<Event>): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Delivers an event to every listener. */
  publish(event: Event): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (error) {
        // One faulty subscriber must not stop the picture for the others.
        console.error('event listener failed', error)
      }
    }
  }
}
