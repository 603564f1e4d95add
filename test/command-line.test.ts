// The tansiq command: user management, audit verification and checkpoints, help, and refusals.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openPgliteDatabase } from '../src/platform/database/pglite-database.ts'
import { createServerStorage, runTansiq, type ServerStorage } from './support/server-process.ts'

describe('the tansiq command on the embedded database', () => {
  let storage: ServerStorage
  before(async () => {
    storage = await createServerStorage('pglite')
  })
  after(async () => {
    await storage.dispose()
  })

  test('every command has --help', async () => {
    for (const command of [[], ['serve'], ['db', 'migrate'], ['user', 'add'], ['user', 'passwd'], ['user', 'disable'], ['user', 'list'], ['audit', 'verify'], ['audit', 'checkpoint'], ['demo', 'seed']]) {
      const result = await runTansiq(storage, [...command, '--help'])
      assert.equal(result.code, 0, `${command.join(' ')} --help`)
      assert.match(result.stdout, /Usage: tansiq/)
    }
  })

  test('db migrate prepares the database with progress, then demo seed creates the accounts', async () => {
    const migrated = await runTansiq(storage, ['db', 'migrate'])
    assert.equal(migrated.code, 0, migrated.stderr)
    assert.match(migrated.stderr, /First start: creating the embedded database/)
    assert.match(migrated.stderr, /Applying migration 1 foundation/)
    const seeded = await runTansiq(storage, ['demo', 'seed'])
    assert.equal(seeded.code, 0, seeded.stderr)
    const listed = await runTansiq(storage, ['user', 'list', '--org', 'peshmerga'])
    assert.deepEqual(listed.stdout.trim().split('\n').map((line) => line.split('\t')[0]), ['pesh.analyst', 'pesh.commander', 'pesh.liaison', 'pesh.watch'])
  })

  test('user add reads the password from standard input; disable and passwd change the account', async () => {
    const added = await runTansiq(storage, ['user', 'add', 'kirkuk.admin', '--org', 'joc', '--role', 'admin', '--name', 'Kirkuk room admin'], 'a-strong-password-7\n')
    assert.equal(added.code, 0, added.stderr)
    const refused = await runTansiq(storage, ['user', 'add', 'short.pw', '--org', 'joc', '--role', 'viewer'], 'short\n')
    assert.notEqual(refused.code, 0)
    const badRole = await runTansiq(storage, ['user', 'add', 'bad.role', '--org', 'joc', '--role', 'general'], 'a-strong-password-7\n')
    assert.notEqual(badRole.code, 0)
    assert.equal((await runTansiq(storage, ['user', 'disable', 'pesh.watch'])).code, 0)
    assert.equal((await runTansiq(storage, ['user', 'passwd', 'pesh.liaison'], 'another-password-8\n')).code, 0)
    const listed = await runTansiq(storage, ['user', 'list'])
    assert.match(listed.stdout, /kirkuk\.admin\tjoc\tadmin\tenabled/)
    assert.match(listed.stdout, /pesh\.watch\tpeshmerga\twatch-officer\tdisabled/)
    assert.doesNotMatch(listed.stdout, /short\.pw|bad\.role/)
  })

  test('audit verify passes, a checkpoint verifies, and a tampered row fails both naming the entry', async () => {
    const verified = await runTansiq(storage, ['audit', 'verify'])
    assert.equal(verified.code, 0, verified.stdout + verified.stderr)
    const checkpointed = await runTansiq(storage, ['audit', 'checkpoint'])
    assert.equal(checkpointed.code, 0, checkpointed.stderr)
    const checkpoint = JSON.parse(checkpointed.stdout)
    assert.ok(checkpoint.count > 10)
    assert.match(checkpoint.signature, /^[A-Za-z0-9+/=]+$/)
    const file = join(mkdtempSync(join(tmpdir(), 'tansiq-checkpoint-')), 'checkpoint.json')
    writeFileSync(file, checkpointed.stdout)
    assert.equal((await runTansiq(storage, ['user', 'enable', 'pesh.watch'])).code, 0)
    const extends_ = await runTansiq(storage, ['audit', 'verify', '--checkpoint', file])
    assert.equal(extends_.code, 0, extends_.stdout + extends_.stderr)

    const database = await openPgliteDatabase({ dataDirectory: join(storage.environment.TANSIQ_DATA_DIR!, 'pglite') })
    await database.query("update audit_log set object_id = 'rewritten' where sequence = 5")
    await database.close()
    const broken = await runTansiq(storage, ['audit', 'verify'])
    assert.equal(broken.code, 1)
    assert.match(broken.stdout, /FAILED at entry 5/)
    const brokenCheckpoint = await runTansiq(storage, ['audit', 'verify', '--checkpoint', file])
    assert.equal(brokenCheckpoint.code, 1)
    assert.match(brokenCheckpoint.stdout, /entry 5/)
  })

  test('demo data is refused in production and a bad variable is named', async () => {
    const production = await runTansiq({ ...storage, environment: { ...storage.environment, NODE_ENV: 'production' } }, ['demo', 'seed'])
    assert.notEqual(production.code, 0)
    assert.match(production.stderr, /refused when NODE_ENV=production/)
    const badPort = await runTansiq({ ...storage, environment: { ...storage.environment, PORT: 'http' } }, ['serve'])
    assert.equal(badPort.code, 78)
    assert.match(badPort.stderr, /PORT/)
  })
})
