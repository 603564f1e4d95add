// Who may record, propose, agree and reopen the results of a joint operation, and what state the
// rounds of agreement are in. Pure: the service loads the operation, its participants and rounds,
// asks these rules, and writes only when they allow it.
//
// - Claims: an editor (commander, watch or liaison officer) of a participating organization, for
//   its own organization only, while the operation is approved, active or completed, and not while
//   the figures are locked.
// - Proposal of figures (a new round): an editor of the lead organization, or a commander of any
//   participant; a proposal replaces a round still collecting agreements (whose agreements then
//   no longer count). Not while locked.
// - Agreement: a commander of each participating organization, to the open round by number.
//   When all have agreed, the round is agreed and the figures are locked.
// - The parties to the results are the organizations that approve the plan: the lead and the
//   participants. Coalition support commits no forces (liaison and information only), so it
//   neither claims results nor agrees figures; it sees them like the operation.
// - Reopening: a commander of a participant, with a reason, while locked. The last agreed figures
//   stay what is shown as agreed until a new round is agreed by all.

/** Statuses of an operation in which results are recorded and agreed. Approved counts: a start is not always marked in Tansiq before the first results come in. */
export const resultStatuses = ['approved', 'active', 'completed'] as const

export type RoundStatus = 'proposed' | 'agreed' | 'superseded'

/** A round as the rules need it. */
export interface RoundRecord {
  readonly round: number
  readonly status: RoundStatus
  readonly reopened: boolean
  /** Organizations whose commander agreed to this round. */
  readonly agreedBy: readonly string[]
}

/** The state of the results: the open round, the figures shown as agreed, and whether they are locked. */
export interface ResultsState {
  /** The round collecting agreements, if any. */
  readonly openRound: number | null
  /** The latest round agreed by every current participant: the figures shown as agreed (none when null). */
  readonly agreedRound: number | null
  /** The agreed round is the latest round and was not reopened: claims and figures may not change. */
  readonly locked: boolean
  /** The number a new proposal gets. */
  readonly nextRound: number
}

const agreedByAll = (round: RoundRecord, participants: readonly string[]) => participants.length > 0 && participants.every((id) => round.agreedBy.includes(id))

/**
 * The state of the rounds for the current participants. A round counts as agreed only when a
 * commander of every current participant agreed to it: nothing is shown as agreed that was not
 * agreed by all (should the participants ever change after an agreement, it no longer counts).
 */
export function resultsState(rounds: readonly RoundRecord[], participants: readonly string[]): ResultsState {
  const latest = rounds.reduce((max, round) => Math.max(max, round.round), 0)
  const open = rounds.find((round) => round.status === 'proposed') ?? null
  const agreed = rounds.filter((round) => round.status === 'agreed' && agreedByAll(round, participants)).sort((a, b) => b.round - a.round)[0] ?? null
  return {
    openRound: open?.round ?? null,
    agreedRound: agreed?.round ?? null,
    locked: agreed !== null && agreed.round === latest && !agreed.reopened,
    nextRound: latest + 1,
  }
}

/** Whoever acts, as the rules need them. */
export interface ResultsActor {
  readonly organizationId: string
  /** A picture editor: commander, watch officer or liaison officer. */
  readonly editor: boolean
  readonly commander: boolean
}

/** The operation, as the rules need it. */
export interface OperationFacts {
  readonly status: string
  readonly leadOrganizationId: string
  /** The lead and the participants: the parties that claim and agree. */
  readonly participants: readonly string[]
  /** Organizations supporting the operation (coalition support). */
  readonly supporters: readonly string[]
}

/** Codes of the error registry the rules refuse with. */
export type RefusalCode = 'forbidden' | 'not-participant' | 'conflict' | 'locked' | 'stale-round' | 'not-found'
export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly code: RefusalCode; readonly reason: string }

const allow: Decision = { allowed: true }
const refuse = (code: RefusalCode, reason: string): Decision => ({ allowed: false, code, reason })

function participation(actor: ResultsActor, operation: OperationFacts): Decision | null {
  if (operation.supporters.includes(actor.organizationId)) return refuse('forbidden', `${actor.organizationId} supports this operation: support commits no forces, so it neither claims results nor agrees figures`)
  if (!operation.participants.includes(actor.organizationId)) return refuse('not-participant', `${actor.organizationId} does not take part in this operation: only its participants (${operation.participants.join(', ')}) record and agree its results`)
  return null
}

function statusAllows(operation: OperationFacts, doing: string): Decision | null {
  if (!(resultStatuses as readonly string[]).includes(operation.status)) return refuse('conflict', `The operation is ${operation.status}: results are ${doing} only once it is approved (approved, active or completed)`)
  return null
}

function notLocked(state: ResultsState, doing: string): Decision | null {
  if (state.locked) return refuse('locked', `The figures of round ${state.agreedRound} are agreed by all and locked: ${doing} needs a new round (a commander reopens them with a reason)`)
  return null
}

/** May `actor` record the claims of `organizationId`? */
export function mayRecordClaims(actor: ResultsActor, organizationId: string, operation: OperationFacts, state: ResultsState): Decision {
  return participation(actor, operation)
    ?? (organizationId !== actor.organizationId ? refuse('forbidden', `You record the claims of your own organization (${actor.organizationId}), not those of ${organizationId}`) : null)
    ?? (!actor.editor ? refuse('forbidden', 'Your role cannot record results: a commander, watch officer or liaison officer of your organization does') : null)
    ?? statusAllows(operation, 'recorded')
    ?? notLocked(state, 'changing the claims')
    ?? allow
}

/** May `actor` propose figures for agreement (a new round)? */
export function mayPropose(actor: ResultsActor, operation: OperationFacts, state: ResultsState): Decision {
  return participation(actor, operation)
    ?? (!(actor.commander || (actor.editor && actor.organizationId === operation.leadOrganizationId))
      ? refuse('forbidden', `Figures are proposed by a commander of a participant or an editor of the lead organization (${operation.leadOrganizationId})`) : null)
    ?? statusAllows(operation, 'agreed')
    ?? notLocked(state, 'changing the figures')
    ?? allow
}

/** May `actor` agree, for its organization, to round `round`? */
export function mayAgree(actor: ResultsActor, round: number, operation: OperationFacts, rounds: readonly RoundRecord[], state: ResultsState): Decision {
  const target = rounds.find((record) => record.round === round)
  return participation(actor, operation)
    ?? (!actor.commander ? refuse('forbidden', 'Only a commander agrees the figures for an organization') : null)
    ?? statusAllows(operation, 'agreed')
    ?? (!target ? refuse('not-found', `No round ${round} of figures has been proposed`) : null)
    ?? (target!.status === 'agreed' && state.locked && state.agreedRound === round ? refuse('locked', `Round ${round} is already agreed by all and locked`) : null)
    ?? (state.openRound !== round
      ? refuse('stale-round', state.openRound === null
        ? `Round ${round} is no longer open and no round is collecting agreements`
        : `Round ${round} is no longer open: round ${state.openRound} replaced it; agree to that one`) : null)
    ?? (target!.agreedBy.includes(actor.organizationId) ? refuse('conflict', `${actor.organizationId} has already agreed to round ${round}`) : null)
    ?? allow
}

/** May `actor` reopen the locked figures? */
export function mayReopen(actor: ResultsActor, operation: OperationFacts, state: ResultsState): Decision {
  return participation(actor, operation)
    ?? (!actor.commander ? refuse('forbidden', 'Only a commander of a participant reopens agreed figures') : null)
    ?? statusAllows(operation, 'agreed')
    ?? (!state.locked ? refuse('conflict', state.openRound !== null ? `The figures are not locked: round ${state.openRound} is collecting agreements` : 'The figures are not locked: there is nothing to reopen') : null)
    ?? allow
}

/** Whether an agreement completes its round: every participant has then agreed. */
export function completesRound(agreedBy: readonly string[], participants: readonly string[]): boolean {
  return participants.length > 0 && participants.every((id) => agreedBy.includes(id))
}

/** The participants that have not agreed to a round yet. */
export function awaitingAgreement(agreedBy: readonly string[], participants: readonly string[]): string[] {
  return participants.filter((id) => !agreedBy.includes(id))
}
