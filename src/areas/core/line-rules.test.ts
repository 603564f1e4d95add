import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { distinctPointCount, lineProblem } from './line-rules.ts'

describe('coordination line rules', () => {
  test('a line through two or more distinct points is accepted', () => {
    assert.equal(lineProblem([[44.3, 34.7], [44.9, 34.9]]), null)
    assert.equal(lineProblem([[44.3, 34.7], [44.3, 34.7], [44.9, 34.9]]), null)
  })

  test('a line whose points all coincide is refused, saying how many distinct points it has', () => {
    assert.equal(lineProblem([[44.3, 34.7], [44.3, 34.7]]), 'a coordination line needs at least 2 distinct points; this one has 1')
    assert.match(lineProblem([[44.3, 34.7], [44.3, 34.7], [44.3, 34.7]])!, /has 1$/)
  })

  test('positions differing only in altitude are the same point', () => {
    assert.equal(distinctPointCount([[44.3, 34.7, 100], [44.3, 34.7, 900]]), 1)
    assert.notEqual(lineProblem([[44.3, 34.7, 100], [44.3, 34.7, 900]]), null)
  })
})
