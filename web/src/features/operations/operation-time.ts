/**
 * Times of an operation: offsets from H-hour written as H+4:00 / H−1:30, and the room's wall-clock
 * time for the form's inputs (a datetime-local input has no zone: what the officer types is room
 * time, turned into an instant here).
 */

/** "+4:00", "-1:30", "90" (minutes) or "+2" (hours) → minutes; null when unreadable. */
export function parseOffset(text: string): number | null {
  const cleaned = text.trim().replace(/[−–]/g, '-').replace(/[٠-٩]/g, (digit) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(digit))).replace(/^H/i, '').trim()
  const match = /^([+-]?)\s*(\d{1,3})(?::(\d{2}))?$/.exec(cleaned)
  if (!match) return null
  const sign = match[1] === '-' ? -1 : 1
  const hours = Number(match[2])
  const minutes = match[3] === undefined ? 0 : Number(match[3])
  if (minutes >= 60) return null
  return sign * (hours * 60 + minutes)
}

/** Minutes → the parts of "H+4:00": the sign (a real minus sign), hours, minutes (two digits). */
export function offsetParts(minutes: number): { sign: '+' | '−'; hours: number; minutes: number } {
  const magnitude = Math.abs(minutes)
  return { sign: minutes < 0 ? '−' : '+', hours: Math.floor(magnitude / 60), minutes: magnitude % 60 }
}

/** Minutes → "+4:00" for an input's value (ASCII, so it reads back). */
export function offsetInputValue(minutes: number): string {
  const parts = offsetParts(minutes)
  return `${minutes < 0 ? '-' : '+'}${parts.hours}:${String(parts.minutes).padStart(2, '0')}`
}

/** How far the zone is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(instant))
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0)
  return Date.UTC(value('year'), value('month') - 1, value('day'), value('hour') % 24, value('minute'), value('second')) - Math.floor(instant / 1000) * 1000
}

/** "2030-06-12T04:30" read as the wall-clock time of `timeZone` → ISO instant; null when not a time. */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!match) return null
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]))
  let instant = wall - zoneOffsetMs(wall, timeZone)
  // Across a change of offset the first guess may be an hour off: correct once.
  const corrected = wall - zoneOffsetMs(instant, timeZone)
  if (corrected !== instant) instant = corrected
  return new Date(instant).toISOString()
}

/** An instant → "2030-06-12T04:30" in the zone's wall-clock time (for datetime-local inputs). */
export function isoToZonedLocal(instant: string | number | Date, timeZone: string): string {
  const time = new Date(instant).getTime()
  const wall = new Date(time + zoneOffsetMs(time, timeZone))
  return wall.toISOString().slice(0, 16)
}
