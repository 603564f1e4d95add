import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { DraftPlace, IncidentDraft } from './incident-draft-schema.ts'
import {
  applyCorrections, baghdadMidnight, binaryTextProblem, correctedFieldsOf, evidenceProblems, highlightsOf, isCalendarDate, reportInputOf, statementTextProblem,
} from './draft-review.ts'

const place = (name: string, lon: number, lat: number, evidence: Array<[number, number]> = []): DraftPlace => ({
  name, nameAr: null, nameCkb: null, kind: 'village', lat, lon, precision: 'point', governorate: null, district: null, placeId: `curated:${name.toLowerCase()}`, evidence,
})
const balkana = place('Balkana', 44.8, 34.79, [[40, 46]])
const kifri = place('Kifri', 44.96, 34.69, [[60, 64]])
const draft: IncidentDraft = {
  file: 'a.txt', language: 'ar', eventDate: '2021-06-05', eventDateEvidence: [[20, 23]],
  places: [kifri, balkana], eventPlaces: [balkana],
  actors: [{ id: 'peshmerga', evidence: [[0, 9]] }],
  results: [{ item: 'vehicle', action: 'destroyed', count: 3, evidence: [[70, 80]] }],
  operationName: null, operationNameEvidence: [], confidence: 0.8, warnings: [],
}
const fields = { type: 'incident' as const, title: 'Ambush', roomId: null, release: { scope: 'originator' }, sourceReliability: 'B', informationCredibility: 2 }

describe('the review rules', () => {
  test('a statement over 1 MB is too large, an empty one is invalid; a 1 MB statement of two-byte letters is counted in bytes', () => {
    assert.equal(statementTextProblem('نص', 1024 * 1024), null)
    assert.equal(statementTextProblem('  \n', 1024 * 1024)?.code, 'validation-failed')
    assert.equal(statementTextProblem('ا'.repeat(512 * 1024), 1024 * 1024), null)
    assert.equal(statementTextProblem('ا'.repeat(512 * 1024 + 1), 1024 * 1024)?.code, 'payload-too-large')
  })

  test('binary-looking text is told apart from statements with ordinary tabs, newlines and bidi marks', () => {
    assert.equal(binaryTextProblem('سطر أول\n\tسطر ثانٍ\u200f (RLM) \r\n'), null)
    assert.match(binaryTextProblem('PK\u0003\u0004\u0000') ?? '', /NUL/)
    assert.match(binaryTextProblem('\u0001\u0002\u0003abcdefghij') ?? '', /control characters/)
    assert.match(binaryTextProblem('\ufffd\ufffd\ufffdab') ?? '', /replacement characters/)
    assert.match(binaryTextProblem('a\ud800b') ?? '', /surrogate/)
  })

  test('calendar dates are real days', () => {
    assert.ok(isCalendarDate('2024-02-29'))
    assert.ok(!isCalendarDate('2023-02-29'))
    assert.ok(!isCalendarDate('2021-6-5'))
  })

  test('corrections replace only the fields given, and a corrected event place joins the places', () => {
    const mosul = place('Mosul', 43.13, 36.34)
    const corrected = applyCorrections(draft, { eventPlaces: [mosul], results: [{ ...draft.results[0]!, count: 4 }] })
    assert.deepEqual(corrected.eventPlaces, [mosul])
    assert.deepEqual(corrected.places.map((candidate) => candidate.name), ['Kifri', 'Balkana', 'Mosul'])
    assert.equal(corrected.results[0]!.count, 4)
    assert.equal(corrected.eventDate, draft.eventDate)
    assert.deepEqual(correctedFieldsOf(draft, corrected), ['eventPlaces', 'places', 'results'])
    assert.deepEqual(correctedFieldsOf(draft, null), [])
    assert.deepEqual(correctedFieldsOf(draft, applyCorrections(draft, { eventPlaces: [balkana] })), [], 'a correction to the same value changes nothing')
  })

  test('evidence must lie within the text', () => {
    assert.deepEqual(evidenceProblems({ actors: [{ id: 'isis', evidence: [[5, 9]] }] }, 10), [])
    assert.equal(evidenceProblems({ actors: [{ id: 'isis', evidence: [[5, 11]] }], results: [{ item: 'cave', action: 'found', count: 1, evidence: [[8, 3]] }] }, 10).length, 2)
  })

  test('highlights list every evidence span in text order with its field', () => {
    const spans = highlightsOf(draft)
    assert.deepEqual(spans.map((span) => [span.field, span.start]), [['actors', 0], ['eventDate', 20], ['places', 40], ['eventPlaces', 40], ['places', 60], ['results', 70]])
    assert.equal(spans.at(-1)!.label, 'destroyed 3 vehicle')
  })

  test('midnight in Baghdad is +03:00, and +04:00 in the summers before Iraq dropped daylight saving in 2008', () => {
    assert.equal(baghdadMidnight('2021-06-04'), '2021-06-04T00:00:00+03:00')
    assert.equal(baghdadMidnight('2021-12-25'), '2021-12-25T00:00:00+03:00')
    assert.equal(baghdadMidnight('2005-07-01'), '2005-07-01T00:00:00+04:00')
  })

  test('the report takes the source text, the draft language, the event date and the first event place, else the first place', () => {
    const built = reportInputOf(draft, 'النص الأصلي', fields)
    assert.ok(built.ok)
    assert.equal(built.input.body, 'النص الأصلي')
    assert.equal(built.input.language, 'ar')
    assert.equal(built.input.occurredAt, '2021-06-05T00:00:00+03:00')
    assert.deepEqual(built.input.location, { type: 'Point', coordinates: [44.8, 34.79] })
    assert.equal(built.input.placeId, 'curated:balkana')
    const noEventPlace = reportInputOf({ ...draft, eventPlaces: [] }, 'x', { ...fields, placeId: null })
    assert.ok(noEventPlace.ok)
    assert.deepEqual(noEventPlace.input.location, { type: 'Point', coordinates: [44.96, 34.69] })
    assert.equal(noEventPlace.input.placeId, null, 'an explicit null place id is kept')
    const nowhere = reportInputOf({ ...draft, eventPlaces: [], places: [] }, 'x', fields)
    assert.ok(nowhere.ok && nowhere.input.location === null)
    const undated = reportInputOf({ ...draft, eventDate: null }, 'x', fields)
    assert.ok(!undated.ok)
    const timed = reportInputOf({ ...draft, eventDate: null }, 'x', { ...fields, occurredAt: '2021-06-05T04:30:00+03:00' })
    assert.ok(timed.ok && timed.input.occurredAt === '2021-06-05T04:30:00+03:00')
  })
})
