import { test } from 'node:test'
import assert from 'node:assert/strict'
import { matchParts, type NextPart, type PreviousPart } from './part-matching.ts'

const seen = new Date('2025-03-01T06:00:00Z')
const gap = (id: string, areaKm2: number, organizationIds: string[] = ['iraqi-army', 'peshmerga']): PreviousPart => ({ id, kind: 'gap', areaKm2, organizationIds, areaIds: organizationIds.map((o) => `${o}-area`), firstSeenAt: seen })
const next = (areaKm2: number, shared: NextPart['shared'], organizationIds: string[] = ['iraqi-army', 'peshmerga'], kind: NextPart['kind'] = 'gap'): NextPart => ({ kind, areaKm2, organizationIds, areaIds: organizationIds.map((o) => `${o}-area`), shared })

test('the same polygon with the same neighbours is unchanged and keeps its id and first sighting', () => {
  const matching = matchParts([gap('a', 100)], [next(100, [{ previousId: 'a', sharedKm2: 100 }])])
  assert.deepEqual(matching.parts, [{ index: 0, previousId: 'a', status: 'unchanged', newShare: 0, firstSeenAt: seen }])
  assert.deepEqual(matching.removedIds, [])
  assert.equal(matching.changed, false)
})

test('a gap that shrank a little is the same gap, changed, and not new', () => {
  const matching = matchParts([gap('a', 100)], [next(90, [{ previousId: 'a', sharedKm2: 90 }])])
  assert.equal(matching.parts[0]!.previousId, 'a')
  assert.equal(matching.parts[0]!.status, 'changed')
  assert.equal(matching.parts[0]!.newShare, 0)
  assert.equal(matching.changed, true)
})

test('a gap whose bordering organizations changed is changed even with the same polygon', () => {
  const matching = matchParts([gap('a', 100)], [next(100, [{ previousId: 'a', sharedKm2: 100 }], ['peshmerga'])])
  assert.equal(matching.parts[0]!.status, 'changed')
})

test('a gap that grew from a small one is mostly new ground: a new part, not the old one', () => {
  const matching = matchParts([gap('small', 1)], [next(20, [{ previousId: 'small', sharedKm2: 1 }])])
  assert.equal(matching.parts[0]!.previousId, null)
  assert.equal(matching.parts[0]!.status, 'new')
  assert.ok(Math.abs(matching.parts[0]!.newShare - 0.95) < 1e-12)
  assert.deepEqual(matching.removedIds, ['small'])
})

test('a gap split in two: the larger half continues it, the smaller is a new part of old ground', () => {
  const matching = matchParts([gap('a', 100)], [next(60, [{ previousId: 'a', sharedKm2: 60 }]), next(30, [{ previousId: 'a', sharedKm2: 30 }])])
  assert.equal(matching.parts[0]!.previousId, 'a')
  assert.equal(matching.parts[1]!.previousId, null)
  assert.equal(matching.parts[1]!.status, 'new')
  assert.equal(matching.parts[1]!.newShare, 0, 'it was a gap already: not new ground')
})

test('two gaps merged into one continue the larger when it holds most of the merge', () => {
  const matching = matchParts([gap('a', 70), gap('b', 20)], [next(95, [{ previousId: 'a', sharedKm2: 70 }, { previousId: 'b', sharedKm2: 20 }])])
  assert.equal(matching.parts[0]!.previousId, 'a')
  assert.ok(matching.parts[0]!.newShare < 0.06)
  assert.deepEqual(matching.removedIds, ['b'])
})

test('ids are never taken from a part of the other kind', () => {
  const matching = matchParts([{ ...gap('a', 10) }], [next(10, [{ previousId: 'a', sharedKm2: 10 }], ['cts', 'peshmerga'], 'overlap')])
  assert.equal(matching.parts[0]!.previousId, null)
  assert.equal(matching.parts[0]!.newShare, 1)
  assert.deepEqual(matching.removedIds, ['a'])
})

test('a result with a part gone is changed, with the part removed', () => {
  const matching = matchParts([gap('a', 10)], [])
  assert.deepEqual(matching, { parts: [], removedIds: ['a'], changed: true })
  assert.equal(matchParts([], []).changed, false)
})
