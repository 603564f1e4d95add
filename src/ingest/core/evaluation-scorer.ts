// Scoring drafts against gold labels, as ../shared/docs/ingest-format.md "Judging" defines it:
// precision/recall/F1 for places, eventPlaces, actors and results (item+action+count exact),
// accuracy for eventDate and operationName, per language and overall (micro-averaged).

/** A gold place: a name and optional aliases. */
export interface GoldPlace {
  readonly name: string
  readonly aliases?: readonly string[]
}

/** A gold label file. */
export interface GoldLabel {
  readonly published?: string
  readonly eventDate: string | null
  readonly places: readonly GoldPlace[]
  readonly eventPlaces: readonly GoldPlace[]
  readonly actors: readonly string[]
  readonly results: readonly { item: string; action: string; count: number | null }[]
  readonly operationName: string | null
}

/** The parts of a draft the scorer reads. */
export interface ScoredDraft {
  readonly eventDate: string | null
  readonly places: readonly { name: string }[]
  readonly eventPlaces: readonly { name: string }[]
  readonly actors: readonly { id: string }[]
  readonly results: readonly { item: string; action: string; count: number | null }[]
  readonly operationName: string | null
}

/** True/false positives and negatives of one field. */
export interface Counts {
  tp: number
  fp: number
  fn: number
}

/** Scores for one group of documents (a language, or all). */
export interface GroupScores {
  documents: number
  places: Counts
  eventPlaces: Counts
  actors: Counts
  results: Counts
  eventDateCorrect: number
  operationNameCorrect: number
}

/** The comparable form of a place name: lower case, no diacritics, punctuation or spaces. */
export function placeKey(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '')
}

function matchPlaces(predicted: readonly { name: string }[], gold: readonly GoldPlace[]): Counts {
  const remaining = gold.map((place) => new Set([place.name, ...(place.aliases ?? [])].map(placeKey)))
  const used = new Array<boolean>(remaining.length).fill(false)
  let tp = 0
  const seen = new Set<string>()
  let fp = 0
  for (const place of predicted) {
    const key = placeKey(place.name)
    if (seen.has(key)) continue
    seen.add(key)
    const index = remaining.findIndex((keys, at) => !used[at] && keys.has(key))
    if (index >= 0) {
      used[index] = true
      tp++
    } else fp++
  }
  return { tp, fp, fn: used.filter((value) => !value).length }
}

function matchSets(predicted: readonly string[], gold: readonly string[]): Counts {
  const goldSet = new Set(gold)
  const predictedSet = new Set(predicted)
  let tp = 0
  for (const value of predictedSet) if (goldSet.has(value)) tp++
  return { tp, fp: predictedSet.size - tp, fn: goldSet.size - tp }
}

function resultKey(result: { item: string; action: string; count: number | null }): string {
  return `${result.item}|${result.action}|${result.count === null ? 'null' : result.count}`
}

function add(target: Counts, counts: Counts): void {
  target.tp += counts.tp
  target.fp += counts.fp
  target.fn += counts.fn
}

/** An empty score group. */
export function emptyScores(): GroupScores {
  return { documents: 0, places: { tp: 0, fp: 0, fn: 0 }, eventPlaces: { tp: 0, fp: 0, fn: 0 }, actors: { tp: 0, fp: 0, fn: 0 }, results: { tp: 0, fp: 0, fn: 0 }, eventDateCorrect: 0, operationNameCorrect: 0 }
}

/** Scores one draft against its gold label and adds the counts to a group. */
export function scoreDocument(group: GroupScores, draft: ScoredDraft, gold: GoldLabel): void {
  group.documents++
  add(group.places, matchPlaces(draft.places, gold.places))
  add(group.eventPlaces, matchPlaces(draft.eventPlaces, gold.eventPlaces))
  add(group.actors, matchSets(draft.actors.map((actor) => actor.id), gold.actors))
  add(group.results, matchSets(draft.results.map(resultKey), gold.results.map(resultKey)))
  if ((draft.eventDate ?? null) === (gold.eventDate ?? null)) group.eventDateCorrect++
  if ((draft.operationName?.trim() ?? null) === (gold.operationName?.trim() ?? null)) group.operationNameCorrect++
}

/** Precision, recall and F1 of counts (1 when there was nothing to find and nothing was found). */
export function f1(counts: Counts): { precision: number; recall: number; f1: number } {
  const precision = counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp)
  const recall = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn)
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) }
}

/** Renders score groups as a markdown table (one row per group and field). */
export function formatScores(groups: ReadonlyMap<string, GroupScores>): string {
  const lines = ['| group | docs | field | precision | recall | F1 / accuracy |', '|---|---|---|---|---|---|']
  const pct = (value: number): string => value.toFixed(3)
  for (const [name, group] of groups) {
    for (const field of ['places', 'eventPlaces', 'actors', 'results'] as const) {
      const score = f1(group[field])
      lines.push(`| ${name} | ${group.documents} | ${field} | ${pct(score.precision)} | ${pct(score.recall)} | ${pct(score.f1)} |`)
    }
    lines.push(`| ${name} | ${group.documents} | eventDate | | | ${pct(group.eventDateCorrect / Math.max(1, group.documents))} |`)
    lines.push(`| ${name} | ${group.documents} | operationName | | | ${pct(group.operationNameCorrect / Math.max(1, group.documents))} |`)
  }
  return lines.join('\n')
}
