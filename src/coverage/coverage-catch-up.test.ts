import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storageBackends } from '../platform/database/test-database.ts'
import { startTestTansiq, type TestTansiq } from '../server/test-harness.ts'
import { seedDemoPicture } from '../demo/demo-picture.ts'

// A server that starts on rooms whose coverage is not stored (data written while it was down, or
// never computed) computes it in the background at once, before anyone asks for it.
for (const backend of storageBackends()) {
  describe(`coverage catching up at start on ${backend}`, () => {
    let tansiq: TestTansiq
    const storedRooms = async () => (await tansiq.database.query<{ room_id: string }>('select room_id from coverage_states order by room_id')).map((row) => row.room_id)

    before(async () => {
      tansiq = await startTestTansiq(backend)
      assert.equal(await seedDemoPicture(tansiq), true)
      await tansiq.coverage.idle()
    })
    after(async () => {
      await tansiq?.close()
    })

    test('rooms without stored coverage are computed when the service starts, without a request', async () => {
      const computed = await storedRooms()
      assert.ok(computed.includes('kirkuk'), `the demo room has coverage: ${computed.join(', ')}`)
      await tansiq.coverage.stop()
      await tansiq.database.execute('delete from coverage_parts; delete from coverage_history; delete from coverage_alerts; delete from coverage_states')
      assert.deepEqual(await storedRooms(), [])

      tansiq.coverage.start()
      await tansiq.coverage.idle()
      assert.deepEqual(await storedRooms(), computed)
    })
  })
}
