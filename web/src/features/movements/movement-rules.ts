/**
 * What the movement screens decide without asking the server: which movements concern the
 * user's organization and in what order the inbox lists them, who may answer, how much notice a
 * start gives. The server decides again on every request; these only choose what to show.
 */
import type { Movement, MovementStatus, Role } from '../../api/server-types.ts'
import { answeringRoles } from '../../../../src/platform/auth/roles.ts'

export type Precedence = Movement['precedence']
export const precedences: readonly Precedence[] = ['flash', 'immediate', 'priority', 'routine']

/** Roles that answer for their organization, and those that notify movements: the server's own lists. */
export { answeringRoles, pictureEditorRoles as notifyingRoles } from '../../../../src/platform/auth/roles.ts'

/** Statuses in which affected organizations answer. */
export const answerableStatuses: readonly MovementStatus[] = ['submitted', 'cleared', 'conflicted']
export const endedStatuses: readonly MovementStatus[] = ['completed', 'cancelled', 'expired']

export interface Inbox {
  /** Affected, not yet answered: flash first, then by start. */
  awaiting: Movement[]
  /** Notified by the user's organization. */
  ours: Movement[]
  /** Told to the user's organization and answered (or no longer affecting it). */
  answered: Movement[]
  /** Ended movements that concerned the organization (shown on request). */
  ended: Movement[]
}

const rank = (precedence: Precedence) => precedences.indexOf(precedence)
const byStart = (a: Movement, b: Movement) => Date.parse(a.plannedStart) - Date.parse(b.plannedStart)
const byPrecedenceThenStart = (a: Movement, b: Movement) => rank(a.precedence) - rank(b.precedence) || byStart(a, b)

export function partyOf(movement: Movement, organizationId: string) {
  return movement.parties.find((party) => party.organizationId === organizationId)
}

/** Whether the organization is asked for an answer it has not given. */
export function awaitsAnswer(movement: Movement, organizationId: string): boolean {
  const party = partyOf(movement, organizationId)
  return party !== undefined && party.affected && party.answer === null && answerableStatuses.includes(movement.status)
}

/** Whether someone of this role and organization may answer the movement now. */
export function mayAnswer(movement: Movement, organizationId: string, role: Role): boolean {
  return answeringRoles.includes(role) && partyOf(movement, organizationId)?.affected === true && answerableStatuses.includes(movement.status)
}

/** The movements of the room that concern the organization, sorted for the inbox. */
export function inboxOf(movements: Iterable<Movement>, organizationId: string): Inbox {
  const inbox: Inbox = { awaiting: [], ours: [], answered: [], ended: [] }
  for (const movement of movements) {
    const ours = movement.organizationId === organizationId
    const told = partyOf(movement, organizationId) !== undefined
    if (!ours && !told) continue
    if (endedStatuses.includes(movement.status)) inbox.ended.push(movement)
    else if (ours) inbox.ours.push(movement)
    else if (awaitsAnswer(movement, organizationId)) inbox.awaiting.push(movement)
    else inbox.answered.push(movement)
  }
  inbox.awaiting.sort(byPrecedenceThenStart)
  inbox.ours.sort(byStart)
  inbox.answered.sort(byStart)
  inbox.ended.sort((a, b) => byStart(b, a))
  return inbox
}

/** Minutes of notice a start gives now, against the room's period for the precedence. */
export function noticeOf(start: Date, precedence: Precedence, periods: Readonly<Record<Precedence, number>>, now = Date.now()): { givenMinutes: number; requiredMinutes: number; short: boolean } {
  const givenMinutes = Math.round((start.getTime() - now) / 60_000)
  const requiredMinutes = periods[precedence]
  return { givenMinutes, requiredMinutes, short: givenMinutes < requiredMinutes }
}
