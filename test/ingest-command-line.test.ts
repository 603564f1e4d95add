// `tansiq ingest` as a user runs it: a child process over files in a temporary folder.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServerStorage, runTansiq, type ServerStorage } from './support/server-process.ts'

const arabic = `البيشمركة تدمر أوكارا لداعش قرب كفري
أعلنت وزارة شؤون البيشمركة، اليوم الأحد، أن قوة من البيشمركة نفذت أمس عملية تفتيش في قرية بلكانة التابعة لقضاء كفري، أسفرت عن تدمير 3 عجلات تابعة لعصابات داعش الإرهابية.`

describe('the tansiq ingest command', () => {
  let storage: ServerStorage
  let folder: string
  before(async () => {
    storage = await createServerStorage('pglite')
    folder = mkdtempSync(join(tmpdir(), 'tansiq-ingest-cli-'))
    writeFileSync(join(folder, 'statement.txt'), arabic)
    writeFileSync(join(folder, 'empty.txt'), '')
  })
  after(async () => {
    rmSync(folder, { recursive: true, force: true })
    await storage.dispose()
  })

  test('is listed in the help and has its own', async () => {
    assert.match((await runTansiq(storage, ['--help'])).stdout, /ingest \[options\] <files\.\.\.>/)
    const help = await runTansiq(storage, ['ingest', '--help'])
    assert.equal(help.code, 0)
    assert.match(help.stdout, /Usage: tansiq ingest .*--published <date>/s)
  })

  test('two files give a JSON array of two answers; the empty file gets an error, not a crash', async () => {
    const result = await runTansiq(storage, ['ingest', join(folder, 'statement.txt'), join(folder, 'empty.txt'), '--published', '2021-06-06', '--format', 'json'])
    assert.equal(result.code, 0, result.stderr)
    const answers = JSON.parse(result.stdout)
    assert.ok(Array.isArray(answers))
    assert.equal(answers.length, 2)
    const [statement, empty] = answers
    assert.equal(statement.file, 'statement.txt')
    assert.equal(statement.language, 'ar')
    assert.equal(statement.eventDate, '2021-06-05')
    assert.deepEqual(statement.eventPlaces.map((place: { name: string }) => place.name), ['Balkana'])
    assert.ok(statement.actors.some((actor: { id: string }) => actor.id === 'peshmerga'))
    assert.ok(statement.results.some((result: { item: string; action: string; count: number }) => result.item === 'vehicle' && result.action === 'destroyed' && result.count === 3))
    assert.equal(empty.file, 'empty.txt')
    assert.match(empty.error, /empty/)
    assert.ok(empty.warnings.length > 0)
    assert.deepEqual([empty.places, empty.actors, empty.results], [[], [], []])
  })

  test('a publication date that is not a date is refused with a message', async () => {
    const result = await runTansiq(storage, ['ingest', join(folder, 'statement.txt'), '--published', 'yesterday'])
    assert.equal(result.code, 2)
    assert.match(result.stderr, /--published must be a date YYYY-MM-DD/)
    assert.equal(result.stdout, '')
  })
})
