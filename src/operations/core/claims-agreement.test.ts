import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { awaitingAgreement, completesRound, mayAgree, mayPropose, mayReopen, mayRecordClaims, resultsState, type OperationFacts, type ResultsActor, type RoundRecord } from './claims-agreement.ts'

const operation: OperationFacts = { status: 'active', leadOrganizationId: 'peshmerga', participants: ['peshmerga', 'iraqi-army'], supporters: ['coalition'] }
const peshCommander: ResultsActor = { organizationId: 'peshmerga', editor: true, commander: true }
const peshWatch: ResultsActor = { organizationId: 'peshmerga', editor: true, commander: false }
const peshAnalyst: ResultsActor = { organizationId: 'peshmerga', editor: false, commander: false }
const armyCommander: ResultsActor = { organizationId: 'iraqi-army', editor: true, commander: true }
const armyWatch: ResultsActor = { organizationId: 'iraqi-army', editor: true, commander: false }
const ctsCommander: ResultsActor = { organizationId: 'cts', editor: true, commander: true }
const coalitionCommander: ResultsActor = { organizationId: 'coalition', editor: true, commander: true }
const round = (number: number, status: RoundRecord['status'], agreedBy: string[] = [], reopened = false): RoundRecord => ({ round: number, status, agreedBy, reopened })
const refusal = (decision: ReturnType<typeof mayAgree>) => (decision.allowed ? 'allowed' : decision.code)

describe('the state of the rounds', () => {
  test('no round: nothing agreed, nothing locked, the first proposal is round 1', () => {
    assert.deepEqual(resultsState([], operation.participants), { openRound: null, agreedRound: null, locked: false, nextRound: 1 })
  })
  test('a round agreed by all is agreed and locks the figures', () => {
    assert.deepEqual(resultsState([round(1, 'superseded', ['peshmerga']), round(2, 'agreed', ['iraqi-army', 'peshmerga'])], operation.participants), { openRound: null, agreedRound: 2, locked: true, nextRound: 3 })
  })
  test('after a reopening the last agreed figures stay agreed, unlocked, until a new round is agreed by all', () => {
    const reopened = [round(1, 'agreed', ['iraqi-army', 'peshmerga'], true)]
    assert.deepEqual(resultsState(reopened, operation.participants), { openRound: null, agreedRound: 1, locked: false, nextRound: 2 })
    const proposed = [...reopened, round(2, 'proposed', ['peshmerga'])]
    assert.deepEqual(resultsState(proposed, operation.participants), { openRound: 2, agreedRound: 1, locked: false, nextRound: 3 })
  })
  test('a round marked agreed but lacking a current participant\'s agreement is not shown as agreed', () => {
    assert.deepEqual(resultsState([round(1, 'agreed', ['peshmerga', 'iraqi-army'])], ['peshmerga', 'iraqi-army', 'cts']), { openRound: null, agreedRound: null, locked: false, nextRound: 2 })
  })
  test('who is still awaited, and when the last agreement completes the round', () => {
    assert.deepEqual(awaitingAgreement(['peshmerga'], operation.participants), ['iraqi-army'])
    assert.equal(completesRound(['peshmerga'], operation.participants), false)
    assert.equal(completesRound(['iraqi-army', 'peshmerga'], operation.participants), true)
    assert.equal(completesRound([], []), false)
  })
})

describe('recording claims', () => {
  const open = resultsState([], operation.participants)
  const locked = resultsState([round(1, 'agreed', ['peshmerga', 'iraqi-army'])], operation.participants)
  const cases: Array<[string, ResultsActor, string, OperationFacts, ReturnType<typeof resultsState>, string]> = [
    ['a watch officer for its own organization', peshWatch, 'peshmerga', operation, open, 'allowed'],
    ['a non-participant', ctsCommander, 'cts', operation, open, 'not-participant'],
    ['coalition support (commits no forces)', coalitionCommander, 'coalition', operation, open, 'forbidden'],
    ['a participant for another organization', armyCommander, 'peshmerga', operation, open, 'forbidden'],
    ['an analyst', peshAnalyst, 'peshmerga', operation, open, 'forbidden'],
    ['while the plan is only proposed', peshWatch, 'peshmerga', { ...operation, status: 'proposed' }, open, 'conflict'],
    ['once the operation is cancelled', peshWatch, 'peshmerga', { ...operation, status: 'cancelled' }, open, 'conflict'],
    ['once approved (before a start is marked)', peshWatch, 'peshmerga', { ...operation, status: 'approved' }, open, 'allowed'],
    ['once completed', peshWatch, 'peshmerga', { ...operation, status: 'completed' }, open, 'allowed'],
    ['while the figures are locked', peshCommander, 'peshmerga', operation, locked, 'locked'],
  ]
  for (const [name, actor, organizationId, facts, state, expected] of cases) {
    test(`${name}: ${expected}`, () => assert.equal(refusal(mayRecordClaims(actor, organizationId, facts, state)), expected))
  }
})

describe('proposing, agreeing, reopening', () => {
  const rounds = [round(1, 'superseded', ['iraqi-army']), round(2, 'proposed', ['peshmerga'])]
  const state = resultsState(rounds, operation.participants)
  test('figures are proposed by the lead\'s editors or any participant\'s commander', () => {
    assert.equal(refusal(mayPropose(peshWatch, operation, state)), 'allowed')
    assert.equal(refusal(mayPropose(armyCommander, operation, state)), 'allowed')
    assert.equal(refusal(mayPropose(armyWatch, operation, state)), 'forbidden')
    assert.equal(refusal(mayPropose(peshAnalyst, operation, state)), 'forbidden')
    assert.equal(refusal(mayPropose(ctsCommander, operation, state)), 'not-participant')
    assert.equal(refusal(mayPropose(peshCommander, operation, resultsState([round(1, 'agreed', ['iraqi-army', 'peshmerga'])], operation.participants))), 'locked')
  })
  test('a commander of a participant agrees to the open round only, once', () => {
    assert.equal(refusal(mayAgree(armyCommander, 2, operation, rounds, state)), 'allowed')
    assert.equal(refusal(mayAgree(peshCommander, 2, operation, rounds, state)), 'conflict')
    assert.equal(refusal(mayAgree(armyCommander, 1, operation, rounds, state)), 'stale-round')
    assert.equal(refusal(mayAgree(armyCommander, 3, operation, rounds, state)), 'not-found')
    assert.equal(refusal(mayAgree(armyWatch, 2, operation, rounds, state)), 'forbidden')
    assert.equal(refusal(mayAgree(ctsCommander, 2, operation, rounds, state)), 'not-participant')
    assert.equal(refusal(mayAgree(coalitionCommander, 2, operation, rounds, state)), 'forbidden')
    assert.equal(refusal(mayAgree(armyCommander, 2, { ...operation, status: 'cancelled' }, rounds, state)), 'conflict')
  })
  test('agreeing again to locked figures says locked; to a reopened round, stale', () => {
    const agreed = [round(1, 'agreed', ['iraqi-army', 'peshmerga'])]
    assert.equal(refusal(mayAgree(armyCommander, 1, operation, agreed, resultsState(agreed, operation.participants))), 'locked')
    const reopened = [round(1, 'agreed', ['iraqi-army', 'peshmerga'], true)]
    assert.equal(refusal(mayAgree(armyCommander, 1, operation, reopened, resultsState(reopened, operation.participants))), 'stale-round')
  })
  test('a commander reopens locked figures; nothing else can be reopened', () => {
    const locked = resultsState([round(1, 'agreed', ['iraqi-army', 'peshmerga'])], operation.participants)
    assert.equal(refusal(mayReopen(armyCommander, operation, locked)), 'allowed')
    assert.equal(refusal(mayReopen(armyWatch, operation, locked)), 'forbidden')
    assert.equal(refusal(mayReopen(ctsCommander, operation, locked)), 'not-participant')
    assert.equal(refusal(mayReopen(armyCommander, operation, state)), 'conflict')
  })
})

describe('agreement properties', () => {
  const participants = ['peshmerga', 'iraqi-army', 'cts']
  const roundsArbitrary = fc.array(fc.record({
    status: fc.constantFrom('proposed', 'agreed', 'superseded') as fc.Arbitrary<RoundRecord['status']>,
    agreedBy: fc.subarray(participants),
    reopened: fc.boolean(),
  }), { maxLength: 6 }).map((records) => records.map((record, index): RoundRecord => {
    // As stored: only the latest round can still be collecting agreements (a proposal supersedes it).
    const status = record.status === 'proposed' && index < records.length - 1 ? 'superseded' : record.status
    return { ...record, status, round: index + 1, reopened: status === 'agreed' && record.reopened }
  }))

  test('nothing is shown as agreed, nor locked, that a commander of every participant did not agree to', () => {
    fc.assert(fc.property(roundsArbitrary, (rounds) => {
      const state = resultsState(rounds, participants)
      if (state.agreedRound !== null) {
        const agreed = rounds.find((record) => record.round === state.agreedRound)!
        assert.equal(agreed.status, 'agreed')
        assert.ok(participants.every((id) => agreed.agreedBy.includes(id)))
      }
      if (state.locked) assert.notEqual(state.agreedRound, null)
    }))
  })
  test('while locked, no claims or figures change and no agreement is taken; only a reopening is', () => {
    fc.assert(fc.property(roundsArbitrary, fc.constantFrom(peshCommander, armyCommander, peshWatch), (rounds, actor) => {
      const state = resultsState(rounds, participants)
      const facts = { ...operation, participants, supporters: [] }
      if (!state.locked) return
      assert.equal(refusal(mayRecordClaims(actor, actor.organizationId, facts, state)), 'locked')
      assert.equal(refusal(mayPropose(actor, facts, state)), 'locked')
      for (const record of rounds) assert.notEqual(refusal(mayAgree(actor, record.round, facts, rounds, state)), 'allowed')
      assert.equal(refusal(mayReopen(actor, facts, state)), actor.commander ? 'allowed' : 'forbidden')
    }))
  })
})
