// The place index the statement reader uses: the shipped gazetteer, with every lexicon word
// (force names, result nouns, action verbs) barred from being read as a village name.
import { loadPlaceIndex } from '../places/gazetteer-loader.ts'
import type { PlaceIndex } from '../places/core/place-index.ts'
import { LEXICON_WORDS } from './core/ingest-lexicon.ts'

/** Loads (once per process) the place index for reading statements. */
export function loadIngestPlaceIndex(directory?: string): PlaceIndex {
  return loadPlaceIndex({ directory, stopwords: LEXICON_WORDS })
}
