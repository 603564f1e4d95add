import { test } from 'node:test'
import assert from 'node:assert/strict'
import { admiraltyCode, describeAdmiraltyCode, isInformationCredibility, isSourceReliability, parseAdmiraltyCode } from './admiralty-code.ts'

test('source reliability is one of A to F, in upper case', () => {
  for (const grade of ['A', 'B', 'C', 'D', 'E', 'F']) assert.equal(isSourceReliability(grade), true, grade)
  for (const grade of ['G', 'a', '', 'AB', 1, null]) assert.equal(isSourceReliability(grade), false, String(grade))
})

test('information credibility is an integer from 1 to 6', () => {
  for (const grade of [1, 2, 3, 4, 5, 6]) assert.equal(isInformationCredibility(grade), true, String(grade))
  for (const grade of [0, 7, 2.5, '2', -1, Number.NaN]) assert.equal(isInformationCredibility(grade), false, String(grade))
})

test('a grading reads and writes as a two-character admiralty code', () => {
  assert.equal(admiraltyCode('B', 2), 'B2')
  assert.deepEqual(parseAdmiraltyCode(' b2 '), { reliability: 'B', credibility: 2 })
  assert.deepEqual(parseAdmiraltyCode('F6'), { reliability: 'F', credibility: 6 })
  for (const code of ['G1', 'A7', 'A0', 'A', '2B', 'AA1']) assert.equal(parseAdmiraltyCode(code), null, code)
})

test('a grading is described for readers, F6 meaning it cannot be judged', () => {
  assert.equal(describeAdmiraltyCode('B', 2), 'B2: source usually reliable, information probably true')
  assert.match(describeAdmiraltyCode('F', 6), /cannot be judged.*cannot be judged/)
})
