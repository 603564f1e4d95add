import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { openTestDatabase, storageBackends } from '../platform/database/test-database.ts'
import type { Database } from '../platform/database/database.ts'
import { appendAuditEntry, listAuditEntries, verifyAuditLog } from './audit-log.ts'
import { createCheckpoint, publicKeyPem, verifyCheckpoint } from './audit-checkpoint.ts'

const actor = { userId: null, username: 'cli:test', organizationId: 'peshmerga', requestId: 'r1' }

async function appendMany(database: Database, count: number, offset = 0): Promise<void> {
  for (let i = 1; i <= count; i += 1) {
    await database.transaction((transaction) => appendAuditEntry(transaction, actor, { action: 'unit.updated', objectType: 'unit', objectId: `u${offset + i}`, change: { status: `s${offset + i}`, nested: { b: 2, a: 1 } } }))
  }
}

for (const backend of storageBackends()) {
  describe(`audit log on ${backend}`, () => {
    let database: Database
    before(async () => {
      database = await openTestDatabase(backend)
    })
    after(async () => {
      await database.close()
    })

    test('appended entries form a chain that verifies', async () => {
      await appendMany(database, 6)
      const result = await verifyAuditLog(database, 4)
      assert.equal(result.ok, true)
      assert.equal(result.count, 6)
    })

    test('an entry is written in the same transaction as the change: a rollback leaves no entry', async () => {
      await assert.rejects(database.transaction(async (transaction) => {
        await appendAuditEntry(transaction, actor, { action: 'unit.created', objectType: 'unit', objectId: 'doomed', change: {} })
        throw new Error('the change failed')
      }))
      const entries = await listAuditEntries(database, { organizationId: null, limit: 100 })
      assert.equal(entries.some((entry) => entry.objectId === 'doomed'), false)
      assert.equal((await verifyAuditLog(database)).ok, true)
    })

    test('an audit view shows an organization only the entries visible to it', async () => {
      await database.transaction((transaction) => appendAuditEntry(transaction, { ...actor, organizationId: 'iraqi-army' }, { action: 'unit.created', objectType: 'unit', objectId: 'army-only', change: {} }))
      const peshmerga = await listAuditEntries(database, { organizationId: 'peshmerga', limit: 500 })
      const army = await listAuditEntries(database, { organizationId: 'iraqi-army', limit: 500 })
      assert.equal(peshmerga.some((entry) => entry.objectId === 'army-only'), false)
      assert.equal(army.some((entry) => entry.objectId === 'army-only'), true)
    })

    test('a checkpoint verifies now and after more entries, but not after a rewrite', async () => {
      const { privateKey } = generateKeyPairSync('ed25519')
      const checkpoint = await createCheckpoint(database, privateKey)
      assert.equal((await verifyCheckpoint(database, checkpoint, publicKeyPem(privateKey))).ok, true)
      await appendMany(database, 2, 100)
      const later = await verifyCheckpoint(database, checkpoint, publicKeyPem(privateKey))
      assert.equal(later.ok, true)

      const other = generateKeyPairSync('ed25519').privateKey
      const wrongKey = await verifyCheckpoint(database, checkpoint, publicKeyPem(other))
      assert.equal(wrongKey.ok, false)
      const forged = { ...checkpoint, count: checkpoint.count - 1 }
      assert.equal((await verifyCheckpoint(database, forged, publicKeyPem(privateKey))).ok, false)
    })

    test('editing a row directly in the database is found and named', async () => {
      await database.query("update audit_log set actor_username = 'intruder' where sequence = 3")
      const result = await verifyAuditLog(database)
      assert.equal(result.ok, false)
      assert.equal(!result.ok && result.firstBreak.sequence, 3)
      await database.query("update audit_log set actor_username = 'cli:test' where sequence = 3")
      assert.equal((await verifyAuditLog(database)).ok, true)
    })

    test('editing the recorded change is found by its digest', async () => {
      await database.query(`update audit_log set change = '{"status":"forged"}'::jsonb where sequence = 2`)
      const result = await verifyAuditLog(database)
      assert.equal(!result.ok && result.firstBreak.sequence, 2)
      assert.equal(!result.ok && result.firstBreak.reason, 'change-digest-mismatch')
    })

    test('deleting a row directly in the database is found and named', async () => {
      await database.query(`update audit_log set change = '{"status":"s2","nested":{"a":1,"b":2}}'::jsonb where sequence = 2`)
      assert.equal((await verifyAuditLog(database)).ok, true)
      await database.query('delete from audit_log where sequence = 4')
      const result = await verifyAuditLog(database)
      assert.equal(result.ok, false)
      assert.equal(!result.ok && result.firstBreak.sequence, 5)
      assert.equal(!result.ok && result.firstBreak.reason, 'sequence-gap')
    })

    test('deleting the newest entries is found through the chain head', async () => {
      const fresh = await openTestDatabase(backend)
      try {
        await appendMany(fresh, 3)
        await fresh.query('delete from audit_log where sequence = 3')
        const result = await verifyAuditLog(fresh)
        assert.equal(result.ok, false)
        assert.equal(!result.ok && result.firstBreak.sequence, 3)
      } finally {
        await fresh.close()
      }
    })
  })
}
