// Choosing, among the places a text names, those where the reported event happened. A place is
// not an event place when it is only a dateline ("بغداد –"), a reference point ("شرق طوز
// خورماتو", "south of Makhmour"), an administrative parent ("التابعة لقضاء الحويجة"), or named in
// a sentence about an earlier event; a district or governorate gives way to the finer places
// inside it (villages, mountains) unless the text joins them ("بين قضاء خانقين وناحية جلولاء").
import type { Token } from '../../language/tokeniser.ts'
import { isSentenceBreak } from '../../language/tokeniser.ts'
import { foldText } from '../../language/text-normaliser.ts'
import type { PlaceMention } from '../../places/core/place-index.ts'
import { distanceKm } from '../../places/core/place-record.ts'
import { CONTEXT_LEXICON } from './ingest-lexicon.ts'
import { matchLexicon } from './lexicon-matcher.ts'

const DIRECTIONS = new Set(['شمال', 'جنوب', 'شرق', 'غرب', 'شمالي', 'جنوبي', 'شرقي', 'غربي', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west', 'south-east', 'south-west', 'northern', 'southern', 'eastern', 'western', 'باكوري', 'باشوري', 'رورهلاتي', 'روراواي', 'رورئاواي'].map((word) => foldText(word)))
const ADMIN_WORDS = new Set(['قضاء', 'ناحيه', 'مدينه', 'محافظه', 'قري', 'of', 'the', 'km', 'kilometres', 'kilometers', 'كم', 'كيلومتر', 'كيلومترات', 'شرق', 'غرب', 'شمال', 'جنوب', 'قهزاي', 'شاري', 'باريزكاي', 'ناحيهي'].map((word) => foldText(word) || word))
const PARENT_WORDS = new Set(['التابعه', 'التابع', 'تابع', 'تابعه', 'ضمن', 'لقضاء', 'سنووری', 'سەر بە', 'part', 'within'].map((word) => foldText(word)))
/** Words before a place that make it part of an institution's name ("شرطة ديالى", "قيادة عمليات كركوك"). */
const INSTITUTION_WORDS = new Set(['عمليات', 'شرطه', 'اسايش', 'مديريه', 'والي', 'محافظ', 'مجلس', 'مكتب', 'اعلام', 'جامعه', 'مطار', 'police', 'operations', 'governor', 'council', 'asayish', 'اسايشي', 'بوليسي', 'بهريوهبهرايهتي'].map((word) => foldText(word) || word))
const BROAD_KINDS = new Set(['governorate', 'district'])
const FINE_KINDS = new Set(['village', 'subdistrict', 'area', 'neighbourhood'])

function isInstitutionPart(tokens: readonly Token[], mention: PlaceMention): boolean {
  const previous = tokens[mention.firstToken - 1]
  return previous !== undefined && previous.isWord && (INSTITUTION_WORDS.has(previous.text) || INSTITUTION_WORDS.has(bareWord(previous.text)))
}

function bareWord(text: string): string {
  return text.replace(/^(?:و|ب|ل|ف)(?=.{3,})/, '').replace(/^ال(?=(?:شمال|جنوب|شرق|غرب))/, '')
}

function isReference(tokens: readonly Token[], mention: PlaceMention): boolean {
  let seen = 0
  for (let k = mention.firstToken - 1; k >= 0 && seen < 4; k--) {
    const token = tokens[k]!
    if (!token.isWord) {
      if (token.text === '-') continue
      break
    }
    seen++
    const word = bareWord(token.text)
    if (DIRECTIONS.has(word) || DIRECTIONS.has(token.text)) return true
    if (PARENT_WORDS.has(token.text) || PARENT_WORDS.has(word)) return true
    if (!ADMIN_WORDS.has(word) && !ADMIN_WORDS.has(token.text)) break
  }
  return false
}

function isParentReference(tokens: readonly Token[], mention: PlaceMention): boolean {
  for (let k = mention.firstToken - 1; k >= Math.max(0, mention.firstToken - 3); k--) {
    const token = tokens[k]!
    if (PARENT_WORDS.has(token.text) || PARENT_WORDS.has(bareWord(token.text))) return true
  }
  return false
}

function isDateline(tokens: readonly Token[], mention: PlaceMention): boolean {
  // The first words of a (non-headline) line, followed by a dash or colon: "ERBIL —", "بغداد –".
  const before = tokens[mention.firstToken - 1]
  if (before && before.text !== '\n') return false
  const after = tokens[mention.lastToken + 1]
  return after !== undefined && (after.text === '–' || after.text === '—' || after.text === '-' || after.text === ':' || after.text === '(' || after.text === ',')
}

function inContextSentence(tokens: readonly Token[], mention: PlaceMention): boolean {
  let start = mention.firstToken
  while (start > 0 && !isSentenceBreak(tokens[start - 1]!)) start--
  for (let k = start; k < mention.firstToken; k++) if (matchLexicon(CONTEXT_LEXICON, tokens, k)) return true
  return false
}

function coordinated(a: PlaceMention, b: PlaceMention, tokens: readonly Token[]): boolean {
  const [first, second] = a.firstToken < b.firstToken ? [a, b] : [b, a]
  const gap = tokens.slice(first.lastToken + 1, second.firstToken)
  if (gap.length === 0 || gap.length > 2) return false
  return gap.some((token) => token.text === 'و' || token.text === 'and' || token.text.startsWith('و') || token.text === ',')
}

/** Returns the mentions (one per place) that name where the event happened. */
export function selectEventPlaces(tokens: readonly Token[], mentions: readonly PlaceMention[], hasEvent: boolean): PlaceMention[] {
  if (!hasEvent) return []
  const candidates = mentions.filter((mention) => !isDateline(tokens, mention) && !inContextSentence(tokens, mention))
  const unreferenced = candidates.filter((mention) => !isReference(tokens, mention))
  const plain = unreferenced.filter((mention) => !isInstitutionPart(tokens, mention))
  // "مديرية أسايش السليمانية" alone, or "قرى تابعة لناحية سليمان بيك": with nothing else named,
  // the institution's place or the parent is where it happened.
  const kept = plain.length > 0 ? plain : unreferenced.length > 0 ? unreferenced : candidates.filter((mention) => isParentReference(tokens, mention))
  const byPlace = new Map<string, PlaceMention[]>()
  for (const mention of kept) {
    const list = byPlace.get(mention.record.id)
    if (list) list.push(mention)
    else byPlace.set(mention.record.id, [mention])
  }
  const finer = kept.filter((mention) => FINE_KINDS.has(mention.record.kind))
  const belowGovernorate = kept.filter((mention) => mention.record.kind !== 'governorate')
  const result: PlaceMention[] = []
  for (const list of byPlace.values()) {
    const place = list[0]!.record
    if (place.kind === 'governorate' && belowGovernorate.length > 0 && !list.some((mention) => belowGovernorate.some((other) => coordinated(mention, other, tokens)))) continue
    if (BROAD_KINDS.has(place.kind) && finer.length > 0) {
      const contains = finer.some((other) => other.record.district === place.name || other.record.governorate === place.name || distanceKm(other.record, place) < 100)
      const joined = list.some((mention) => finer.some((other) => coordinated(mention, other, tokens)))
      if (contains && !joined) continue
    }
    result.push(list[0]!)
  }
  return result
}
