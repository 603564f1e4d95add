/**
 * The lifecycle of a movement notification as a pure state machine: which actions each status
 * allows, and the status that follows from the parties' answers and the findings while the
 * movement waits to start (submitted, cleared, conflicted).
 */

export const movementStatuses = ['draft', 'submitted', 'cleared', 'conflicted', 'active', 'completed', 'cancelled', 'expired'] as const
export type MovementStatus = (typeof movementStatuses)[number]

/** Statuses in which a movement is on the ground or about to be: what other movements are weighed against (as in the deconfliction_objects view). */
export const liveStatuses: readonly MovementStatus[] = ['submitted', 'cleared', 'conflicted', 'active']

/** What can be done to a movement. `reanalyse` is the impact analysis running again after something near it changed. */
export type LifecycleAction = 'submit' | 'amend' | 'answer' | 'reanalyse' | 'start' | 'complete' | 'cancel' | 'expire' | 'remind'

const allowedFrom: Record<LifecycleAction, readonly MovementStatus[]> = {
  submit: ['draft'],
  amend: ['draft', 'submitted', 'cleared', 'conflicted', 'active'],
  answer: ['submitted', 'cleared', 'conflicted'],
  reanalyse: ['submitted', 'cleared', 'conflicted', 'active'],
  // Notification is not permission, but the room's lifecycle is: only a cleared movement starts.
  start: ['cleared'],
  complete: ['active'],
  cancel: ['draft', 'submitted', 'cleared', 'conflicted', 'active'],
  // A window that has passed without the movement starting.
  expire: ['draft', 'submitted', 'cleared', 'conflicted'],
  remind: ['submitted', 'conflicted'],
}

/** A party as the status rules see it: an organization told of the movement, whether it is affected now and its answer. */
export interface PartyState {
  organizationId: string
  affected: boolean
  answer: 'acknowledged' | 'objected' | null
}

/** A finding as the status rules see it: the kind of counterpart and its organization. */
export interface FindingState {
  counterpartType: 'area' | 'movement' | 'operation'
  counterpartOrganizationId: string
}

/**
 * Counterparts that are forces on the ground at the same time and place: such a finding is a
 * conflict until the counterpart's organization acknowledges the movement. An area of
 * responsibility only needs its holder's acknowledgement.
 */
export const conflictingCounterparts: readonly FindingState['counterpartType'][] = ['movement', 'operation']

/**
 * The status of a movement waiting to start: conflicted while an affected organization objects
 * or a conflict finding is not acknowledged by its counterpart's organization; cleared when every
 * affected organization has acknowledged (including when none is affected); submitted otherwise.
 */
export function settledStatus(parties: readonly PartyState[], findings: readonly FindingState[]): 'submitted' | 'cleared' | 'conflicted' {
  const affected = parties.filter((party) => party.affected)
  if (affected.some((party) => party.answer === 'objected')) return 'conflicted'
  const answerOf = (organizationId: string) => affected.find((party) => party.organizationId === organizationId)?.answer ?? null
  const unresolved = findings.some((finding) => conflictingCounterparts.includes(finding.counterpartType) && answerOf(finding.counterpartOrganizationId) !== 'acknowledged')
  if (unresolved) return 'conflicted'
  return affected.every((party) => party.answer === 'acknowledged') ? 'cleared' : 'submitted'
}

/** The outcome of an action: the next status, or why it is not allowed. */
export type Transition = { allowed: true; status: MovementStatus } | { allowed: false; reason: string }

/** Whether `action` may be done to a movement in `status`, and the status that follows. */
export function transition(status: MovementStatus, action: LifecycleAction, settle: { parties: readonly PartyState[]; findings: readonly FindingState[] } = { parties: [], findings: [] }): Transition {
  if (!allowedFrom[action].includes(status)) {
    return { allowed: false, reason: `A ${status} movement cannot be ${pastTense[action]} (only when ${allowedFrom[action].join(' or ')})` }
  }
  switch (action) {
    case 'start': return { allowed: true, status: 'active' }
    case 'complete': return { allowed: true, status: 'completed' }
    case 'cancel': return { allowed: true, status: 'cancelled' }
    case 'expire': return { allowed: true, status: 'expired' }
    case 'remind': return { allowed: true, status }
    case 'amend':
    case 'reanalyse':
      // A draft is not notified and an active movement is underway: neither waits for answers.
      if (status === 'draft' || status === 'active') return { allowed: true, status }
      return { allowed: true, status: settledStatus(settle.parties, settle.findings) }
    case 'submit':
    case 'answer':
      return { allowed: true, status: settledStatus(settle.parties, settle.findings) }
  }
}

const pastTense: Record<LifecycleAction, string> = {
  submit: 'submitted', amend: 'amended', answer: 'answered', reanalyse: 'analysed again', start: 'started',
  complete: 'completed', cancel: 'cancelled', expire: 'expired', remind: 'reminded about',
}
