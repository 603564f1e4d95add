import { test } from 'node:test'
import assert from 'node:assert/strict'
import { emptyScores, f1, placeKey, scoreDocument } from './evaluation-scorer.ts'

const gold = {
  eventDate: '2021-06-06', operationName: null, actors: ['peshmerga', 'isis'],
  places: [{ name: 'Tuz Khurmatu', aliases: ['Tooz'] }, { name: 'Kifri' }], eventPlaces: [{ name: 'Kifri' }],
  results: [{ item: 'cave', action: 'destroyed', count: 3 }, { item: 'vehicle', action: 'burned', count: null }],
}

test('place names match after lower-casing and dropping punctuation and spaces, or by alias', () => {
  assert.equal(placeKey('Tuz-Khurmatu '), placeKey('tuz khurmatu'))
  const group = emptyScores()
  scoreDocument(group, { eventDate: null, operationName: null, actors: [], results: [], places: [{ name: 'Tooz' }, { name: 'KIFRI' }, { name: 'Erbil' }], eventPlaces: [] }, gold)
  assert.deepEqual(group.places, { tp: 2, fp: 1, fn: 0 })
  assert.deepEqual(group.eventPlaces, { tp: 0, fp: 0, fn: 1 })
})

test('a result matches only when item, action and count all match', () => {
  const group = emptyScores()
  scoreDocument(group, { eventDate: '2021-06-06', operationName: null, actors: [{ id: 'isis' }], places: [], eventPlaces: [], results: [{ item: 'cave', action: 'destroyed', count: 2 }, { item: 'vehicle', action: 'burned', count: null }] }, gold)
  assert.deepEqual(group.results, { tp: 1, fp: 1, fn: 1 })
  assert.deepEqual(group.actors, { tp: 1, fp: 0, fn: 1 })
  assert.equal(group.eventDateCorrect, 1)
  assert.equal(group.operationNameCorrect, 1)
})

test('F1 is 1 when nothing was expected and nothing found', () => {
  assert.equal(f1({ tp: 0, fp: 0, fn: 0 }).f1, 1)
  assert.equal(f1({ tp: 1, fp: 1, fn: 1 }).f1, 0.5)
})
