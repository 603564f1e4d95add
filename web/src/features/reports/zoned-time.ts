/**
 * Times typed in a given IANA zone (the room's or the user's), for `<input type="datetime-local">`
 * and `<input type="date">`: the inputs know no zone, the server wants ISO 8601 with an offset.
 */

const partsFormat = new Map<string, Intl.DateTimeFormat>()
function formatFor(zone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    partsFormat.set(zone, format)
  }
  return format
}

/** Wall-clock fields of an instant in a zone. */
function wallClock(zone: string, at: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = formatFor(zone).formatToParts(at)
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0)
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') }
}

/** Minutes east of UTC of a zone at an instant. */
export function zoneOffsetMinutes(zone: string, at: Date): number {
  const wall = wallClock(zone, at)
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000)
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0')

/** "2025-03-10T14:30" read in a zone → "2025-03-10T14:30:00+03:00"; null when not such a text. */
export function zonedLocalToIso(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!match) return null
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number]
  const naive = Date.UTC(year, month - 1, day, hour, minute)
  // Two passes find the offset in force at that wall-clock time, also next to a DST change.
  let offset = zoneOffsetMinutes(zone, new Date(naive))
  offset = zoneOffsetMinutes(zone, new Date(naive - offset * 60_000))
  const sign = offset < 0 ? '-' : '+'
  return `${local}:00${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
}

/** An instant as "YYYY-MM-DDTHH:mm" on the wall clock of a zone (an input's value). */
export function isoToZonedLocal(at: Date, zone: string): string {
  const wall = wallClock(zone, at)
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`
}

/** Today's date "YYYY-MM-DD" in a zone. */
export function todayIn(zone: string, now = new Date()): string {
  return isoToZonedLocal(now, zone).slice(0, 10)
}

/** The browser's own zone. */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}
