import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { openTestDatabase, storageBackends } from '../platform/database/test-database.ts'
import { EventBus } from '../platform/event-bus.ts'
import type { PictureChange } from '../live/picture-change.ts'
import { createCoverageService } from './coverage-service.ts'
import { computeCoverage, insertWarmUpRoom } from './coverage-store.ts'
import { warmUpArrangement } from './core/warm-up-arrangement.ts'

const settings = { gridDegrees: 1e-7, minimumPartKm2: 0.01, borderMeters: 100, gapAlertKm2: 0, checkIntervalMs: 0 }
const tables = ['organizations', 'rooms', 'areas', 'coverage_states', 'coverage_parts', 'coverage_history', 'coverage_alerts', 'audit_log']

for (const backend of storageBackends()) {
  describe(`coverage warm-up on ${backend}`, () => {
    test('runs a whole computation on a synthetic room and keeps, publishes and audits nothing', async () => {
      const database = await openTestDatabase(backend)
      try {
        const counts = async () => Promise.all(tables.map(async (table) => (await database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n))
        const before = await counts()
        const bus = new EventBus<PictureChange>()
        const published: PictureChange[] = []
        bus.subscribe((change) => published.push(change))
        // An alert threshold of 0 would alert on every new gap: the warm-up must not, even so.
        const coverage = createCoverageService({ database, bus, settings })
        const { durationMs } = await coverage.warmUp()
        assert.ok(durationMs > 0)
        assert.deepEqual(await counts(), before)
        assert.deepEqual(published, [])
        // The service works as usual afterwards.
        assert.equal(await coverage.recompute('no-such-room'), null)
      } finally {
        await database.close()
      }
    })

    test('the synthetic room has valid areas, gaps and overlaps claimed by two organizations', async () => {
      const database = await openTestDatabase(backend)
      const rolledBack = new Error('rolled back')
      try {
        await database.transaction(async (transaction) => {
          const organizationIds = ['warm-a', 'warm-b', 'warm-c']
          const areaIds = await insertWarmUpRoom(transaction, { roomId: 'warm-room', organizationIds, arrangement: warmUpArrangement() })
          assert.equal(areaIds.length, warmUpArrangement().areas.length)
          const [validity] = await transaction.query<{ invalid: number }>('select count(*) filter (where not st_isvalid(geometry))::int as invalid from areas where room_id = $1', ['warm-room'])
          assert.equal(validity!.invalid, 0)
          const computed = await computeCoverage(transaction, 'warm-room', new Date(), settings)
          assert.ok(computed.hasJointSecurityArea)
          const gaps = computed.parts.filter((part) => part.kind === 'gap')
          const overlaps = computed.parts.filter((part) => part.kind === 'overlap')
          assert.ok(gaps.length >= 2, `${gaps.length} gaps`)
          assert.ok(overlaps.length >= 2, `${overlaps.length} overlaps`)
          assert.ok(overlaps.every((part) => part.organizationIds.length >= 2))
          assert.ok(gaps.some((part) => part.organizationIds.length > 0), 'a gap is bordered')
          throw rolledBack
        }).catch((error: unknown) => {
          if (error !== rolledBack) throw error
        })
      } finally {
        await database.close()
      }
    })
  })
}
