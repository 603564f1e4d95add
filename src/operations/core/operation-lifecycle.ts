/**
 * The lifecycle of a joint operation as pure rules: which actions each status allows, who may do
 * them, which organizations approve, what an approval needs and what an amendment undoes.
 *
 * draft → proposed (by the lead) → approved (a commander of each approving organization approved
 * the current plan revision) → active (the lead starts it) → completed; or cancelled before it
 * completes. An amendment after proposal is a new plan: its revision goes up and it needs every
 * approval again (an approved operation goes back to proposed).
 */

export const operationStatuses = ['draft', 'proposed', 'approved', 'active', 'completed', 'cancelled'] as const
export type OperationStatus = (typeof operationStatuses)[number]

export const participantRoles = ['lead', 'participant', 'support'] as const
export type ParticipantRole = (typeof participantRoles)[number]

/** Statuses in which the room knows the plan: its axes and objective areas weigh in the deconfliction (as in the view of migration 0012). */
export const deconflictedStatuses: readonly OperationStatus[] = ['proposed', 'approved', 'active']

/** Statuses in which the live log takes entries. */
export const loggingStatuses: readonly OperationStatus[] = ['approved', 'active']

export type OperationAction = 'amend' | 'propose' | 'approve' | 'start' | 'complete' | 'cancel' | 'log'

const allowedFrom: Record<OperationAction, readonly OperationStatus[]> = {
  // Under way, the plan is what it is: the live log records what changes on the ground.
  amend: ['draft', 'proposed', 'approved'],
  propose: ['draft'],
  approve: ['proposed'],
  start: ['approved'],
  complete: ['active'],
  cancel: ['draft', 'proposed', 'approved', 'active'],
  log: loggingStatuses,
}

const pastTense: Record<OperationAction, string> = {
  amend: 'amended', propose: 'proposed', approve: 'approved', start: 'started', complete: 'completed', cancel: 'cancelled', log: 'logged in',
}

/** The status an action leads to (approve: see `approvalOutcome`; amend: see `amendmentOutcome`). */
const nextStatus: Partial<Record<OperationAction, OperationStatus>> = { propose: 'proposed', start: 'active', complete: 'completed', cancel: 'cancelled' }

/** The outcome of a rule: allowed (with what follows), or the reason why not and the kind of refusal. */
export type Refusal = 'forbidden' | 'not-participant' | 'conflict' | 'stale-plan-revision' | 'approvals-pending'
export type Decision<T> = { allowed: true; value: T } | { allowed: false; problem: Refusal; reason: string }

const refuse = (problem: Refusal, reason: string) => ({ allowed: false as const, problem, reason })

/** A participant as the rules see it. */
export interface ParticipantState {
  organizationId: string
  role: ParticipantRole
}

/** An approval as the rules see it. */
export interface ApprovalState {
  organizationId: string
  planRevision: number
}

/** Who acts: an organization and a role. */
export interface ActorState {
  organizationId: string
  role: string
}

/** Roles that plan, propose, start, complete and cancel for the lead, and write the log for a participant. */
export const planningRoles: readonly string[] = ['commander', 'watch-officer', 'liaison-officer']

/** Whether `action` may be done to an operation in `status`, and the status that follows. */
export function transition(status: OperationStatus, action: Exclude<OperationAction, 'approve' | 'amend'>): Decision<OperationStatus> {
  if (!allowedFrom[action].includes(status)) return refuse('conflict', `A ${status} operation cannot be ${pastTense[action]} (only when ${allowedFrom[action].join(' or ')})`)
  return { allowed: true, value: nextStatus[action] ?? status }
}

/**
 * The organizations whose commander must approve the plan: the lead and every participant.
 * Coalition support is told and sees the plan, but commits no forces to it and does not approve.
 */
export function approvingOrganizations(participants: readonly ParticipantState[]): string[] {
  return participants.filter((participant) => participant.role !== 'support').map((participant) => participant.organizationId).sort()
}

/** The approving organizations that have not approved the plan revision `planRevision`. */
export function pendingApprovals(participants: readonly ParticipantState[], approvals: readonly ApprovalState[], planRevision: number): string[] {
  return approvingOrganizations(participants).filter((organization) => !approvals.some((approval) => approval.organizationId === organization && approval.planRevision === planRevision))
}

/** An operation as the rules see it. */
export interface OperationState {
  status: OperationStatus
  leadOrganizationId: string
  planRevision: number
  participants: readonly ParticipantState[]
  approvals: readonly ApprovalState[]
}

/**
 * Whether `actor` may approve revision `planRevision` of the operation, and whether the operation
 * is then approved (every approving organization has approved the current revision).
 */
export function approvalOutcome(operation: OperationState, actor: ActorState, planRevision: number): Decision<{ approved: boolean; pending: string[] }> {
  const participant = operation.participants.find((candidate) => candidate.organizationId === actor.organizationId)
  if (!participant) return refuse('not-participant', `${actor.organizationId} does not take part in this operation: only its participating organizations approve it`)
  if (participant.role === 'support') return refuse('forbidden', `${actor.organizationId} supports this operation: support is told of the plan and does not approve it`)
  if (actor.role !== 'commander') return refuse('forbidden', `Your role (${actor.role}) cannot approve an operation: a commander of ${actor.organizationId} does`)
  if (!allowedFrom.approve.includes(operation.status)) return refuse('conflict', `A ${operation.status} operation cannot be approved (only when proposed)`)
  if (planRevision !== operation.planRevision) {
    return refuse('stale-plan-revision', `You approved revision ${planRevision} of the plan; it is now at revision ${operation.planRevision}: read it again and approve what it says now`)
  }
  if (operation.approvals.some((approval) => approval.organizationId === actor.organizationId && approval.planRevision === planRevision)) {
    return refuse('conflict', `${actor.organizationId} has already approved revision ${planRevision} of the plan`)
  }
  const pending = pendingApprovals(operation.participants, [...operation.approvals, { organizationId: actor.organizationId, planRevision }], planRevision)
  return { allowed: true, value: { approved: pending.length === 0, pending } }
}

/** Whether the lead may start the operation: it must be approved, and every approval must be for the current plan. */
export function startOutcome(operation: OperationState): Decision<OperationStatus> {
  const pending = pendingApprovals(operation.participants, operation.approvals, operation.planRevision)
  if (operation.status === 'proposed' || (operation.status === 'approved' && pending.length > 0)) {
    return refuse('approvals-pending', `The operation cannot start before every participating organization approved revision ${operation.planRevision} of the plan; still to approve: ${pending.join(', ')}`)
  }
  return transition(operation.status, 'start')
}

/**
 * What an amendment does: a draft stays a draft at the same revision; after proposal the plan
 * revision goes up, earlier approvals stop counting and an approved operation is proposed again.
 */
export function amendmentOutcome(status: OperationStatus): Decision<{ status: OperationStatus; bumpRevision: boolean; approvalsVoided: boolean }> {
  if (!allowedFrom.amend.includes(status)) {
    return refuse('conflict', `A ${status} operation cannot be amended (only when ${allowedFrom.amend.join(' or ')})${status === 'active' ? ': record changes on the ground in the live log' : ''}`)
  }
  if (status === 'draft') return { allowed: true, value: { status, bumpRevision: false, approvalsVoided: false } }
  return { allowed: true, value: { status: 'proposed', bumpRevision: true, approvalsVoided: true } }
}

/** Whether `actor` may act for the lead (amend, propose, start, complete, cancel). */
export function leadActorDecision(operation: Pick<OperationState, 'leadOrganizationId'>, actor: ActorState, action: string): Decision<true> {
  if (actor.organizationId !== operation.leadOrganizationId) return refuse('forbidden', `Only the lead organization (${operation.leadOrganizationId}) may ${action} the operation`)
  if (!planningRoles.includes(actor.role)) return refuse('forbidden', `Your role (${actor.role}) cannot ${action} an operation: the lead's commander, watch or liaison officers do`)
  return { allowed: true, value: true }
}

/** Whether `actor` may write in the live log of the operation. */
export function logDecision(operation: Pick<OperationState, 'status' | 'participants'>, actor: ActorState): Decision<true> {
  if (!operation.participants.some((participant) => participant.organizationId === actor.organizationId)) {
    return refuse('not-participant', `${actor.organizationId} does not take part in this operation: only its participants write in its log`)
  }
  if (!planningRoles.includes(actor.role)) return refuse('forbidden', `Your role (${actor.role}) cannot write in an operation's log: commanders, watch and liaison officers do`)
  if (!loggingStatuses.includes(operation.status)) return refuse('conflict', `The log of a ${operation.status} operation is closed (it is open when ${loggingStatuses.join(' or ')})`)
  return { allowed: true, value: true }
}

/**
 * Whether the operation's release may become `after` (from `before`): it always includes the
 * participants; naming anyone beyond them widens it, which needs the lead's commander.
 */
export function releaseDecision(actor: ActorState, participants: readonly string[], before: readonly string[], after: readonly string[]): Decision<true> {
  const widened = after.filter((organization) => !before.includes(organization) && !participants.includes(organization))
  if (widened.length > 0 && actor.role !== 'commander') {
    return refuse('forbidden', `Releasing the operation beyond its participants (to ${widened.join(', ')}) needs a commander of ${actor.organizationId}`)
  }
  return { allowed: true, value: true }
}
