// Name search over the gazetteer for `GET /api/places?q=`, on the shared in-memory place index
// (places/core/place-index.ts), whose keys already fold the spellings of one name together:
// diacritics, tatweel, hamza and alef forms, ى/ي, ة/ه, Sorani letters, Eastern Arabic and Persian
// digits, spaces inside names, the Arabic article, and Latin transliteration variants.
//
// Order: the match tier first — a curated alias, then a place's own name, then another recorded
// spelling (all by whole key), then fuzzy — and within a tier the place's importance (kind,
// population, curated) and its proximity to `near`. Fuzzy covers what the user has not finished
// or mistyped: first the longer names the query begins (a search box is typed letter by letter),
// then names one edit away (an extra, missing, wrong or swapped letter). Fuzzy candidates are
// only sought while the better tiers leave the page short, so a common query costs a few look-ups.
// A gazetteer row that is the same place as a curated record (same kind, a shared name, closer
// than 25 km) answers as the curated record, with the row's population: a place is listed once.
//
// Pure: no I/O; the structures below are built once per index and shared.
import { derivedArabicNames, keyOfName } from './core/place-index.ts'
import type { MatchTier, PlaceIndex } from './core/place-index.ts'
import { distanceKm } from './core/place-record.ts'
import type { PlaceKind, PlaceRecord } from './core/place-record.ts'

/** What a search asks for, already validated. */
export interface PlaceSearchQuery {
  readonly q: string
  readonly kind?: PlaceKind | undefined
  readonly near?: { readonly lat: number; readonly lon: number } | undefined
  readonly limit: number
}

/** One answer: the place, how its name matched, its score (higher first; consistent with the order) and its distance to `near`. */
export interface PlaceSearchResult {
  readonly record: PlaceRecord
  readonly tier: MatchTier
  readonly score: number
  readonly distanceKm: number | null
}

type Entries = PlaceIndex['arabic'] extends ReadonlyMap<string, infer E> ? E : never

/** A place under one key, resolved ahead of time: the record to answer with, how the key names it, its importance. */
interface Candidate {
  readonly record: PlaceRecord
  readonly tier: MatchTier
  readonly importance: number
}

interface ScriptKeys {
  /** Every key of the index's map, sorted: prefixes and first letters are contiguous ranges. */
  readonly sorted: readonly string[]
  /** The candidates of each sorted key (same position). */
  readonly candidates: ReadonlyArray<readonly Candidate[]>
  readonly byKey: ReadonlyMap<string, readonly Candidate[]>
  /** For each sorted key, the highest importance among its candidates: lets a scan skip keys that cannot make the page. */
  readonly bestImportance: Float64Array
}

interface SearchStructures {
  readonly arabic: ScriptKeys
  readonly latin: ScriptKeys
  /** Resolves an index entry the way the key candidates are resolved (for the index's fuzzy map). */
  readonly candidateOf: (record: PlaceRecord, tier: MatchTier) => Candidate
}

const TIER_RANK: Readonly<Record<MatchTier, number>> = { alias: 3, exact: 2, normalised: 1, fuzzy: 0 }
const KIND_WEIGHT: Readonly<Record<PlaceKind, number>> = { governorate: 8, district: 7, town: 6, subdistrict: 5, area: 5, village: 2, neighbourhood: 1, country: 0 }
/** Keys examined at most for one prefix or one-edit scan: bounds the cost of a one-letter query. */
const SCAN_LIMIT = 8000
/** A curated place and a gazetteer row of its kind and name closer than this are one place (as in the statement reader). */
const SAME_PLACE_KM = 25
/**
 * Score bands, so that the score alone gives the order: whole-key tiers 200 apart, and within the
 * fuzzy band the names the query begins 100 above the names one edit away (a place's own score
 * within a band — importance and proximity — stays below 30).
 */
const TIER_BAND = 200
const PREFIX_BAND = 100
const ONE_EDIT_PENALTY = 2
/** The most `near` can add to a score (at the point itself). */
const MAX_PROXIMITY = 8
const KM_PER_DEGREE = 111.195

const structures = new WeakMap<PlaceIndex, SearchStructures>()

function structuresOf(index: PlaceIndex): SearchStructures {
  const cached = structures.get(index)
  if (cached) return cached
  // The curated record of a place carries its preferred names: a gazetteer row of the same place
  // is answered as the curated record, so an answer never lists one place twice.
  const curatedTwin = new Map<PlaceRecord, PlaceRecord>()
  for (const map of [index.arabic, index.latin]) {
    for (const entries of map.values()) {
      const curated = entries.filter((entry) => entry.record.source === 'curated')
      if (curated.length === 0) continue
      for (const entry of entries) {
        if (entry.record.source === 'curated' || curatedTwin.has(entry.record)) continue
        const twin = curated.find((other) => other.record.kind === entry.record.kind && distanceKm(other.record, entry.record) < SAME_PLACE_KM)
        if (twin) curatedTwin.set(entry.record, twin.record)
      }
    }
  }
  // A curated record has no population: it takes its twin's.
  const population = new Map<PlaceRecord, number>()
  for (const record of index.records) population.set(record, record.population)
  for (const [row, curated] of curatedTwin) population.set(curated, Math.max(population.get(curated) ?? 0, row.population))
  const importance = new Map<PlaceRecord, number>()
  for (const record of index.records) importance.set(record, KIND_WEIGHT[record.kind] + Math.log10((population.get(record) ?? 0) + 1) + (record.source === 'curated' ? 3 : 0))
  const candidateOf = (offered: PlaceRecord, tier: MatchTier): Candidate => {
    const record = curatedTwin.get(offered) ?? offered
    return { record, tier, importance: importance.get(record) ?? 0 }
  }
  const scriptKeys = (map: ReadonlyMap<string, Entries>): ScriptKeys => {
    const sorted = [...map.keys()].sort()
    const candidates = sorted.map((key) => map.get(key)!.map((entry) => candidateOf(entry.record, entry.tier)))
    const bestImportance = Float64Array.from(candidates, (list) => Math.max(0, ...list.map((candidate) => candidate.importance)))
    return { sorted, candidates, byKey: new Map(sorted.map((key, at) => [key, candidates[at]!])), bestImportance }
  }
  const built = { arabic: scriptKeys(index.arabic), latin: scriptKeys(index.latin), candidateOf }
  structures.set(index, built)
  return built
}

/** Builds the search structures of an index now (else the first search does). */
export function preparePlaceSearch(index: PlaceIndex): void {
  structuresOf(index)
}

function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! < key) low = middle + 1
    else high = middle
  }
  return low
}

/** True when `a` becomes `b` by one inserted, deleted or substituted letter, or two adjacent letters swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > 1) return false
  let start = 0
  while (start < la && start < lb && a[start] === b[start]) start++
  let endA = la - 1
  let endB = lb - 1
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--
    endB--
  }
  const differingA = endA - start + 1
  const differingB = endB - start + 1
  if (differingA <= 1 && differingB <= 1) return true
  return differingA === 2 && differingB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start]
}

/** Closer is better: +8 at the point, +4 at 20 km, +2 at 60 km, fading beyond. */
function proximity(distance: number | null): number {
  return distance === null ? 0 : MAX_PROXIMITY / (1 + distance / 20)
}

/** Keeps the best `limit` answers, one per place, best first (ties by id), as they are offered. */
class TopAnswers {
  readonly answers: PlaceSearchResult[] = []
  constructor(private readonly limit: number) {}

  /** The score an answer must beat to enter a full page (-Infinity while the page has room). */
  get threshold(): number {
    return this.answers.length < this.limit ? -Infinity : this.answers[this.answers.length - 1]!.score
  }

  offer(answer: PlaceSearchResult): void {
    // A place already on the page scores at least the threshold, so this never drops an improvement.
    if (this.answers.length === this.limit && !precedes(answer, this.answers[this.limit - 1]!)) return
    const existing = this.answers.findIndex((other) => other.record === answer.record)
    if (existing >= 0) {
      if (!precedes(answer, this.answers[existing]!)) return
      this.answers.splice(existing, 1)
    }
    let at = this.answers.length
    while (at > 0 && precedes(answer, this.answers[at - 1]!)) at--
    this.answers.splice(at, 0, answer)
    if (this.answers.length > this.limit) this.answers.pop()
  }
}

function precedes(a: PlaceSearchResult, b: PlaceSearchResult): boolean {
  return a.score > b.score || (a.score === b.score && a.record.id < b.record.id)
}

/** Searches places by name in any script and spelling; see the file comment for the order. */
export function searchPlaceNames(index: PlaceIndex, query: PlaceSearchQuery): PlaceSearchResult[] {
  const keyed = keyOfName(query.q)
  if (!keyed || keyed.key.length === 0 || query.limit < 1) return []
  const built = structuresOf(index)
  const keys = keyed.script === 'arabic' ? built.arabic : built.latin
  const top = new TopAnswers(query.limit)

  // Scoring uses a flat-earth distance (a few per cent off the great circle across Iraq, which
  // only nudges a rank, and cheap for thousands of candidates); answers carry the great-circle one.
  const near = query.near
  const degreesToKmEast = near ? KM_PER_DEGREE * Math.cos((near.lat * Math.PI) / 180) : 0
  const offer = (candidate: Candidate, tier: MatchTier, adjustment: number): void => {
    const { record } = candidate
    if (query.kind !== undefined && record.kind !== query.kind) return
    const distance = near ? Math.hypot((record.lon - near.lon) * degreesToKmEast, (record.lat - near.lat) * KM_PER_DEGREE) : null
    const score = TIER_RANK[tier] * TIER_BAND + candidate.importance + proximity(distance) + adjustment
    if (score < top.threshold) return
    top.offer({ record, tier, score, distanceKm: distance })
  }
  const wholeKeyPageFull = () => top.answers.length === query.limit && top.answers[query.limit - 1]!.tier !== 'fuzzy'

  for (const candidate of keys.byKey.get(keyed.key) ?? []) offer(candidate, candidate.tier, 0)
  // "قرية ١٧ اصلاح", "قضاء طوز خورماتو": the gazetteer indexes the name without the settlement word.
  for (const base of derivedArabicNames(query.q)) {
    const baseKey = keyOfName(base)
    if (baseKey && baseKey.key !== keyed.key) for (const candidate of keys.byKey.get(baseKey.key) ?? []) offer(candidate, candidate.tier, -0.5)
  }

  if (!wholeKeyPageFull()) {
    // The start of a longer name. Arabic keys drop the article and a medial ە; so does the probe.
    const probes = new Set([keyed.key])
    if (keyed.script === 'arabic') {
      if (keyed.key.startsWith('ال') && keyed.key.length > 2) probes.add(keyed.key.slice(2))
      if (keyed.key.length > 2 && keyed.key.endsWith('ه')) probes.add(keyed.key.slice(0, -1))
    } else {
      // A last letter that may begin a digraph the key folds: k(h) → x, c(h) → j, p(h) → f.
      const last = query.q.trim().slice(-1).toLowerCase()
      const digraph = last === 'k' ? 'x' : last === 'c' ? 'j' : last === 'p' ? 'f' : null
      if (digraph) probes.add(keyed.key.slice(0, -1) + digraph)
    }
    const bestProximity = query.near ? MAX_PROXIMITY : 0
    for (const probe of probes) {
      const end = Math.min(keys.sorted.length, lowerBound(keys.sorted, probe) + SCAN_LIMIT)
      for (let at = lowerBound(keys.sorted, probe); at < end; at++) {
        const key = keys.sorted[at]!
        if (!key.startsWith(probe)) break
        if (key === keyed.key) continue
        const adjustment = PREFIX_BAND - Math.min(3, (key.length - probe.length) / 3)
        // Most keys of a short prefix are villages that cannot beat a full page of towns: skip them unread.
        if (keys.bestImportance[at]! + bestProximity + adjustment < top.threshold) continue
        for (const candidate of keys.candidates[at]!) offer(candidate, 'fuzzy', adjustment)
      }
    }
  }

  const minimumFuzzyLength = keyed.script === 'arabic' ? 4 : 5
  if (!wholeKeyPageFull() && keyed.key.length >= minimumFuzzyLength) {
    // One edit away: names sharing the first letter (a contiguous range of the sorted keys),
    // then the index's deletion neighbours of major places for a mistyped first letter.
    const first = keyed.key[0]!
    const start = lowerBound(keys.sorted, first)
    const end = Math.min(keys.sorted.length, start + SCAN_LIMIT * 2)
    for (let at = start; at < end; at++) {
      const key = keys.sorted[at]!
      if (key[0] !== first) break
      if (key !== keyed.key && Math.abs(key.length - keyed.key.length) <= 1 && withinOneEdit(key, keyed.key)) {
        for (const candidate of keys.candidates[at]!) offer(candidate, 'fuzzy', -ONE_EDIT_PENALTY)
      }
    }
    const prefix = keyed.script === 'arabic' ? 'a:' : 'l:'
    for (const probe of [keyed.key, ...deletions(keyed.key)]) {
      for (const entry of index.fuzzy.get(prefix + probe) ?? []) offer(built.candidateOf(entry.record, 'fuzzy'), 'fuzzy', -ONE_EDIT_PENALTY)
    }
  }
  return near ? top.answers.map((answer) => ({ ...answer, distanceKm: distanceKm(near, answer.record) })) : top.answers
}

function deletions(key: string): string[] {
  const out: string[] = []
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1))
  return out
}
