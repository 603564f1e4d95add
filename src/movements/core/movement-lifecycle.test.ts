import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { movementStatuses, settledStatus, transition, type FindingState, type LifecycleAction, type MovementStatus, type PartyState } from './movement-lifecycle.ts'

const army = (answer: PartyState['answer'], affected = true): PartyState => ({ organizationId: 'iraqi-army', affected, answer })
const cts = (answer: PartyState['answer'], affected = true): PartyState => ({ organizationId: 'cts', affected, answer })
const armyArea: FindingState = { counterpartType: 'area', counterpartOrganizationId: 'iraqi-army' }
const armyMovement: FindingState = { counterpartType: 'movement', counterpartOrganizationId: 'iraqi-army' }
const ctsOperation: FindingState = { counterpartType: 'operation', counterpartOrganizationId: 'cts' }

describe('the status a waiting movement settles in', () => {
  const cases: Array<[string, PartyState[], FindingState[], ReturnType<typeof settledStatus>]> = [
    ['nobody affected: cleared at once', [], [], 'cleared'],
    ['an affected organization has not answered: submitted', [army(null)], [armyArea], 'submitted'],
    ['every affected organization acknowledged: cleared', [army('acknowledged'), cts('acknowledged')], [armyArea, ctsOperation], 'cleared'],
    ['one of two acknowledged: still submitted', [army('acknowledged'), cts(null)], [armyArea, { counterpartType: 'area', counterpartOrganizationId: 'cts' }], 'submitted'],
    ['an objection stands: conflicted', [army('objected'), cts('acknowledged')], [armyArea], 'conflicted'],
    ['an objection of an organization no longer affected does not stand', [army('objected', false), cts('acknowledged')], [{ counterpartType: 'area', counterpartOrganizationId: 'cts' }], 'cleared'],
    ['a nearby movement not acknowledged by its organization: conflicted', [army(null)], [armyMovement], 'conflicted'],
    ['a nearby movement acknowledged by its organization: resolved', [army('acknowledged')], [armyMovement], 'cleared'],
    ['a joint operation nearby is a conflict until acknowledged', [cts(null)], [ctsOperation], 'conflicted'],
    ['an organization told before but no longer affected need not answer', [army(null, false)], [], 'cleared'],
  ]
  for (const [name, parties, findings, expected] of cases) {
    test(name, () => assert.equal(settledStatus(parties, findings), expected))
  }
})

describe('the lifecycle of a movement', () => {
  const allowed: Array<[MovementStatus, LifecycleAction, MovementStatus]> = [
    ['draft', 'submit', 'cleared'],
    ['draft', 'amend', 'draft'],
    ['draft', 'cancel', 'cancelled'],
    ['draft', 'expire', 'expired'],
    ['submitted', 'answer', 'cleared'],
    ['submitted', 'amend', 'cleared'],
    ['submitted', 'cancel', 'cancelled'],
    ['submitted', 'expire', 'expired'],
    ['conflicted', 'reanalyse', 'cleared'],
    ['cleared', 'start', 'active'],
    ['active', 'complete', 'completed'],
    ['active', 'amend', 'active'],
    ['active', 'reanalyse', 'active'],
    ['active', 'cancel', 'cancelled'],
  ]
  for (const [from, action, to] of allowed) {
    test(`${action} takes a ${from} movement to ${to} (nobody affected)`, () => assert.deepEqual(transition(from, action), { allowed: true, status: to }))
  }

  const refused: Array<[MovementStatus, LifecycleAction]> = [
    ['submitted', 'submit'],
    ['submitted', 'start'],
    ['conflicted', 'start'],
    ['draft', 'start'],
    ['draft', 'answer'],
    ['cleared', 'complete'],
    ['active', 'answer'],
    ['active', 'expire'],
    ['completed', 'amend'],
    ['cancelled', 'amend'],
    ['expired', 'amend'],
    ['completed', 'cancel'],
    ['cancelled', 'start'],
    ['draft', 'reanalyse'],
  ]
  for (const [from, action] of refused) {
    test(`${action} is refused for a ${from} movement, with the reason`, () => {
      const outcome = transition(from, action)
      assert.equal(outcome.allowed, false)
      if (!outcome.allowed) assert.match(outcome.reason, new RegExp(`A ${from} movement cannot be`))
    })
  }

  test('submitting settles on the answers and findings: an unanswered crossing is submitted, a nearby movement conflicted', () => {
    assert.deepEqual(transition('draft', 'submit', { parties: [army(null)], findings: [armyArea] }), { allowed: true, status: 'submitted' })
    assert.deepEqual(transition('draft', 'submit', { parties: [army(null)], findings: [armyMovement] }), { allowed: true, status: 'conflicted' })
  })

  test('an objection after clearance brings the movement back to conflicted', () => {
    assert.deepEqual(transition('cleared', 'answer', { parties: [army('objected')], findings: [armyArea] }), { allowed: true, status: 'conflicted' })
  })

  test('no final status allows anything but nothing', () => {
    const actions: LifecycleAction[] = ['submit', 'amend', 'answer', 'reanalyse', 'start', 'complete', 'cancel', 'expire', 'remind']
    for (const status of movementStatuses.filter((s) => ['completed', 'cancelled', 'expired'].includes(s))) {
      for (const action of actions) assert.equal(transition(status, action).allowed, false, `${action} from ${status}`)
    }
  })
})
