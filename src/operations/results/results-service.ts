/**
 * The results of a joint operation: each participant records what it claims, the claims are shown
 * side by side with every discrepancy marked, and the figures are agreed in rounds by a commander
 * of each participant, then locked. The rules are in ../core/claims-agreement.ts; every change is
 * audited in its transaction and published live after commit to everyone the operation is
 * released to (layer 'operation-results', one object per operation, id = the operation's id).
 * When the operation itself changes (its status, its release), the results are published again
 * from the operations' own bus events, so that whoever lost sight of the operation drops them too.
 */
import type { Database, Queryable } from '../../platform/database/database.ts'
import { actorOf, pictureEditorRoles, type Principal } from '../../platform/auth/principal.ts'
import type { EventBus } from '../../platform/event-bus.ts'
import { TansiqError } from '../../platform/errors.ts'
import { appendAuditEntry } from '../../audit/audit-log.ts'
import type { PictureChange } from '../../live/picture-change.ts'
import type { Viewer } from '../../releasability/released-store.ts'
import { reconcileClaims } from '../core/claims-reconciliation.ts'
import { compareResults, type ClaimedResult } from '../core/claims-vocabulary.ts'
import {
  awaitingAgreement, completesRound, mayAgree, mayPropose, mayRecordClaims, mayReopen, resultsState, resultStatuses,
  type Decision, type OperationFacts, type ResultsActor, type ResultsState, type RoundRecord,
} from '../core/claims-agreement.ts'
import type { AgreedResults, LiveOperationResults, OperationResults, ProposeFiguresInput, RecordClaimsInput, ReopenInput, RoundView } from './results-schemas.ts'
import { approvingOrganizations } from '../core/operation-lifecycle.ts'
import * as store from './results-store.ts'

export type OperationResultsService = ReturnType<typeof createOperationResultsService>

const sorted = (results: readonly ClaimedResult[]) => [...results].sort(compareResults)

function enforce(decision: Decision): void {
  if (!decision.allowed) throw new TansiqError(decision.code, decision.reason)
}

function resultsActorOf(principal: Principal): ResultsActor {
  return { organizationId: principal.organizationId, editor: pictureEditorRoles.includes(principal.role), commander: principal.role === 'commander' }
}

const roundRecord = (round: store.StoredRound): RoundRecord => ({
  round: round.round, status: round.status, reopened: round.reopened !== null, agreedBy: round.agreements.map((agreement) => agreement.organizationId),
})

/** Everything a read or a write of one operation's results works from. */
interface ResultsContext {
  operation: store.ResultsOperation
  /** The parties to the results (the lead first, then the participants; support is not one). */
  participants: Array<{ organizationId: string; role: 'lead' | 'participant' | 'support' }>
  participantIds: string[]
  rounds: store.StoredRound[]
  records: RoundRecord[]
  state: ResultsState
  facts: OperationFacts
}

async function contextOf(database: Queryable, operation: store.ResultsOperation): Promise<ResultsContext> {
  const all = await store.participantsOf(database, operation.id)
  // The parties to the results are those that approve the plan (support commits no forces).
  const parties = new Set(approvingOrganizations(all))
  const participants = all.filter((participant) => parties.has(participant.organizationId))
  const participantIds = participants.map((participant) => participant.organizationId)
  const rounds = await store.roundsOf(database, operation.id)
  const records = rounds.map(roundRecord)
  return {
    operation, participants, participantIds, rounds, records,
    state: resultsState(records, participantIds),
    facts: {
      status: operation.status, leadOrganizationId: operation.organization_id, participants: participantIds,
      supporters: all.filter((participant) => !parties.has(participant.organizationId)).map((participant) => participant.organizationId),
    },
  }
}

/** The results of an operation the caller has already read through its release. */
async function resultsView(database: Queryable, context: ResultsContext): Promise<OperationResults> {
  const { operation, participants, participantIds, rounds, state } = context
  const claims = await store.claimsOf(database, operation.id)
  const roundView = (round: store.StoredRound): RoundView => ({
    ...round,
    figures: sorted(round.figures),
    awaiting: round.status === 'proposed' ? awaitingAgreement(round.agreements.map((agreement) => agreement.organizationId), participantIds) : [],
  })
  const agreed = rounds.find((round) => round.round === state.agreedRound)
  return {
    operationId: operation.id,
    operationStatus: operation.status,
    participants: participants.map((participant) => {
      const claim = claims.get(participant.organizationId)
      return { ...participant, claims: claim ? { results: sorted(claim.results), recordedAt: claim.recordedAt, recordedBy: claim.recordedBy, version: claim.version } : null }
    }),
    claims: reconcileClaims(participants.map((participant) => ({ organizationId: participant.organizationId, results: claims.get(participant.organizationId)?.results ?? null }))),
    agreed: agreed ? roundView(agreed) : null,
    locked: state.locked,
    openRound: state.openRound,
    rounds: rounds.map(roundView),
  }
}

/** The results of an operation already read through its release, as the live layer carries them. */
export async function liveResultsOf(database: Queryable, operation: store.ResultsOperation): Promise<LiveOperationResults> {
  return { id: operation.id, roomId: operation.room_id, ...(await resultsView(database, await contextOf(database, operation))) }
}

/** Reads an operation's results for a viewer; not-found when the operation is not released to it. */
export async function readOperationResults(database: Queryable, viewer: Viewer, operationId: string): Promise<OperationResults> {
  const operation = await store.visibleOperation(database, viewer, operationId)
  if (!operation) throw new TansiqError('not-found', `No operation ${operationId}`)
  return resultsView(database, await contextOf(database, operation))
}

/** Builds the operation results capability. */
export function createOperationResultsService(options: { database: Database; bus: EventBus<PictureChange>; clock?: () => Date }) {
  const { database, bus } = options
  const clock = options.clock ?? (() => new Date())

  /**
   * Runs one change: the operation locked (it must be released to the principal), the rules asked
   * by `work`, the writes and their audit entries in one transaction; then the results are
   * published live and returned.
   */
  async function change(principal: Principal, operationId: string, work: (transaction: Queryable, context: ResultsContext, now: Date) => Promise<void>): Promise<OperationResults> {
    const now = clock()
    const operation = await database.transaction(async (transaction) => {
      const locked = await store.visibleOperation(transaction, principal, operationId, true)
      if (!locked) throw new TansiqError('not-found', `No operation ${operationId}`)
      await work(transaction, await contextOf(transaction, locked), now)
      return locked
    })
    // Read again after commit, as the lead sees it (the results are the same for every reader).
    const current = (await store.visibleOperation(database, { organizationId: operation.organization_id }, operationId)) ?? operation
    const live = await liveResultsOf(database, current)
    bus.publish({
      layer: 'operation-results',
      kind: 'upsert',
      id: operationId,
      releasedTo: current.released_to,
      roomIds: [current.room_id],
      bbox: await store.operationBounds(database, operationId),
      data: live,
    })
    const { id: _id, roomId: _roomId, ...results } = live
    return results
  }

  // Republishing after a change of the operation itself (told by the operations service through
  // operationChanged, whether or not the operation has map features): coalesced per operation,
  // one at a time.
  let queue: Promise<void> = Promise.resolve()
  const pending = new Map<string, Set<string>>()
  function republishLater(operationId: string, previouslyReleasedTo: readonly string[]): void {
    const known = pending.get(operationId)
    if (known) {
      for (const organization of previouslyReleasedTo) known.add(organization)
      return
    }
    pending.set(operationId, new Set(previouslyReleasedTo))
    queue = queue.then(async () => {
      const previously = [...(pending.get(operationId) ?? [])]
      pending.delete(operationId)
      await republish(operationId, previously)
    }).catch((error: unknown) => console.error('operation results: republishing failed', error))
  }

  async function republish(operationId: string, previouslyReleasedTo: readonly string[]): Promise<void> {
    const [row] = await database.query<{ organization_id: string }>('select organization_id from operations where id = $1', [operationId])
    if (!row) return
    // Read as the lead, which always sees its operation (the results are the same for every reader).
    const operation = await store.visibleOperation(database, { organizationId: row.organization_id }, operationId)
    if (!operation) return
    const lost = previouslyReleasedTo.filter((organization) => !operation.released_to.includes(organization))
    if ((resultStatuses as readonly string[]).includes(operation.status)) {
      bus.publish({
        layer: 'operation-results', kind: 'upsert', id: operationId, releasedTo: operation.released_to, ...(lost.length > 0 ? { previouslyReleasedTo } : {}),
        roomIds: [operation.room_id], bbox: await store.operationBounds(database, operationId), data: await liveResultsOf(database, operation),
      })
    } else {
      // Cancelled, or back to a plan awaiting approval: the layer shows no results for it (a spurious removal is harmless).
      bus.publish({ layer: 'operation-results', kind: 'delete', id: operationId, releasedTo: [], previouslyReleasedTo: [...new Set([...previouslyReleasedTo, ...operation.released_to])], roomIds: [operation.room_id], bbox: null, data: null })
    }
  }

  function audit(transaction: Queryable, principal: Principal, requestId: string, context: ResultsContext, action: string, detail: Record<string, unknown>) {
    return appendAuditEntry(transaction, actorOf(principal, requestId), {
      action: `operation-results.${action}`, objectType: 'operation', objectId: context.operation.id, change: detail, visibleTo: [...context.operation.released_to],
    })
  }

  return {
    /** An operation changed (plan, status or release): its results are published again, or removed. */
    operationChanged: (operationId: string, previouslyReleasedTo: readonly string[]): void => republishLater(operationId, previouslyReleasedTo),
    /** Resolves once the republications queued so far are published (tests, shutdown). */
    settled: async (): Promise<void> => {
      for (let previous: Promise<void> | null = null; previous !== queue;) {
        previous = queue
        await queue
      }
    },

    /** The claims side by side, the rounds and the agreed figures of an operation released to the viewer. */
    get: (viewer: Viewer, operationId: string): Promise<OperationResults> => readOperationResults(database, viewer, operationId),

    /**
     * For the after-action report and the joint statement: the figures agreed by every participant
     * (or null), whether they are locked, and the claims table.
     */
    async agreedResultsOf(viewer: Viewer, operationId: string): Promise<AgreedResults> {
      const results = await readOperationResults(database, viewer, operationId)
      const agreed = results.agreed
      return {
        operationId,
        agreed: agreed && { round: agreed.round, figures: agreed.figures, agreedAt: agreed.closedAt!, agreements: agreed.agreements },
        locked: results.locked,
        claims: results.claims,
      }
    },

    /** Records (replaces) the claims of the principal's own participating organization. */
    recordClaims: (principal: Principal, operationId: string, organizationId: string, input: RecordClaimsInput, requestId: string): Promise<OperationResults> =>
      change(principal, operationId, async (transaction, context, now) => {
        enforce(mayRecordClaims(resultsActorOf(principal), organizationId, context.facts, context.state))
        const stored = await store.claimsVersion(transaction, operationId, organizationId)
        if (input.version !== undefined && input.version !== stored) {
          throw new TansiqError('conflict', `Your organization's claims changed since version ${input.version} (now ${stored}); reload and try again`)
        }
        const results = sorted(input.results)
        const version = await store.replaceClaims(transaction, operationId, organizationId, principal, results, now)
        await audit(transaction, principal, requestId, context, 'claims-recorded', { organizationId, results, version })
      }),

    /** Proposes figures for agreement: a new round, replacing one still collecting agreements. */
    propose: (principal: Principal, operationId: string, input: ProposeFiguresInput, requestId: string): Promise<OperationResults> =>
      change(principal, operationId, async (transaction, context, now) => {
        enforce(mayPropose(resultsActorOf(principal), context.facts, context.state))
        const superseded = await store.supersedeOpenRound(transaction, operationId, now)
        const figures = sorted(input.figures)
        const round = context.state.nextRound
        await store.insertRound(transaction, operationId, round, principal, figures, input.note ?? '', now)
        await audit(transaction, principal, requestId, context, 'figures-proposed', { round, figures, note: input.note ?? '', supersededRound: superseded })
      }),

    /** A commander agrees, for its organization, to round `round`; the last agreement locks the figures. */
    agree: (principal: Principal, operationId: string, round: number, requestId: string): Promise<OperationResults> =>
      change(principal, operationId, async (transaction, context, now) => {
        enforce(mayAgree(resultsActorOf(principal), round, context.facts, context.records, context.state))
        const target = context.rounds.find((candidate) => candidate.round === round)!
        await store.insertAgreement(transaction, operationId, round, principal, now)
        // The audit entry names the round and its figures: what exactly this commander agreed to.
        await audit(transaction, principal, requestId, context, 'agreed', { round, organizationId: principal.organizationId, figures: sorted(target.figures) })
        const agreedBy = [...target.agreements.map((agreement) => agreement.organizationId), principal.organizationId]
        if (completesRound(agreedBy, context.participantIds)) {
          await store.markAgreed(transaction, operationId, round, now)
          await audit(transaction, principal, requestId, context, 'locked', { round, figures: sorted(target.figures), agreedBy: [...agreedBy].sort() })
        }
      }),

    /** A commander reopens locked figures with a reason: a change now needs a new round agreed by all. */
    reopen: (principal: Principal, operationId: string, input: ReopenInput, requestId: string): Promise<OperationResults> =>
      change(principal, operationId, async (transaction, context, now) => {
        enforce(mayReopen(resultsActorOf(principal), context.facts, context.state))
        const round = context.state.agreedRound!
        await store.markReopened(transaction, operationId, round, principal, input.reason, now)
        await audit(transaction, principal, requestId, context, 'reopened', { round, reason: input.reason })
      }),
  }
}
