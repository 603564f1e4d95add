import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isTooFarInFuture } from './report-time.ts'

const now = new Date('2025-06-20T10:00:00Z')

test('past times and up to 10 minutes of future clock skew are accepted', () => {
  assert.equal(isTooFarInFuture(new Date('2021-06-12T04:00:00Z'), now), false)
  assert.equal(isTooFarInFuture(now, now), false)
  assert.equal(isTooFarInFuture(new Date('2025-06-20T10:10:00Z'), now), false)
})

test('a time more than 10 minutes ahead is too far in the future', () => {
  assert.equal(isTooFarInFuture(new Date('2025-06-20T10:10:01Z'), now), true)
  assert.equal(isTooFarInFuture(new Date('2025-06-21T10:00:00Z'), now), true)
})
