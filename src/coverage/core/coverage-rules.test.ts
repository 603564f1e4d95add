import { test } from 'node:test'
import assert from 'node:assert/strict'
import { disclosedOrganizations, gapsToAlert, historyChanged, releasedToAll, totalsOf } from './coverage-rules.ts'
import type { MatchedPart } from './part-matching.ts'

const match = (index: number, status: MatchedPart['status'], newShare: number): MatchedPart => ({ index, previousId: status === 'new' ? null : 'x', status, newShare, firstSeenAt: null })

test('totals add gaps and overlaps separately', () => {
  assert.deepEqual(totalsOf([{ kind: 'gap', areaKm2: 2 }, { kind: 'overlap', areaKm2: 1.5 }, { kind: 'gap', areaKm2: 0.5 }]), { gapKm2: 2.5, gapCount: 2, overlapKm2: 1.5, overlapCount: 1 })
})

test('only new gaps at least as large as the threshold raise an alert', () => {
  const parts = [
    { kind: 'gap' as const, areaKm2: 5 }, // new and large: alert
    { kind: 'gap' as const, areaKm2: 0.4 }, // new but small
    { kind: 'gap' as const, areaKm2: 50 }, // an existing gap that changed a little
    { kind: 'overlap' as const, areaKm2: 30 }, // overlaps never alert
    { kind: 'gap' as const, areaKm2: 3 }, // a gap that grew from a small one: mostly new ground
    { kind: 'gap' as const, areaKm2: 1 }, // exactly the threshold
  ]
  const matches = [match(0, 'new', 1), match(1, 'new', 1), match(2, 'changed', 0.02), match(3, 'new', 1), match(4, 'new', 0.9), match(5, 'new', 1)]
  assert.deepEqual(gapsToAlert(parts, matches, 1), [parts[0], parts[4], parts[5]])
})

test('a split-off part of an existing gap does not alert: it was a gap already', () => {
  assert.deepEqual(gapsToAlert([{ kind: 'gap', areaKm2: 40 }], [match(0, 'new', 0)], 1), [])
})

test('the history gets a point when the total gap area or the number of gaps changes, or the joint security area appears or goes', () => {
  const at = (gapKm2: number, gapCount: number, hasJointSecurityArea = true) => ({ gapKm2, gapCount, hasJointSecurityArea })
  assert.equal(historyChanged(null, at(0, 0, false)), false, 'nothing to cover yet')
  assert.equal(historyChanged(null, at(0, 0)), true, 'the first computation of a covered area')
  assert.equal(historyChanged(at(10, 1), at(10, 1)), false)
  assert.equal(historyChanged(at(10, 1), at(10 + 1e-9, 1)), false, 'noise of the last digits')
  assert.equal(historyChanged(at(10, 1), at(12, 1)), true)
  assert.equal(historyChanged(at(10, 1), at(10, 2)), true)
  assert.equal(historyChanged(at(0, 0), at(0, 0, false)), true)
})

test('a reader sees named only the organizations of released areas', () => {
  const released = new Map([['a1', 'peshmerga'], ['a3', 'peshmerga']])
  assert.deepEqual(disclosedOrganizations(['a1', 'a2', 'a3'], released), ['peshmerga'])
  assert.deepEqual(disclosedOrganizations(['a2'], released), [])
})

test('live events name only organizations whose areas are released to every member', () => {
  const peshmerga = new Map([['p', 'peshmerga'], ['a', 'iraqi-army']])
  const army = new Map([['a', 'iraqi-army']])
  assert.deepEqual([...releasedToAll([peshmerga, army])], [['a', 'iraqi-army']])
  assert.deepEqual([...releasedToAll([])], [])
})
