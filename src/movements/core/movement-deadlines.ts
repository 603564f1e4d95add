/**
 * When a movement is due: the notice an author gives against the room's period for its
 * precedence, how far in the past a start may lie, and when an affected organization that has not
 * answered is reminded and then its commander told.
 */

export type Precedence = 'routine' | 'priority' | 'immediate' | 'flash'

/** A start may lie at most this far in the past when a movement is notified (it may already be under way, briefly). */
export const maxStartInPastMinutes = 60

/** The notice a movement gives (to the nearest minute) and the room's minimum for its precedence. */
export function noticeOf(plannedStart: Date, now: Date, precedence: Precedence, periods: Readonly<Record<Precedence, number>>): { givenMinutes: number; requiredMinutes: number; short: boolean } {
  const givenMinutes = Math.round((plannedStart.getTime() - now.getTime()) / 60_000)
  const requiredMinutes = periods[precedence]
  return { givenMinutes, requiredMinutes, short: givenMinutes < requiredMinutes }
}

/** Whether a planned start lies further in the past than a notification may. */
export function startTooFarInPast(plannedStart: Date, now: Date): boolean {
  return now.getTime() - plannedStart.getTime() > maxStartInPastMinutes * 60_000
}

/** A party waiting for its answer, as the reminder rules see it. */
export interface AwaitingParty {
  answered: boolean
  remindedAt: Date | null
  escalatedAt: Date | null
}

/**
 * The nudges due to an affected organization that has not answered: a reminder to its officers
 * once the start is `escalationMinutes` away, then, from half that time before the start, an
 * escalation to its commander. A late check does both at once, reminder first.
 */
export function dueNudges(party: AwaitingParty, plannedStart: Date, escalationMinutes: number, now: Date): Array<'reminded' | 'escalated'> {
  if (party.answered) return []
  const remindAt = plannedStart.getTime() - escalationMinutes * 60_000
  const escalateAt = plannedStart.getTime() - (escalationMinutes * 60_000) / 2
  const due: Array<'reminded' | 'escalated'> = []
  if (party.remindedAt === null && now.getTime() >= remindAt) due.push('reminded')
  if (party.escalatedAt === null && now.getTime() >= escalateAt) due.push('escalated')
  return due
}
