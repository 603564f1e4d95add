import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { EventRing } from './event-ring.ts'

test('events are numbered from 1 and the ones after a given id come back in order', () => {
  const ring = new EventRing<string>(10, 60_000)
  assert.equal(ring.lastId, 0)
  assert.deepEqual(ring.after(0, 0), [])
  for (const item of ['a', 'b', 'c']) ring.push(item, 0)
  assert.equal(ring.lastId, 3)
  assert.deepEqual(ring.after(1, 0), ['b', 'c'])
  assert.deepEqual(ring.after(3, 0), [])
})

test('a resume point older than the retained events, or one never issued, cannot be served', () => {
  const ring = new EventRing<number>(3, 60_000)
  for (let index = 1; index <= 5; index++) ring.push(index, 0)
  assert.deepEqual(ring.after(2, 0), [3, 4, 5])
  assert.equal(ring.after(1, 0), null, 'event 2 was dropped')
  assert.equal(ring.after(6, 0), null, 'event 6 does not exist yet')
  assert.equal(ring.after(-1, 0), null)
  assert.equal(ring.after(2.5, 0), null)
})

test('events older than the age limit are dropped even when the ring is not full', () => {
  const ring = new EventRing<string>(100, 1000)
  ring.push('old', 0)
  ring.push('new', 900)
  assert.deepEqual(ring.after(0, 950), ['old', 'new'])
  assert.equal(ring.after(0, 1500), null)
  assert.deepEqual(ring.after(1, 1500), ['new'])
  assert.equal(ring.after(1, 2000), null)
  assert.deepEqual(ring.after(2, 2000), [], 'nothing was missed after the newest event, even when it has expired')
})

test('for any capacity and sequence, a served resume is exactly the events after it, and an unserved one lost some', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 70 }), (capacity, count, from) => {
    const ring = new EventRing<number>(capacity, 60_000)
    for (let id = 1; id <= count; id++) assert.equal(ring.push(id, 0), id)
    const served = ring.after(from, 0)
    if (served === null) return from > count || count - from > capacity
    return served.length === count - from && served.every((item, index) => item === from + 1 + index)
  }))
})
