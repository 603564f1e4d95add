import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command } from 'commander'
import { registerIngestCommand } from './ingest-command.ts'

function run(args: string[]): { stdout: string; error: Error | null } {
  const program = new Command().name('tansiq').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} })
  registerIngestCommand(program)
  let stdout = ''
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string) => { stdout += chunk; return true }) as typeof process.stdout.write
  try {
    program.parse(['node', 'tansiq', ...args])
    return { stdout, error: null }
  } catch (error) {
    return { stdout, error: error as Error }
  } finally {
    process.stdout.write = write
  }
}

const folder = mkdtempSync(join(tmpdir(), 'tansiq-ingest-'))
const statement = join(folder, 'statement.txt')
writeFileSync(statement, 'البيشمركة تدمر ثلاثة كهوف لداعش\nأعلنت وزارة البيشمركة أمس تدمير ثلاثة كهوف في قضاء كفري.')

test('one file gives one JSON object with the contract fields', () => {
  const { stdout, error } = run(['ingest', statement, '--published', '2021-06-07', '--format', 'json'])
  assert.equal(error, null)
  const draft = JSON.parse(stdout)
  assert.equal(draft.file, 'statement.txt')
  assert.equal(draft.eventDate, '2021-06-06')
  assert.deepEqual(draft.results.map((result: { item: string; count: number }) => `${result.item}/${result.count}`), ['cave/3'])
  for (const field of ['language', 'places', 'eventPlaces', 'actors', 'operationName']) assert.ok(field in draft)
})

test('bad files each get a JSON answer with a reason, never a crash', () => {
  const empty = join(folder, 'empty.txt')
  writeFileSync(empty, '')
  const binary = join(folder, 'binary.bin')
  writeFileSync(binary, Buffer.from([0, 1, 2, 3, 255, 0, 7]))
  const large = join(folder, 'large.txt')
  writeFileSync(large, 'أ'.repeat(600 * 1024))
  const { stdout, error } = run(['ingest', empty, binary, large, join(folder, 'missing.txt'), statement, '--published', '2021-06-07'])
  assert.equal(error, null)
  const answers = JSON.parse(stdout) as { file: string; error?: string }[]
  assert.equal(answers.length, 5)
  assert.match(answers[0]!.error!, /empty/)
  assert.match(answers[1]!.error!, /binary/)
  assert.match(answers[2]!.error!, /1 MB/)
  assert.match(answers[3]!.error!, /cannot read/)
  assert.equal(answers[4]!.error, undefined)
})

test('a malformed --published date is a usage error', () => {
  const { error } = run(['ingest', statement, '--published', '2021-13-45'])
  assert.ok(error)
  assert.equal((error as Error & { exitCode?: number }).exitCode, 2)
})
