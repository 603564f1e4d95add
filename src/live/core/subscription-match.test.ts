import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { PictureChange } from '../picture-change.ts'
import { boxesIntersect, concernedOrganizations, extentMatches, routeChange, type LiveSubscription } from './subscription-match.ts'

const change = (overrides: Partial<PictureChange> = {}): PictureChange => ({
  layer: 'units', kind: 'upsert', id: 'u1', releasedTo: ['peshmerga', 'iraqi-army'], roomIds: ['kirkuk'], bbox: [44.4, 35.4, 44.4, 35.4], data: {}, ...overrides,
})
const everything: LiveSubscription = { layers: new Set(['units']) }

test('boxes that touch or overlap intersect; disjoint ones do not', () => {
  assert.equal(boxesIntersect([44, 35, 45, 36], [45, 36, 46, 37]), true)
  assert.equal(boxesIntersect([44, 35, 45, 36], [44.2, 35.2, 44.3, 35.3]), true)
  assert.equal(boxesIntersect([44, 35, 45, 36], [45.1, 35, 46, 36]), false)
  assert.equal(boxesIntersect([44, 35, 45, 36], [44, 36.5, 45, 37]), false)
})

test('an object without location passes a room-only subscription but never a box one', () => {
  assert.equal(extentMatches({ layers: new Set(), roomId: 'kirkuk' }, { roomIds: ['kirkuk'], bbox: null }), true)
  assert.equal(extentMatches({ layers: new Set(), bbox: [44, 35, 45, 36] }, { roomIds: ['kirkuk'], bbox: null }), false)
  assert.equal(extentMatches({ layers: new Set(), roomId: 'kirkuk', bbox: [44, 35, 45, 36] }, { roomIds: ['kirkuk'], bbox: null }), false)
  assert.equal(extentMatches({ layers: new Set(), roomId: 'erbil' }, { roomIds: ['kirkuk'], bbox: null }), false)
})

test('a change reaches only organizations it is released to, on subscribed layers', () => {
  assert.equal(routeChange(everything, 'iraqi-army', change(), undefined), 'upsert')
  assert.equal(routeChange(everything, 'cts', change(), undefined), null)
  assert.equal(routeChange({ layers: new Set(['areas']) }, 'iraqi-army', change(), undefined), null)
})

test('an organization that lost sight of an object, or saw it deleted, gets a removal whatever its filters', () => {
  const narrowed = change({ releasedTo: ['peshmerga'], previouslyReleasedTo: ['peshmerga', 'iraqi-army'] })
  assert.equal(routeChange(everything, 'iraqi-army', narrowed, undefined), 'delete')
  assert.equal(routeChange({ layers: new Set(['units']), roomId: 'erbil' }, 'iraqi-army', narrowed, undefined), 'delete')
  assert.equal(routeChange(everything, 'peshmerga', narrowed, undefined), 'upsert')
  assert.equal(routeChange(everything, 'cts', narrowed, undefined), null)
  const deleted = change({ kind: 'delete', releasedTo: [], previouslyReleasedTo: ['iraqi-army'], bbox: null })
  assert.equal(routeChange({ layers: new Set(['units']), bbox: [0, 0, 1, 1] }, 'iraqi-army', deleted, undefined), 'delete')
  assert.equal(routeChange(everything, 'cts', deleted, undefined), null)
})

test('an object that moves out of a subscriber\'s box or room is removed for it; one that was never in it is not sent', () => {
  const box: LiveSubscription = { layers: new Set(['units']), bbox: [44, 35, 45, 36] }
  const movedOut = change({ bbox: [46, 35.5, 46, 35.5] })
  assert.equal(routeChange(box, 'iraqi-army', movedOut, { roomIds: ['kirkuk'], bbox: [44.5, 35.5, 44.5, 35.5] }), 'delete')
  assert.equal(routeChange(box, 'iraqi-army', movedOut, { roomIds: ['kirkuk'], bbox: [47, 35.5, 47, 35.5] }), null)
  assert.equal(routeChange(box, 'iraqi-army', movedOut, undefined), null)
  const room: LiveSubscription = { layers: new Set(['units']), roomId: 'kirkuk' }
  assert.equal(routeChange(room, 'iraqi-army', change({ roomIds: [] }), { roomIds: ['kirkuk'], bbox: null }), 'delete')
})

test('the concerned organizations are those released to now and before, each once', () => {
  assert.deepEqual([...concernedOrganizations(change({ releasedTo: ['a', 'b'], previouslyReleasedTo: ['b', 'c'] }))], ['a', 'b', 'c'])
})
