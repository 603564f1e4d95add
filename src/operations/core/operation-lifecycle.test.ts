import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  amendmentOutcome, approvalOutcome, approvingOrganizations, leadActorDecision, logDecision, pendingApprovals, releaseDecision, startOutcome, transition,
  type OperationState, type ParticipantState,
} from './operation-lifecycle.ts'

const participants: ParticipantState[] = [
  { organizationId: 'peshmerga', role: 'lead' },
  { organizationId: 'iraqi-army', role: 'participant' },
  { organizationId: 'coalition', role: 'support' },
]
const proposed: OperationState = { status: 'proposed', leadOrganizationId: 'peshmerga', planRevision: 2, participants, approvals: [] }
const commander = (organizationId: string) => ({ organizationId, role: 'commander' })

describe('the lifecycle of a joint operation', () => {
  test('the lead and every participant approve; coalition support does not', () => {
    assert.deepEqual(approvingOrganizations(participants), ['iraqi-army', 'peshmerga'])
    assert.deepEqual(pendingApprovals(participants, [{ organizationId: 'peshmerga', planRevision: 1 }], 2), ['iraqi-army', 'peshmerga'], 'an approval of an older revision does not count')
    assert.deepEqual(pendingApprovals(participants, [{ organizationId: 'peshmerga', planRevision: 2 }], 2), ['iraqi-army'])
  })

  test('the last commander to approve the current revision makes the operation approved', () => {
    const first = approvalOutcome(proposed, commander('peshmerga'), 2)
    assert.deepEqual(first, { allowed: true, value: { approved: false, pending: ['iraqi-army'] } })
    const last = approvalOutcome({ ...proposed, approvals: [{ organizationId: 'peshmerga', planRevision: 2 }] }, commander('iraqi-army'), 2)
    assert.deepEqual(last, { allowed: true, value: { approved: true, pending: [] } })
  })

  test('a non-commander, a non-participant, support, a stale revision, a repeated approval and a draft are refused, each for its reason', () => {
    const refusal = (outcome: ReturnType<typeof approvalOutcome>) => (outcome.allowed ? 'allowed' : outcome.problem)
    assert.equal(refusal(approvalOutcome(proposed, { organizationId: 'iraqi-army', role: 'liaison-officer' }, 2)), 'forbidden')
    assert.equal(refusal(approvalOutcome(proposed, commander('cts'), 2)), 'not-participant')
    assert.equal(refusal(approvalOutcome(proposed, commander('coalition'), 2)), 'forbidden')
    assert.equal(refusal(approvalOutcome(proposed, commander('iraqi-army'), 1)), 'stale-plan-revision')
    assert.equal(refusal(approvalOutcome({ ...proposed, approvals: [{ organizationId: 'iraqi-army', planRevision: 2 }] }, commander('iraqi-army'), 2)), 'conflict')
    assert.equal(refusal(approvalOutcome({ ...proposed, status: 'draft' }, commander('iraqi-army'), 2)), 'conflict')
    assert.equal(refusal(approvalOutcome({ ...proposed, status: 'active' }, commander('iraqi-army'), 2)), 'conflict')
  })

  test('the operation starts only when approved, with every approval for the current revision', () => {
    const early = startOutcome({ ...proposed, approvals: [{ organizationId: 'peshmerga', planRevision: 2 }] })
    assert.equal(early.allowed, false)
    assert.equal(!early.allowed && early.problem, 'approvals-pending')
    assert.match(!early.allowed ? early.reason : '', /still to approve: iraqi-army/)
    const approvals = [{ organizationId: 'peshmerga', planRevision: 2 }, { organizationId: 'iraqi-army', planRevision: 2 }]
    assert.deepEqual(startOutcome({ ...proposed, status: 'approved', approvals }), { allowed: true, value: 'active' })
    assert.equal(startOutcome({ ...proposed, status: 'draft' }).allowed, false)
  })

  test('an amendment after proposal bumps the revision and asks every approval again; an active or finished operation is not amended', () => {
    assert.deepEqual(amendmentOutcome('draft'), { allowed: true, value: { status: 'draft', bumpRevision: false, approvalsVoided: false } })
    assert.deepEqual(amendmentOutcome('proposed'), { allowed: true, value: { status: 'proposed', bumpRevision: true, approvalsVoided: true } })
    assert.deepEqual(amendmentOutcome('approved'), { allowed: true, value: { status: 'proposed', bumpRevision: true, approvalsVoided: true } })
    for (const status of ['active', 'completed', 'cancelled'] as const) assert.equal(amendmentOutcome(status).allowed, false, status)
  })

  test('draft → proposed → approved → active → completed, or cancelled before completion', () => {
    assert.deepEqual(transition('draft', 'propose'), { allowed: true, value: 'proposed' })
    assert.deepEqual(transition('active', 'complete'), { allowed: true, value: 'completed' })
    assert.deepEqual(transition('active', 'cancel'), { allowed: true, value: 'cancelled' })
    assert.equal(transition('proposed', 'propose').allowed, false)
    assert.equal(transition('approved', 'complete').allowed, false)
    assert.equal(transition('completed', 'cancel').allowed, false)
    assert.equal(transition('cancelled', 'cancel').allowed, false)
  })

  test('only the lead\'s planning officers act for the lead; participants\' officers write in an open log', () => {
    assert.equal(leadActorDecision({ leadOrganizationId: 'peshmerga' }, { organizationId: 'peshmerga', role: 'watch-officer' }, 'start').allowed, true)
    assert.equal(leadActorDecision({ leadOrganizationId: 'peshmerga' }, commander('iraqi-army'), 'start').allowed, false)
    assert.equal(leadActorDecision({ leadOrganizationId: 'peshmerga' }, { organizationId: 'peshmerga', role: 'analyst' }, 'start').allowed, false)
    const active = { status: 'active' as const, participants }
    assert.equal(logDecision(active, { organizationId: 'iraqi-army', role: 'liaison-officer' }).allowed, true)
    assert.equal(logDecision(active, { organizationId: 'coalition', role: 'viewer' }).allowed, false)
    const outsider = logDecision(active, { organizationId: 'cts', role: 'commander' })
    assert.equal(!outsider.allowed && outsider.problem, 'not-participant')
    assert.equal(logDecision({ status: 'proposed', participants }, commander('peshmerga')).allowed, false)
    assert.equal(logDecision({ status: 'completed', participants }, commander('peshmerga')).allowed, false)
  })

  test('releasing beyond the participants needs the lead\'s commander', () => {
    const all = ['coalition', 'iraqi-army', 'peshmerga']
    assert.equal(releaseDecision({ organizationId: 'peshmerga', role: 'watch-officer' }, all, ['peshmerga'], all).allowed, true)
    assert.equal(releaseDecision({ organizationId: 'peshmerga', role: 'watch-officer' }, all, ['peshmerga'], [...all, 'joc']).allowed, false)
    assert.equal(releaseDecision(commander('peshmerga'), all, ['peshmerga'], [...all, 'joc']).allowed, true)
    assert.equal(releaseDecision({ organizationId: 'peshmerga', role: 'watch-officer' }, all, [...all, 'joc'], [...all, 'joc']).allowed, true, 'keeping an earlier release is not widening')
  })
})
