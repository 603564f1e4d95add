import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { affectedOrganizations, boundsOf, bufferInDegrees, diffFindings, expandBounds, findingReleasedTo, movementReleasedTo, partyChanges, type Finding } from './movement-impact.ts'

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  counterpartType: 'area', counterpartId: 'a1', counterpartOrganizationId: 'iraqi-army', crosses: true,
  overlap: { type: 'LineString', coordinates: [[44.6, 34.8], [44.65, 34.85]] }, overlapFrom: '2030-01-01T06:00:00.000Z', overlapTo: '2030-01-01T12:00:00.000Z', distanceMeters: 0, ...overrides,
})

describe('who a movement affects', () => {
  test('the organizations of the counterparts, once each, sorted, never the author', () => {
    const findings = [finding(), finding({ counterpartId: 'a2' }), finding({ counterpartOrganizationId: 'cts', counterpartId: 'm1', counterpartType: 'movement' }), finding({ counterpartOrganizationId: 'peshmerga', counterpartId: 'a3' })]
    assert.deepEqual(affectedOrganizations(findings, 'peshmerga'), ['cts', 'iraqi-army'])
  })
  test('no findings, nobody affected', () => assert.deepEqual(affectedOrganizations([], 'peshmerga'), []))

  test('parties newly told, affected again and no longer affected', () => {
    const parties = [{ organizationId: 'iraqi-army', affected: true }, { organizationId: 'cts', affected: false }, { organizationId: 'asayish', affected: true }]
    assert.deepEqual(partyChanges(parties, ['cts', 'iraqi-army', 'joc']), { newlyTold: ['joc'], affectedAgain: ['cts'], noLongerAffected: ['asayish'] })
  })
})

describe('what changed between two analyses', () => {
  test('added, removed and changed findings by counterpart; the same findings are no change', () => {
    const before = [finding(), finding({ counterpartId: 'a2' }), finding({ counterpartId: 'a3' })]
    const after = [finding(), finding({ counterpartId: 'a2', distanceMeters: 800 }), finding({ counterpartId: 'a4' })]
    assert.deepEqual(diffFindings(before, after), { added: ['area:a4'], removed: ['area:a3'], changed: ['area:a2'] })
    assert.deepEqual(diffFindings(before, before.map((f) => ({ ...f }))), { added: [], removed: [], changed: [] })
  })
  test('a distance that moves by less than a metre is not a change', () => {
    assert.deepEqual(diffFindings([finding({ distanceMeters: 100.2 })], [finding({ distanceMeters: 100.4 })]).changed, [])
  })
})

describe('who sees a movement and its findings', () => {
  test('a draft is its author\'s alone', () => assert.deepEqual(movementReleasedTo('peshmerga', true, ['iraqi-army', 'joc'], ['cts']), ['peshmerga']))
  test('a submitted movement goes to the room and to everyone told, even outside the room', () => {
    assert.deepEqual(movementReleasedTo('peshmerga', false, ['iraqi-army', 'joc', 'peshmerga'], ['cts', 'iraqi-army']), ['cts', 'iraqi-army', 'joc', 'peshmerga'])
  })
  test('a finding goes to the author, the counterpart\'s organization, and those who see both objects', () => {
    assert.deepEqual(findingReleasedTo('peshmerga', 'iraqi-army', ['joc', 'peshmerga', 'iraqi-army', 'cts'], ['iraqi-army', 'joc']), ['iraqi-army', 'joc', 'peshmerga'])
    assert.deepEqual(findingReleasedTo('peshmerga', 'iraqi-army', ['joc', 'peshmerga', 'iraqi-army'], ['iraqi-army']), ['iraqi-army', 'peshmerga'])
  })
})

describe('the spatial prefilter box', () => {
  test('the bounds of a line and of a multipolygon', () => {
    assert.deepEqual(boundsOf({ coordinates: [[44.98, 34.55], [44.63, 34.88]] }), [44.63, 34.55, 44.98, 34.88])
    assert.deepEqual(boundsOf({ coordinates: [[[[1, 2], [3, -4], [0, 0], [1, 2]]]] }), [0, -4, 3, 2])
  })
  test('the expanded box holds every point 2 km away, in latitude and in longitude at that latitude', () => {
    const [west, south, east, north] = expandBounds([44.6, 34.5, 45.0, 34.9], 2000)
    // 2 km is 0.0181 degrees of latitude and 0.0218 degrees of longitude at 35°N; the box may be larger, never smaller.
    assert.ok(34.5 - south >= 0.0181 && 34.5 - south < 0.02)
    assert.ok(north - 34.9 >= 0.0181)
    assert.ok(44.6 - west >= 0.0219 && 44.6 - west < 0.024)
    assert.ok(east - 45.0 >= 0.0219)
  })
  test('near a pole the box stays within the globe', () => {
    const [, south, , north] = expandBounds([10, 89.99, 20, 89.999], 5000)
    assert.ok(north <= 90 && south < 89.99)
  })
  test('a planar distance in degrees under the longitude span is a safe prefilter: a degree of longitude is the shorter one', () => {
    const { dx, dy } = bufferInDegrees([44.6, 34.5, 45.0, 34.9], 2000)
    assert.ok(dx > dy)
  })
  test('a zero buffer leaves the box as it is', () => assert.deepEqual(expandBounds([1, 2, 3, 4], 0), [1, 2, 3, 4]))
})
