import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { ALLOWED_ACTIONS, RESULT_ITEMS } from '../../ingest/core/incident-draft-schema.ts'
import { reconcileClaims, type OrganizationClaims } from './claims-reconciliation.ts'
import { compareResults, repeatedFacts, resultKey, unfitFacts, type ClaimedResult } from './claims-vocabulary.ts'

const claim = (item: ClaimedResult['item'], action: ClaimedResult['action'], count: ClaimedResult['count']): ClaimedResult => ({ item, action, count })

describe('the Black Earth claims side by side', () => {
  const peshmerga: OrganizationClaims = { organizationId: 'peshmerga', results: [claim('tunnel', 'destroyed', 3), claim('militant', 'killed', 12), claim('security-member', 'wounded', 2), claim('vehicle', 'burned', 4)] }
  const army: OrganizationClaims = { organizationId: 'iraqi-army', results: [claim('militant', 'killed', 15), claim('tunnel', 'destroyed', 'unspecified'), claim('security-member', 'wounded', 2), claim('civilian', 'wounded', 1)] }
  const table = reconcileClaims([peshmerga, army])
  const row = (key: string) => table.rows.find((candidate) => candidate.key === key)!

  test('one column per organization in the order given, one row per fact, militants, security members and civilians apart before materiel', () => {
    assert.deepEqual(table.organizationIds, ['peshmerga', 'iraqi-army'])
    assert.deepEqual(table.rows.map((candidate) => [candidate.key, candidate.category]), [
      ['militant:killed', 'militants'], ['security-member:wounded', 'security-members'], ['civilian:wounded', 'civilians'], ['vehicle:burned', 'materiel'], ['tunnel:destroyed', 'materiel'],
    ])
  })
  test('12 against 15 militants killed is a difference of counts naming both', () => {
    assert.deepEqual(row('militant:killed').cells, [{ organizationId: 'peshmerga', claim: 12 }, { organizationId: 'iraqi-army', claim: 15 }])
    assert.deepEqual(row('militant:killed').discrepancies, [{ kind: 'different-counts', organizationIds: ['peshmerga', 'iraqi-army'] }])
  })
  test('3 tunnels against "unspecified" names the side without a number', () => {
    assert.deepEqual(row('tunnel:destroyed').discrepancies, [{ kind: 'unspecified-count', organizationIds: ['iraqi-army'] }])
  })
  test('a fact only one side claims names the side that does not', () => {
    assert.deepEqual(row('vehicle:burned').cells[1], { organizationId: 'iraqi-army', claim: 'not-claimed' })
    assert.deepEqual(row('vehicle:burned').discrepancies, [{ kind: 'not-claimed', organizationIds: ['iraqi-army'] }])
    assert.deepEqual(row('civilian:wounded').discrepancies, [{ kind: 'not-claimed', organizationIds: ['peshmerga'] }])
  })
  test('the same count on both sides is consistent; the table is not', () => {
    assert.equal(row('security-member:wounded').consistent, true)
    assert.deepEqual(row('security-member:wounded').discrepancies, [])
    assert.equal(table.discrepantRows, 4)
    assert.equal(table.consistent, false)
  })
  test('an organization that has recorded nothing is awaited in every row, and no row is consistent without it', () => {
    const pending = reconcileClaims([peshmerga, army, { organizationId: 'coalition', results: null }])
    assert.deepEqual(pending.awaiting, ['coalition'])
    assert.equal(pending.rows.find((candidate) => candidate.key === 'security-member:wounded')!.consistent, false)
    assert.ok(pending.rows.every((candidate) => candidate.cells[2]!.claim === 'not-recorded'))
    assert.equal(pending.consistent, false)
  })
  test('all saying "unspecified" agree; recording nothing at all (an empty list) is a claim of nothing', () => {
    const vague = reconcileClaims([{ organizationId: 'a', results: [claim('cache', 'seized', 'unspecified')] }, { organizationId: 'b', results: [claim('cache', 'seized', 'unspecified')] }])
    assert.equal(vague.consistent, true)
    const nothing = reconcileClaims([{ organizationId: 'a', results: [] }, { organizationId: 'b', results: [] }])
    assert.deepEqual(nothing.rows, [])
    assert.equal(nothing.consistent, true)
  })
})

describe('vocabulary checks', () => {
  test('a fact listed twice is reported once', () => {
    assert.deepEqual(repeatedFacts([claim('militant', 'killed', 1), claim('militant', 'killed', 2), claim('militant', 'killed', 3), claim('militant', 'arrested', 1)]), ['militant:killed'])
  })
  test('an action that does not fit the item is reported with the actions it allows', () => {
    assert.deepEqual(unfitFacts([claim('civilian', 'destroyed', 1), claim('tunnel', 'destroyed', 1)]), [{ key: 'civilian:destroyed', allowed: ['killed', 'wounded'] }])
  })
})

// ---------------------------------------------------------------- properties

const facts = RESULT_ITEMS.flatMap((item) => ALLOWED_ACTIONS[item].map((action) => ({ item, action })))
const countArbitrary = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant('unspecified' as const))
const claimsArbitrary = fc.option(fc.uniqueArray(fc.record({ fact: fc.constantFrom(...facts), count: countArbitrary }), { selector: (entry) => resultKey(entry.fact), maxLength: 8 })
  .map((entries) => entries.map((entry): ClaimedResult => ({ ...entry.fact, count: entry.count }))), { freq: 5 })
const tableArbitrary = fc.uniqueArray(fc.constantFrom('peshmerga', 'iraqi-army', 'cts', 'coalition', 'joc'), { minLength: 1, maxLength: 5 })
  .chain((organizations) => fc.tuple(...organizations.map((organizationId) => claimsArbitrary.map((results): OrganizationClaims => ({ organizationId, results })))))

describe('reconciliation properties', () => {
  test('every claimed fact is exactly one row, and every row was claimed by someone', () => {
    fc.assert(fc.property(tableArbitrary, (claims) => {
      const table = reconcileClaims(claims)
      const claimed = new Set(claims.flatMap((entry) => entry.results ?? []).map(resultKey))
      assert.deepEqual(new Set(table.rows.map((row) => row.key)), claimed)
      assert.equal(table.rows.length, claimed.size)
    }))
  })
  test('each cell shows exactly what its organization claimed', () => {
    fc.assert(fc.property(tableArbitrary, (claims) => {
      for (const row of reconcileClaims(claims).rows) {
        assert.deepEqual(row.cells.map((cell) => cell.organizationId), claims.map((entry) => entry.organizationId))
        for (const [index, cell] of row.cells.entries()) {
          const results = claims[index]!.results
          const expected = results === null ? 'not-recorded' : results.find((result) => resultKey(result) === row.key)?.count ?? 'not-claimed'
          assert.equal(cell.claim, expected)
        }
      }
    }))
  })
  test('a row is consistent exactly when every organization recorded and all claim the same', () => {
    fc.assert(fc.property(tableArbitrary, (claims) => {
      for (const row of reconcileClaims(claims).rows) {
        const values = new Set(row.cells.map((cell) => cell.claim))
        assert.equal(row.consistent, values.size === 1 && !values.has('not-recorded') && !values.has('not-claimed'))
        assert.equal(row.discrepancies.length === 0, new Set(row.cells.map((cell) => cell.claim).filter((claim) => claim !== 'not-recorded')).size <= 1)
      }
    }))
  })
  test('two organizations giving different numbers are always marked, naming them both', () => {
    fc.assert(fc.property(tableArbitrary, (claims) => {
      for (const row of reconcileClaims(claims).rows) {
        const numbered = row.cells.filter((cell) => typeof cell.claim === 'number')
        const marked = row.discrepancies.find((discrepancy) => discrepancy.kind === 'different-counts')
        assert.equal(marked !== undefined, new Set(numbered.map((cell) => cell.claim)).size > 1)
        if (marked) assert.deepEqual(marked.organizationIds, numbered.map((cell) => cell.organizationId))
      }
    }))
  })
  test('the order in which an organization lists its claims changes nothing; rows follow the vocabulary order', () => {
    fc.assert(fc.property(tableArbitrary, fc.nat(), (claims, seed) => {
      const shuffled = claims.map((entry) => ({ ...entry, results: entry.results && [...entry.results].sort((a, b) => ((resultKey(a).length * 31 + seed) % 7) - ((resultKey(b).length * 31 + seed) % 7)) }))
      const table = reconcileClaims(claims)
      assert.deepEqual(reconcileClaims(shuffled), table)
      for (let index = 1; index < table.rows.length; index++) assert.ok(compareResults(table.rows[index - 1]!, table.rows[index]!) < 0)
    }))
  })
  test('swapping two columns swaps the cells and leaves every verdict the same', () => {
    fc.assert(fc.property(tableArbitrary, (claims) => {
      const reversed = reconcileClaims([...claims].reverse())
      const table = reconcileClaims(claims)
      assert.deepEqual(reversed.rows.map((row) => [row.key, row.consistent, row.discrepancies.map((discrepancy) => [discrepancy.kind, [...discrepancy.organizationIds].sort()])]),
        table.rows.map((row) => [row.key, row.consistent, row.discrepancies.map((discrepancy) => [discrepancy.kind, [...discrepancy.organizationIds].sort()])]))
      assert.equal(reversed.discrepantRows, table.discrepantRows)
    }))
  })
})
