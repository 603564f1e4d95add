import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { openTestDatabase, storageBackends } from './test-database.ts'
import type { Database } from './database.ts'
import { isMigrated, migrate, readMigrations, type Migration } from './migrator.ts'

test('the migration files are numbered from 1, each number once, in order', () => {
  const migrations = readMigrations()
  assert.equal(migrations[0]?.version, 1)
  migrations.forEach((migration, index) => index > 0 && assert.ok(migration.version > migrations[index - 1]!.version))
})

for (const backend of storageBackends()) {
  describe(`migrations on ${backend}`, () => {
    let database: Database
    before(async () => {
      database = await openTestDatabase(backend)
    })
    after(async () => {
      await database.close()
    })

    test('every migration is recorded and PostGIS is available', async () => {
      assert.equal(await isMigrated(database), true)
      const rows = await database.query<{ area: number }>("select st_area(st_geomfromtext('POLYGON((44 34,45 34,45 35,44 35,44 34))', 4326)::geography) / 1e6 as area")
      assert.ok(rows[0]!.area > 10_000 && rows[0]!.area < 10_400, `1°×1° near Kifri is about 10,190 km², got ${rows[0]!.area}`)
    })

    test('running the migrations again applies nothing', async () => {
      assert.deepEqual(await migrate(database), [])
    })

    test('a failing migration is rolled back whole and not recorded', async () => {
      const migrations: Migration[] = [
        ...readMigrations(),
        { version: readMigrations().at(-1)!.version + 1, name: 'broken', sql: 'create table half_written (id int); select * from no_such_table;' },
      ]
      await assert.rejects(migrate(database, { migrations }))
      const tables = await database.query("select 1 from information_schema.tables where table_name = 'half_written'")
      assert.equal(tables.length, 0)
      assert.equal(await isMigrated(database, migrations), false)
      assert.equal(await isMigrated(database), true)
    })
  })
}
