/**
 * When an area or a coordination line is in force: from validFrom (inclusive) to validTo
 * (exclusive), or open-ended when validTo is null. Pure rules shared by the API and coverage.
 */

/** A period of validity; `to` null means "until further notice". */
export interface ValidityWindow {
  from: Date
  to: Date | null
}

/** Earliest and latest instants accepted: anything outside is a typing mistake (a year 20250), not a plan. */
export const earliestValidity = new Date('1990-01-01T00:00:00Z')
export const latestValidity = new Date('2100-01-01T00:00:00Z')

/** Why a window cannot be stored, or null when it can. */
export function validityWindowProblem(window: ValidityWindow): string | null {
  for (const [label, instant] of [['validFrom', window.from], ['validTo', window.to]] as const) {
    if (instant === null) continue
    if (Number.isNaN(instant.getTime())) return `${label} is not a valid time`
    if (instant < earliestValidity || instant >= latestValidity) {
      return `${label} (${instant.toISOString()}) must lie between ${earliestValidity.toISOString()} and ${latestValidity.toISOString()}`
    }
  }
  if (window.to !== null && window.to <= window.from) {
    return `validTo (${window.to.toISOString()}) must be after validFrom (${window.from.toISOString()})`
  }
  return null
}

/** Whether a window is in force at an instant: from <= at < to (or no end). */
export function isActiveAt(window: ValidityWindow, at: Date): boolean {
  return window.from <= at && (window.to === null || at < window.to)
}

/**
 * The window after a partial change: fields left out keep their stored value, an explicit null
 * validTo opens the end. Used to check a PATCH against what is stored.
 */
export function changedWindow(stored: ValidityWindow, change: { from?: Date | undefined; to?: Date | null | undefined }): ValidityWindow {
  return { from: change.from ?? stored.from, to: change.to === undefined ? stored.to : change.to }
}
