import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storageBackends } from '../platform/database/test-database.ts'
import { startTestTansiq, type TestTansiq } from '../server/test-harness.ts'
import { seedDemoPicture } from './demo-picture.ts'
import { demoOperationNames, seedDemoOperations } from './demo-operations.ts'

const sorani = /[ڕڵێۆە]/

for (const backend of storageBackends()) {
  describe(`the demo's joint operation on ${backend}`, () => {
    let tansiq: TestTansiq
    let operationId: string
    const seededAt = Date.now()

    before(async () => {
      tansiq = await startTestTansiq(backend)
      await seedDemoPicture(tansiq)
      operationId = (await seedDemoOperations(tansiq))!
      assert.ok(operationId)
    })
    after(async () => {
      await tansiq?.close()
    })

    test('Black Earth is under way: led by the Peshmerga with the army and coalition support, approved by both commanders, H-hour from now', async () => {
      const operation = await tansiq.operations.get({ organizationId: 'iraqi-army' }, operationId)
      assert.deepEqual(operation.names, demoOperationNames)
      assert.equal(operation.status, 'active')
      assert.equal(operation.roomId, 'kirkuk')
      assert.deepEqual(operation.participants.map((participant) => [participant.organizationId, participant.role]), [['peshmerga', 'lead'], ['iraqi-army', 'participant'], ['coalition', 'support']])
      assert.deepEqual(operation.approvals.map((approval) => approval.approvedBy), ['pesh.commander', 'army.commander'])
      const startedAgo = (seededAt - Date.parse(operation.hHour)) / 60_000
      assert.ok(startedAgo >= 29 && startedAgo <= 46, `H-hour ${startedAgo} minutes ago`)
      // The axes were notified as movements through the deconfliction.
      assert.deepEqual(operation.movements.map((movement) => movement.axisKey), ['kifri-axis', 'tuz-axis', 'kifri-axis'])
      assert.ok((await tansiq.operations.get({ organizationId: 'coalition' }, operationId)).id)
    })

    test('its live log has entries of both forces in Sorani and Arabic, and the claims differ, not yet agreed', async () => {
      const log = await tansiq.operations.log({ organizationId: 'coalition' }, operationId, { limit: 100 })
      assert.equal(log.length, 4)
      assert.deepEqual([...new Set(log.map((entry) => entry.organizationId))].sort(), ['iraqi-army', 'peshmerga'])
      assert.ok(log.some((entry) => entry.organizationId === 'peshmerga' && sorani.test(entry.text)), 'a Sorani entry')
      assert.ok(log.some((entry) => entry.organizationId === 'iraqi-army' && !sorani.test(entry.text) && entry.text.includes('قوريجاي')), 'an Arabic entry')
      assert.ok(log.every((entry) => Date.parse(entry.at) <= Date.now()), 'nothing logged ahead of time')

      const results = await tansiq.operationResults.get({ organizationId: 'joc' }, operationId).catch(() => null)
      assert.equal(results, null, 'the JOC does not take part and is not told')
      const seen = await tansiq.operationResults.get({ organizationId: 'iraqi-army' }, operationId)
      const row = (key: string) => seen.claims.rows.find((candidate) => candidate.key === key)!
      assert.deepEqual(row('militant:killed').cells.map((cell) => cell.claim), [12, 15])
      assert.deepEqual(row('militant:killed').discrepancies.map((discrepancy) => discrepancy.kind), ['different-counts'])
      assert.deepEqual(row('tunnel:destroyed').cells.map((cell) => cell.claim), [3, 'unspecified'])
      assert.deepEqual(seen.claims.awaiting, [])
      assert.equal(seen.agreed, null)
      assert.equal(seen.locked, false)
      assert.deepEqual(seen.rounds, [], 'the room proposes and agrees the figures live')
    })

    test('a later start keeps it while its window lasts; once over, it is completed and a fresh one begins', async () => {
      assert.equal(await seedDemoOperations(tansiq), null)
      // Three days pass (the services keep the real clock, so the operation is moved back instead).
      await tansiq.database.query(`update operations set h_hour = h_hour - interval '3 days', window_start = window_start - interval '3 days', window_end = window_end - interval '3 days' where id = $1`, [operationId])
      const fresh = await seedDemoOperations(tansiq)
      assert.ok(fresh && fresh !== operationId)
      assert.equal((await tansiq.operations.get({ organizationId: 'peshmerga' }, operationId)).status, 'completed')
      const listed = await tansiq.operations.list({ organizationId: 'peshmerga' }, { roomId: 'kirkuk', limit: 100 })
      assert.deepEqual(listed.map((operation) => operation.status).sort(), ['active', 'completed'])
    })
  })
}
