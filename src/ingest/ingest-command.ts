// `tansiq ingest FILE... --published YYYY-MM-DD --format json`: reads statements into incident
// drafts. Bad input (missing, empty, binary, over 1 MB) gives a JSON answer with an error for
// that file, never a crash; the exit code is 0 unless the command line itself is wrong.
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Command } from 'commander'
import { readStatement } from './core/statement-reader.ts'
import { maxStatementBytes } from './core/draft-review.ts'
import type { IncidentDraft } from './core/incident-draft-schema.ts'
import { loadIngestPlaceIndex } from './ingest-place-index.ts'
import type { PlaceIndex } from '../places/core/place-index.ts'

/** Largest file the command reads (the statement limit of core/draft-review.ts). */
export const MAX_INGEST_BYTES = maxStatementBytes

/** The answer for a file that could not be read: the draft fields stay empty and `error` says why. */
export interface IngestFailure {
  readonly file: string
  readonly error: string
  readonly language: null
  readonly eventDate: null
  readonly places: []
  readonly eventPlaces: []
  readonly actors: []
  readonly results: []
  readonly operationName: null
  readonly warnings: string[]
}

function failure(file: string, error: string): IngestFailure {
  return { file, error, language: null, eventDate: null, places: [], eventPlaces: [], actors: [], results: [], operationName: null, warnings: [error] }
}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192)
  let control = 0
  for (const byte of sample) {
    if (byte === 0) return true
    if (byte < 9 || (byte > 13 && byte < 32)) control++
  }
  return sample.length > 0 && control / sample.length > 0.05
}

/** Reads one file into a draft or a failure answer; never throws. */
export function ingestFile(path: string, published: string | null, places: PlaceIndex): IncidentDraft | IngestFailure {
  const file = basename(path)
  try {
    const size = statSync(path).size
    if (size > MAX_INGEST_BYTES) return failure(file, `file is ${size} bytes, over the 1 MB limit: refused`)
    const bytes = readFileSync(path)
    if (bytes.length === 0) return failure(file, 'file is empty')
    if (looksBinary(bytes)) return failure(file, 'file looks binary, not UTF-8 text')
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '')
    if (text.includes('\uFFFD') && (text.match(/\uFFFD/g)?.length ?? 0) > text.length / 20) return failure(file, 'file is not valid UTF-8 text')
    if (text.trim() === '') return failure(file, 'file has no text')
    return readStatement(text, { published, file }, places)
  } catch (error) {
    return failure(file, `cannot read file: ${(error as Error).message}`)
  }
}

/** Runs the command's work: one answer per file, as the JSON text to print. */
export function runIngest(paths: readonly string[], published: string | null, places: PlaceIndex = loadIngestPlaceIndex()): string {
  const answers = paths.map((path) => ingestFile(path, published, places))
  return JSON.stringify(answers.length === 1 ? answers[0] : answers, null, 2)
}

/** Adds `ingest FILE... --published YYYY-MM-DD --format json` to the CLI program. */
export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('Read press statements or field reports (Arabic, Sorani, English) into incident drafts')
    .argument('<files...>', 'UTF-8 text files, one statement each')
    .requiredOption('--published <date>', 'publication date YYYY-MM-DD, the reference for relative dates')
    .option('--format <format>', 'output format (json)', 'json')
    .action((files: string[], options: { published: string; format: string }) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(options.published) || Number.isNaN(Date.parse(options.published))) {
        program.error(`error: --published must be a date YYYY-MM-DD, got "${options.published}"`, { exitCode: 2 })
      }
      if (options.format !== 'json') program.error(`error: --format supports only json, got "${options.format}"`, { exitCode: 2 })
      process.stdout.write(runIngest(files, options.published) + '\n')
    })
}
