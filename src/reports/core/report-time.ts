/**
 * When a report may say something happened. Clocks of field devices and laptops drift, so a
 * little future is tolerated; more is a typing error (a wrong day or time zone) and is refused.
 */

/** How far in the future an occurrence time may lie: 10 minutes of clock skew. */
export const maxFutureSkewMilliseconds = 10 * 60 * 1000

/** Whether an occurrence time lies further in the future than clock skew explains. */
export function isTooFarInFuture(occurredAt: Date, now: Date): boolean {
  return occurredAt.getTime() - now.getTime() > maxFutureSkewMilliseconds
}
