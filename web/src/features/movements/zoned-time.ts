/**
 * Wall-clock times in a named zone (the room's), for the form's date-time inputs: a browser's
 * datetime-local input has no zone, so its value is read and written as the room's clock time.
 */

const partsFormat = new Map<string, Intl.DateTimeFormat>()
function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    partsFormat.set(timeZone, format)
  }
  return format
}

function wallClock(date: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = formatIn(timeZone).formatToParts(date)
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0)
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') }
}

/** The zone's offset from UTC at an instant, in minutes (Baghdad: 180). */
export function offsetMinutes(date: Date, timeZone: string): number {
  const clock = wallClock(date, timeZone)
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second)
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000)
}

const pad = (value: number) => String(value).padStart(2, '0')

/** "2030-03-01T09:00": the instant as the zone's clock shows it (a datetime-local value). */
export function toZonedInput(date: Date, timeZone: string): string {
  const clock = wallClock(date, timeZone)
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`
}

/** The instant at which the zone's clock shows `value` ("2030-03-01T09:00"); null when it is not such a value. */
export function fromZonedInput(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value)
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number]
  const guess = Date.UTC(year, month - 1, day, hour, minute, second)
  if (!Number.isFinite(guess)) return null
  // The offset at the guess, then again at the result: right across a change of the zone's offset.
  let instant = guess - offsetMinutes(new Date(guess), timeZone) * 60_000
  instant = guess - offsetMinutes(new Date(instant), timeZone) * 60_000
  return new Date(instant)
}
