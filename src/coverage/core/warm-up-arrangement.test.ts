import { test } from 'node:test'
import assert from 'node:assert/strict'
import { defaultArrangementShape, warmUpArrangement } from './warm-up-arrangement.ts'

test('the warm-up arrangement tiles its square but for one sector, three organizations, closed rings', () => {
  const { jointSecurityArea, areas } = warmUpArrangement()
  const { sectorsPerSide, pointsPerEdge } = defaultArrangementShape
  assert.equal(areas.length, sectorsPerSide * sectorsPerSide - 1)
  assert.deepEqual([...new Set(areas.map((area) => area.organizationIndex))].sort(), [0, 1, 2])
  for (const { ring } of [...areas, { ring: jointSecurityArea }]) assert.deepEqual(ring[0], ring.at(-1))
  for (const { ring } of areas) assert.equal(ring.length, 4 * pointsPerEdge + 1)
})

test('the warm-up arrangement is the same on every start', () => {
  assert.deepEqual(warmUpArrangement(), warmUpArrangement())
})
