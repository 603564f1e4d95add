/**
 * Which actions the board offers the signed-in user: the server's rules
 * (src/operations/core/operation-lifecycle.ts, claims-agreement.ts) seen from the screen. The
 * server decides in the end; these only keep buttons that would be refused off the screen.
 */
import { loggingStatuses, planningRoles } from '../../../../src/operations/core/operation-lifecycle.ts'
import { resultStatuses } from '../../../../src/operations/core/claims-agreement.ts'
import type { User } from '../../api/server-types.ts'
import type { Operation, OperationResults } from './operations-endpoints.ts'

export interface BoardPermissions {
  /** Acts for the lead: propose, start, complete, cancel. */
  lead: boolean
  propose: boolean
  /** Approves the current plan revision for its organization. */
  approve: boolean
  start: boolean
  complete: boolean
  cancel: boolean
  log: boolean
  /** Records its organization's claims. */
  claim: boolean
  proposeFigures: boolean
  agree: boolean
  reopen: boolean
}

const isPlanner = (user: User) => planningRoles.includes(user.role)

export function boardPermissions(user: User, operation: Operation, results: OperationResults | null): BoardPermissions {
  const status = operation.status
  const lead = user.organizationId === operation.organizationId && isPlanner(user)
  const mine = operation.participants.find((participant) => participant.organizationId === user.organizationId)
  const party = mine !== undefined && mine.role !== 'support'
  const commanderOfParty = party && user.role === 'commander'
  const resultsOpen = (resultStatuses as readonly string[]).includes(status)
  const locked = results?.locked ?? false
  const openRound = results?.rounds.find((round) => round.round === results.openRound) ?? null
  return {
    lead,
    propose: lead && status === 'draft',
    approve: status === 'proposed' && commanderOfParty && mine.approves && mine.approval === null,
    start: lead && status === 'approved',
    complete: lead && status === 'active',
    cancel: lead && status !== 'completed' && status !== 'cancelled',
    log: mine !== undefined && isPlanner(user) && loggingStatuses.includes(status),
    claim: party && isPlanner(user) && resultsOpen && !locked,
    proposeFigures: resultsOpen && !locked && (commanderOfParty || lead),
    agree: commanderOfParty && openRound !== null && !openRound.agreements.some((agreement) => agreement.organizationId === user.organizationId),
    reopen: commanderOfParty && locked,
  }
}

/** Whether the user may draft a new operation (its organization leads it). */
export const mayPlan = (user: User) => isPlanner(user)
