import { test } from 'node:test'
import assert from 'node:assert/strict'
import { extentsIntersect, roomsAffectedBy } from './affected-rooms.ts'

const rooms = [
  { roomId: 'kirkuk', inputAreaIds: ['jsa-kirkuk', 'aor-1'], extent: [44.5, 34.6, 45.1, 35.0] as const },
  { roomId: 'diyala', inputAreaIds: ['jsa-diyala'], extent: [44.6, 33.6, 45.2, 34.2] as const },
  { roomId: 'erbil', inputAreaIds: [], extent: null },
]

test('a change of an area the room\'s last computation read concerns the room, wherever the area went', () => {
  assert.deepEqual(roomsAffectedBy({ id: 'aor-1', roomIds: [], bbox: [40, 30, 40.1, 30.1] }, rooms), ['kirkuk'])
  assert.deepEqual(roomsAffectedBy({ id: 'aor-1', roomIds: [], bbox: null }, rooms), ['kirkuk'])
})

test('a change reaching a room\'s joint security area concerns it, a distant one does not', () => {
  assert.deepEqual(roomsAffectedBy({ id: 'aor-new', roomIds: [], bbox: [44.9, 34.1, 45.0, 34.7] }, rooms), ['diyala', 'kirkuk'])
  assert.deepEqual(roomsAffectedBy({ id: 'aor-far', roomIds: [], bbox: [42.0, 36.0, 42.5, 36.5] }, rooms), [])
})

test('a change of an area of a room concerns that room even before its first computation', () => {
  assert.deepEqual(roomsAffectedBy({ id: 'jsa-new', roomIds: ['makhmour'], bbox: [43.5, 35.7, 43.7, 35.9] }, rooms), ['makhmour'])
})

test('extents that touch intersect', () => {
  assert.equal(extentsIntersect([0, 0, 1, 1], [1, 1, 2, 2]), true)
  assert.equal(extentsIntersect([0, 0, 1, 1], [1.1, 0, 2, 1]), false)
})
