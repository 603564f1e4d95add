/**
 * Which rooms' coverage an area change may alter: the rooms it belongs to, the rooms whose last
 * computation read it (it may have moved away or gone), and the rooms whose joint security area
 * its extent reaches.
 */

/** [west, south, east, north] in degrees. */
export type Extent = readonly [number, number, number, number]

/** What is known of an area change from its live event. */
export interface AreaChangeSummary {
  id: string
  roomIds: readonly string[]
  bbox: Extent | null
}

/** What is known of a room's last computation. */
export interface RoomCoverageSummary {
  roomId: string
  inputAreaIds: readonly string[]
  /** The joint security area's extent widened by the border distance; null without one. */
  extent: Extent | null
}

/** Whether two extents share any point. */
export function extentsIntersect(a: Extent, b: Extent): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

/** The rooms to recompute after an area change, sorted. */
export function roomsAffectedBy(change: AreaChangeSummary, rooms: readonly RoomCoverageSummary[]): string[] {
  const affected = new Set(change.roomIds)
  for (const room of rooms) {
    if (room.inputAreaIds.includes(change.id)) affected.add(room.roomId)
    else if (change.bbox && room.extent && extentsIntersect(change.bbox, room.extent)) affected.add(room.roomId)
  }
  return [...affected].sort()
}
