import { test } from 'node:test'
import assert from 'node:assert/strict'
import { coverageFeatureOf, type PartRecord } from './coverage-views.ts'

const part = (kind: PartRecord['kind']): PartRecord => ({
  id: '7f1c0000-0000-4000-8000-000000000001', roomId: 'kirkuk', kind, areaKm2: 12.5,
  geometry: { type: 'Polygon', coordinates: [[[44.77, 34.72], [44.83, 34.69], [44.83, 34.86], [44.77, 34.89], [44.77, 34.72]]] },
  organizationIds: ['iraqi-army', 'peshmerga'], areaIds: ['army-sector', 'peshmerga-sector'], firstSeenAt: new Date('2025-03-01T06:00:00Z'),
})

test('a gap names only the bordering organizations whose areas the reader may see, and does not count the others', () => {
  const feature = coverageFeatureOf(part('gap'), new Map([['peshmerga-sector', 'peshmerga']]))
  assert.deepEqual(feature.organizationIds, ['peshmerga'])
  assert.equal(feature.claimantCount, 0)
  assert.equal(feature.firstSeenAt, '2025-03-01T06:00:00.000Z')
})

test('an overlap says how many claim it, and names those the reader may see', () => {
  const feature = coverageFeatureOf(part('overlap'), new Map())
  assert.deepEqual(feature.organizationIds, [])
  assert.equal(feature.claimantCount, 2)
})
