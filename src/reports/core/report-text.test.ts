import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isWellFormedText, storableTextProblem } from './report-text.ts'

test('Arabic, Sorani and mixed text with joiners and marks is storable as written', () => {
  for (const text of ['اشتباك قرب طوزخورماتو', 'پێشمەرگە لە نزیک کفری', 'می\u200cخواهم \u200fRLM ـــ تطويل', 'emoji 🛰️ ok']) {
    assert.equal(storableTextProblem(text), null, text)
  }
})

test('NUL and lone surrogates cannot be stored', () => {
  assert.match(storableTextProblem('a\u0000b')!, /NUL/)
  assert.match(storableTextProblem('broken \ud800 pair')!, /surrogate/)
  assert.equal(isWellFormedText('\udc00'), false)
  assert.equal(isWellFormedText('\ud83d\udef0'), true)
})
