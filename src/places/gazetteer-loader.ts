// Loads the place records from reference-data/gazetteer (I/O) and builds the matching index.
// Kept outside places/core so the core stays pure. Records and index are built once per process
// and memoised: a CLI run pays the load once, a server keeps it, and the places table, the place
// search and the statement reader all share the same records.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { parseCuratedPlaces, parseWofGazetteer, resolveCuratedParents } from './core/place-record.ts'
import type { PlaceRecord } from './core/place-record.ts'
import { buildPlaceIndex } from './core/place-index.ts'
import type { PlaceIndex } from './core/place-index.ts'

/** Folder holding the gazetteer files shipped with the repository. */
export const DEFAULT_GAZETTEER_DIRECTORY = fileURLToPath(new URL('../../reference-data/gazetteer/', import.meta.url))

const recordCache = new Map<string, readonly PlaceRecord[]>()

/** Reads (once per process and folder) the curated list and the Who's On First gazetteer into place records (curated first). */
export function loadPlaceRecords(directory = DEFAULT_GAZETTEER_DIRECTORY): readonly PlaceRecord[] {
  const cached = recordCache.get(directory)
  if (cached) return cached
  const curated = parseCuratedPlaces(readFileSync(join(directory, 'places-curated.tsv'), 'utf8'))
  const wof = parseWofGazetteer(readFileSync(join(directory, 'iq_gazetteer_wof.tsv'), 'utf8'))
  const records = resolveCuratedParents([...curated, ...wof])
  recordCache.set(directory, records)
  return records
}

const cache = new Map<string, PlaceIndex>()

/**
 * Loads (once per process and key) the place index, with extra stop-words that must never be read
 * as places. The name maps do not depend on the stop-words: they are built once per folder (about
 * a second) and shared by every stop-word list (the place search and the statement reader).
 */
export function loadPlaceIndex(options: { directory?: string; stopwords?: readonly string[] } = {}): PlaceIndex {
  const directory = options.directory ?? DEFAULT_GAZETTEER_DIRECTORY
  const key = `${directory}\u0000${(options.stopwords ?? []).join('|')}`
  const cached = cache.get(key)
  if (cached) return cached
  const baseKey = `${directory}\u0000`
  let base = cache.get(baseKey)
  if (!base) {
    base = buildPlaceIndex(loadPlaceRecords(directory))
    cache.set(baseKey, base)
  }
  // An index over no records costs nothing and carries exactly the stop-word set of this list.
  const index = key === baseKey ? base : { ...base, stopwords: buildPlaceIndex([], { stopwords: options.stopwords ?? [] }).stopwords }
  cache.set(key, index)
  return index
}
