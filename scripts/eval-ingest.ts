// Evaluates the statement reader on a folder of labelled examples (DIR/*.txt + DIR/*.json) and
// prints precision/recall/F1 per field and language (../shared/docs/ingest-format.md "Judging").
// Usage: npm run eval:ingest -- DIR [--json] [--verbose]
import { readdirSync, readFileSync } from 'node:fs'
import { join, basename } from 'node:path'
import { loadIngestPlaceIndex } from '../src/ingest/ingest-place-index.ts'
import { readStatement } from '../src/ingest/core/statement-reader.ts'
import { emptyScores, formatScores, scoreDocument } from '../src/ingest/core/evaluation-scorer.ts'
import type { GoldLabel, GroupScores } from '../src/ingest/core/evaluation-scorer.ts'

/** Runs the evaluation over one folder and returns the score groups (overall first). */
export function evaluateFolder(directory: string, options: { verbose?: boolean } = {}): Map<string, GroupScores> {
  const index = loadIngestPlaceIndex()
  const groups = new Map<string, GroupScores>([['all', emptyScores()]])
  for (const name of readdirSync(directory).filter((file) => file.endsWith('.txt')).sort()) {
    const goldPath = join(directory, name.replace(/\.txt$/, '.json'))
    let gold: GoldLabel
    try {
      gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldLabel
    } catch {
      continue
    }
    const text = readFileSync(join(directory, name), 'utf8')
    const draft = readStatement(text, { published: gold.published ?? null, file: basename(name) }, index)
    const group = groups.get(draft.language) ?? emptyScores()
    groups.set(draft.language, group)
    scoreDocument(groups.get('all')!, draft, gold)
    scoreDocument(group, draft, gold)
    if (options.verbose) {
      const fmt = (r: { item: string; action: string; count: number | null }): string => `${r.item}/${r.action}/${r.count}`
      const miss: string[] = []
      const predictedResults = draft.results.map(fmt).sort().join(' ')
      const goldResults = gold.results.map(fmt).sort().join(' ')
      if (predictedResults !== goldResults) miss.push(`results: ${predictedResults} ≠ ${goldResults}`)
      const predictedActors = draft.actors.map((actor) => actor.id).sort().join(',')
      const goldActors = [...gold.actors].sort().join(',')
      if (predictedActors !== goldActors) miss.push(`actors: ${predictedActors} ≠ ${goldActors}`)
      if (draft.eventDate !== gold.eventDate) miss.push(`date: ${draft.eventDate} ≠ ${gold.eventDate}`)
      const placeProblems = (predicted: readonly { name: string }[], expected: GoldLabel['places']): string | null => {
        const probe = emptyScores()
        scoreDocument(probe, { ...draft, places: predicted, eventPlaces: [] }, { ...gold, places: expected, eventPlaces: [] })
        return probe.places.fp + probe.places.fn === 0 ? null : `${predicted.map((place) => place.name).join(', ')} | gold ${expected.map((place) => place.name).join(', ')}`
      }
      const places = placeProblems(draft.places, gold.places)
      if (places) miss.push(`places: ${places}`)
      const eventPlaces = placeProblems(draft.eventPlaces, gold.eventPlaces)
      if (eventPlaces) miss.push(`eventPlaces: ${eventPlaces}`)
      if (draft.operationName !== gold.operationName) miss.push(`op: ${draft.operationName} ≠ ${gold.operationName}`)
      if (miss.length > 0) console.log(`${name}\n  ${miss.join('\n  ')}`)
    }
  }
  return groups
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(basename(process.argv[1]))
if (isMain) {
  const args = process.argv.slice(2)
  const directory = args.find((arg) => !arg.startsWith('--'))
  if (!directory) {
    console.error('usage: npm run eval:ingest -- DIR [--json] [--verbose]')
    process.exit(2)
  }
  const groups = evaluateFolder(directory, { verbose: args.includes('--verbose') })
  if (args.includes('--json')) console.log(JSON.stringify(Object.fromEntries(groups), null, 2))
  else console.log(formatScores(groups))
}
