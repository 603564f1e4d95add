// The pure statement reader: one text in, one incident draft out (../shared/docs/ingest-format.md).
// Pipeline: fold the text (keeping offsets) → tokens → language → date, actors, results,
// places, operation name → draft with evidence offsets into the ORIGINAL text.
import { detectLanguageDetailed } from '../../language/language-detector.ts'
import { normaliseForMatching, toOriginalSpan } from '../../language/text-normaliser.ts'
import type { NormalisedText } from '../../language/text-normaliser.ts'
import { tokenise } from '../../language/tokeniser.ts'
import type { Token } from '../../language/tokeniser.ts'
import { findPlaceMentions } from '../../places/core/place-index.ts'
import type { PlaceIndex, PlaceMention } from '../../places/core/place-index.ts'
import { findActorMentions, selectActors } from './actor-reader.ts'
import { resolveEventDate } from './date-resolver.ts'
import { selectEventPlaces } from './event-place-selector.ts'
import type { DraftPlace, IncidentDraft } from './incident-draft-schema.ts'
import { readOperationName } from './operation-name-reader.ts'
import { readResults } from './result-reader.ts'

/** What the reader needs besides the text. */
export interface ReadOptions {
  /** Publication date YYYY-MM-DD, the reference for relative dates. */
  readonly published: string | null
  /** File name to echo in the draft. */
  readonly file?: string | null
}

function tokenSpan(normalised: NormalisedText, tokens: readonly Token[], first: number, last: number): [number, number] {
  return toOriginalSpan(normalised, tokens[first]!.start, tokens[last]!.end)
}

function toDraftPlace(mentions: readonly PlaceMention[], normalised: NormalisedText): DraftPlace {
  const record = mentions[0]!.record
  // The word before the name can make a same-named district a governorate ("محافظة كركوك").
  return {
    name: record.name,
    nameAr: record.nameAr,
    nameCkb: record.nameCkb,
    kind: record.kind,
    lat: record.lat,
    lon: record.lon,
    precision: record.precision,
    governorate: record.governorate,
    district: record.district,
    placeId: record.id,
    evidence: mentions.map((mention) => toOriginalSpan(normalised, mention.start, mention.end)),
  }
}

function groupByName(mentions: readonly PlaceMention[]): PlaceMention[][] {
  const groups = new Map<string, PlaceMention[]>()
  for (const mention of mentions) {
    const key = mention.record.name.toLowerCase()
    const list = groups.get(key)
    if (list) list.push(mention)
    else groups.set(key, [mention])
  }
  return [...groups.values()]
}

/** Reads one statement or field report into an incident draft. Never throws on odd text. */
export function readStatement(text: string, options: ReadOptions, places: PlaceIndex): IncidentDraft {
  const warnings: string[] = []
  const guess = detectLanguageDetailed(text)
  if (guess.mixed) warnings.push(`mixed languages (ar ${guess.shares.ar.toFixed(2)}, ckb ${guess.shares.ckb.toFixed(2)}, en ${guess.shares.en.toFixed(2)}); read as ${guess.language}`)
  const normalised = normaliseForMatching(text)
  const tokens = tokenise(normalised.text)
  if (tokens.filter((token) => token.isWord).length === 0) warnings.push('no words in the text')

  const date = resolveEventDate(tokens, options.published)
  warnings.push(...date.warnings)

  const actorMentions = findActorMentions(tokens)
  const actors = selectActors(tokens, actorMentions)
  const placeMentions = findPlaceMentions(places, { tokens, language: guess.language, original: text, offsets: normalised.offsets })
  const placeTokens = new Set<number>()
  for (const mention of placeMentions) for (let k = mention.firstToken; k <= mention.lastToken; k++) placeTokens.add(k)
  const results = readResults(tokens, guess.language, actorMentions, placeTokens)

  const hasEvent = results.length > 0 || date.date !== null
  const eventMentions = selectEventPlaces(tokens, placeMentions, hasEvent)
  const operation = readOperationName(tokens, normalised, text)

  const draftPlaces = groupByName(placeMentions).map((group) => toDraftPlace(group, normalised))
  const eventPlaces = groupByName(eventMentions).map((group) => toDraftPlace(group, normalised))
  const draft: IncidentDraft = {
    file: options.file ?? null,
    language: guess.language,
    eventDate: date.date,
    eventDateEvidence: date.tokens ? [tokenSpan(normalised, tokens, date.tokens[0], date.tokens[1])] : [],
    places: draftPlaces,
    eventPlaces,
    actors: [...actors.entries()].map(([id, mentions]) => ({ id, evidence: mentions.map((mention) => tokenSpan(normalised, tokens, mention.first, mention.last)) })),
    results: results.map((result) => ({ item: result.item, action: result.action, count: result.count, evidence: result.evidence.map(([first, last]) => tokenSpan(normalised, tokens, first, last)) })),
    operationName: operation?.name ?? null,
    operationNameEvidence: operation ? [[operation.start, operation.end]] : [],
    confidence: 0,
    warnings,
  }
  const filled = [draft.eventDate !== null, draft.places.length > 0, draft.actors.length > 0, draft.results.length > 0].filter(Boolean).length
  return { ...draft, confidence: Math.round((0.2 + 0.2 * filled - (guess.mixed ? 0.1 : 0)) * 100) / 100 }
}
