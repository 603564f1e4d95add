/**
 * Which change a live subscriber receives, and as what: pure rules over a subscription, the
 * subscriber's organization and a committed change. The hub applies them to live changes and to
 * replayed ones alike, so a resumed client sees exactly what a connected one saw.
 */
import type { Layer, PictureChange } from '../picture-change.ts'

/** [west, south, east, north] in degrees. */
export type Box = readonly [number, number, number, number]

/** What a client subscribed to. Room and box, when both are given, must both match. */
export interface LiveSubscription {
  layers: ReadonlySet<Layer>
  roomId?: string | undefined
  bbox?: Box | undefined
}

/** Where an object is, as far as subscriptions are concerned. */
export interface Extent {
  roomIds: readonly string[]
  bbox: Box | null
}

/** Whether two boxes share at least a point. */
export function boxesIntersect(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

/** Whether an object at `extent` lies in the subscription's room and box (an object without location passes a room-only subscription). */
export function extentMatches(subscription: LiveSubscription, extent: Extent): boolean {
  if (subscription.roomId !== undefined && !extent.roomIds.includes(subscription.roomId)) return false
  if (subscription.bbox !== undefined) return extent.bbox !== null && boxesIntersect(subscription.bbox, extent.bbox)
  return true
}

/**
 * What a subscriber of `organizationId` receives for `change`: the object (`upsert`), a removal
 * (`delete`), or nothing. A removal goes to whoever may have held the object: after a deletion
 * or a narrowing of its release (to everyone subscribed to the layer, wherever they look, since a
 * spurious removal is harmless and a missed one leaves an object that is no longer released), and
 * when the object moved out of the subscriber's room or box (`previous` is where it was).
 */
export function routeChange(subscription: LiveSubscription, organizationId: string, change: PictureChange, previous: Extent | undefined): 'upsert' | 'delete' | null {
  if (!subscription.layers.has(change.layer)) return null
  const releasedNow = change.releasedTo.includes(organizationId)
  if (change.kind === 'upsert' && releasedNow) {
    if (extentMatches(subscription, change)) return 'upsert'
    return previous !== undefined && extentMatches(subscription, previous) ? 'delete' : null
  }
  const couldSee = releasedNow || (change.previouslyReleasedTo?.includes(organizationId) ?? false)
  return couldSee ? 'delete' : null
}

/** The organizations that may receive something for a change: those it is released to and those that lost it. */
export function concernedOrganizations(change: PictureChange): ReadonlySet<string> {
  const organizations = new Set(change.releasedTo)
  for (const organization of change.previouslyReleasedTo ?? []) organizations.add(organization)
  return organizations
}
