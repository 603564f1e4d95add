import { test } from 'node:test'
import assert from 'node:assert/strict'
import { normaliseForMatching } from '../../language/text-normaliser.ts'
import { tokenise } from '../../language/tokeniser.ts'
import { detectLanguage } from '../../language/language-detector.ts'
import { testPlaceIndex } from '../../ingest/core/test-place-index.ts'
import { findPlaceMentions, searchPlaces } from './place-index.ts'

const index = testPlaceIndex()
const names = (text: string) => {
  const normalised = normaliseForMatching(text)
  return findPlaceMentions(index, { tokens: tokenise(normalised.text), language: detectLanguage(text), original: text, offsets: normalised.offsets }).map((mention) => mention.record.name)
}

test('a town spelled with and without a space, or in Sorani, is one place', () => {
  assert.deepEqual(names('في قضاء طوزخورماتو'), ['Tuz Khurmatu'])
  assert.deepEqual(names('في قضاء طوز خورماتو'), ['Tuz Khurmatu'])
  assert.deepEqual(names('لە دووزخورماتوو'), ['Tuz Khurmatu'])
  assert.deepEqual(names('near Tuz Khormato'), ['Tuz Khurmatu'])
})

test('clitics before a name are taken off', () => {
  assert.deepEqual(names('بين كفري وطوزخورماتو'), ['Kifri', 'Tuz Khurmatu'])
  assert.deepEqual(names('الواقعة بمخمور'), ['Makhmour'])
})

test('a village named like an ordinary word is not read without a place word', () => {
  assert.deepEqual(names('أسفرت العملية عن حرق ثلاث عجلات'), [])
  const found = names('عثرت القوة على عبوة في قرية كنهش')
  assert.equal(found.length, 1)
  assert.match(found[0]!, /Kanhash/)
})

test('same-named villages are told apart by the other places of the text', () => {
  assert.deepEqual(names('قرب قرية كنهش في قضاء مخمور'), ['Qaryat Kanhash', 'Makhmour'])
})

test('search answers alias, exact and fuzzy names, best first', () => {
  assert.equal(searchPlaces(index, 'Tooz')[0]?.record.name, 'Tuz Khurmatu')
  assert.equal(searchPlaces(index, 'مەخموور')[0]?.record.name, 'Makhmour')
  assert.equal(searchPlaces(index, 'Makhmoor')[0]?.record.name, 'Makhmour')
})
