// Quality floors on the labelled examples: a change that lowers them fails here.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { evaluateFolder } from '../../scripts/eval-ingest.ts'
import { f1 } from './core/evaluation-scorer.ts'

const own = fileURLToPath(new URL('../../test/ingest-examples/', import.meta.url))
const development = fileURLToPath(new URL('../../../shared/data/ingest-dev/', import.meta.url))

function assertFloors(directory: string, floors: Record<'places' | 'eventPlaces' | 'actors' | 'results' | 'eventDate' | 'operationName', number>): void {
  const all = evaluateFolder(directory).get('all')!
  assert.ok(all.documents > 0)
  for (const field of ['places', 'eventPlaces', 'actors', 'results'] as const) {
    assert.ok(f1(all[field]).f1 >= floors[field], `${field} F1 ${f1(all[field]).f1.toFixed(3)} below ${floors[field]}`)
  }
  assert.ok(all.eventDateCorrect / all.documents >= floors.eventDate, 'eventDate accuracy')
  assert.ok(all.operationNameCorrect / all.documents >= floors.operationName, 'operationName accuracy')
}

test('the reader keeps its scores on the project examples', () => {
  assertFloors(own, { places: 0.95, eventPlaces: 0.93, actors: 0.97, results: 0.93, eventDate: 0.95, operationName: 0.95 })
})

test('the reader keeps its scores on the development set', { skip: !existsSync(development) && 'no ../shared/data/ingest-dev' }, () => {
  assertFloors(development, { places: 0.95, eventPlaces: 0.9, actors: 0.95, results: 0.95, eventDate: 0.9, operationName: 0.9 })
})
