// The place matching index: finds gazetteer places in a text and answers name searches.
// Order of trust: alias (curated list) → exact name → normalised key (folding, compact key,
// clitics) → fuzzy (one edit, long names of major places only). Ties between places with the same
// name are broken by the kind the text asks for (قضاء → district), by proximity to the other
// places of the text, then by source, kind and population.
//
// Precision guard: the gazetteer has ~22k villages, many named like ordinary words. A village is
// only matched right after a settlement word (قرية، ناحية، گوندی، village…), after "near", or as
// the next item of such a list; names shorter than 4 letters and stop-words never match.
import { compactKeyOfFoldedWords, foldText } from '../../language/text-normaliser.ts'
import { foldLatin } from '../../language/latin-folding.ts'
import type { Token } from '../../language/tokeniser.ts'
import { distanceKm } from './place-record.ts'
import type { PlaceKind, PlaceRecord } from './place-record.ts'

/** How a name matched: curated alias, preferred name, another recorded spelling, a derived base name, or one edit away. */
export type MatchTier = 'alias' | 'exact' | 'normalised' | 'fuzzy'

interface IndexEntry {
  readonly record: PlaceRecord
  readonly tier: MatchTier
}

/** A prebuilt index over place records; build once, share between texts. */
export interface PlaceIndex {
  readonly records: readonly PlaceRecord[]
  readonly arabic: ReadonlyMap<string, readonly IndexEntry[]>
  readonly latin: ReadonlyMap<string, readonly IndexEntry[]>
  /** One-deletion neighbours of long keys of major places, for fuzzy matching. */
  readonly fuzzy: ReadonlyMap<string, readonly IndexEntry[]>
  readonly maxWords: number
  readonly stopwords: ReadonlySet<string>
  /** Keys of the first word of every multi-word name: a text n-gram is only tried when its first word is one. */
  readonly firstWords: ReadonlySet<string>
}

/** Options for building an index. */
export interface PlaceIndexOptions {
  /** Extra words (any script) that must never be read as a place name on their own. */
  readonly stopwords?: Iterable<string>
}

const ARABIC_SCRIPT = /[\u0600-\u06ff]/
const SETTLEMENT_PREFIX = /^(?:قريه|قريت|ناحيه|مركز|قضا|محافظه|مدينه|مجمع|اوايي|كوندي|شاري)\s+/
const TRAILING_QUALIFIER = /\s+(?:الكبير|الصغير|الكبيره|الصغيره|العليا|السفلي|الجديده|القديمه|الشماليه|الجنوبيه|الشرقيه|الغربيه|الاولي|الثانيه|القديم|الجديد)$/

/** Common words that are also village names somewhere in Iraq, never places on their own. */
const BASE_STOPWORDS = [
  'قرية', 'ناحية', 'منطقة', 'مدينة', 'محافظة', 'قضاء', 'عملية', 'قوة', 'قوات', 'الجيش', 'الحشد', 'الشرطة', 'الطريق', 'طريق', 'الحدود', 'المنطقة',
  'المناطق', 'بيان', 'مصدر', 'امني', 'أمن', 'الأمن', 'الدولة', 'تنظيم', 'الشعب', 'الشهداء', 'النصر', 'السلام', 'الحرية', 'الوحدة', 'الجديدة',
  'الأمل', 'الخير', 'الفتح', 'العز', 'التحرير', 'الجهاد', 'الإسلام', 'العراق', 'العراقية', 'اليوم', 'أمس', 'الاثنين', 'الثلاثاء', 'الأربعاء',
  'الخميس', 'الجمعة', 'السبت', 'الأحد', 'شمال', 'جنوب', 'شرق', 'غرب', 'الوسط', 'المركز', 'السوق', 'الجسر', 'النهر', 'الجبل', 'الوادي',
  'الساحل', 'الصحراء', 'السد', 'المطار', 'القاعدة', 'المعسكر', 'السجن', 'المستشفى', 'الجامعة', 'الملعب', 'المصنع', 'المخيم', 'المدرسة', 'المسجد',
  'البيت', 'بيت', 'الدار', 'دار', 'حرق', 'قتل', 'نفق', 'كهف', 'وكر', 'مضافة', 'عبوة', 'عجلة', 'سلاح', 'عتاد', 'ضربة', 'غارة', 'فجر', 'صباح',
  'مساء', 'ليلة', 'الأول', 'الثاني', 'الثالث', 'أول', 'ثاني', 'جديد', 'كبير', 'صغير', 'العام', 'عام', 'الخاص', 'خاص', 'القائد', 'القيادة', 'اللواء',
  'الفوج', 'الفرقة', 'الكتيبة', 'السرية', 'الوزارة', 'وزارة', 'الوزير', 'وزير', 'الرئيس', 'رئيس', 'الحكومة', 'الإقليم', 'إقليم', 'التحالف', 'الدولي',
  'المشتركة', 'مشتركة', 'العمليات', 'عمليات', 'الإرهاب', 'مكافحة', 'البيشمركة', 'داعش', 'الحمراء', 'البيضاء', 'السوداء', 'الخضراء', 'الزرقاء',
  'الشيخ', 'شيخ', 'الحاج', 'السيد', 'ابو', 'أبو', 'ام', 'أم', 'بن', 'ابن', 'عين', 'تل', 'تلول', 'بئر', 'كاني', 'سيد', 'عرب', 'كرد', 'تركمان',
  'الصناعي', 'الزراعي', 'العسكري', 'العسكرية', 'الأمنية', 'الاتحادية', 'الشعبي', 'الطوارئ', 'الرد', 'السريع', 'الحدودية', 'الخاصة', 'نقطة',
  'مدخل', 'مخرج', 'سيطرة', 'ساحة', 'حي', 'شارع', 'محلة', 'قصبة', 'مزرعة', 'بستان', 'بساتين', 'مقبرة', 'جامع', 'كنيسة', 'مرقد', 'مزار',
  'هێز', 'هێزەکان', 'ناوچە', 'گوند', 'شار', 'ڕێگا', 'سنوور', 'سەنتەر', 'چیا', 'دۆڵ', 'ئەمڕۆ', 'دوێنێ', 'پێشمەرگە', 'داعش', 'سوپا', 'هاوبەش',
  'village', 'town', 'city', 'area', 'road', 'border', 'district', 'center', 'centre', 'camp', 'base', 'airport', 'bridge', 'river', 'valley',
  'mountain', 'mountains', 'desert', 'north', 'south', 'east', 'west', 'said', 'army', 'forces', 'police', 'coalition', 'operation', 'statement',
  'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'today', 'yesterday', 'the', 'and', 'with', 'from', 'iraq', 'iraqi',
]

/** The matching key of a name (or a search query): which map it belongs to, the key, and its word count. */
export function keyOfName(name: string): { script: 'arabic' | 'latin'; key: string; words: number } | null {
  const folded = foldText(name)
  if (folded === '') return null
  if (ARABIC_SCRIPT.test(folded)) {
    const words = folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0)
    return { script: 'arabic', key: compactKeyOfFoldedWords(words), words: words.length }
  }
  const words = folded.split(/[^a-z0-9]+/).filter((word) => word.length > 0)
  return { script: 'latin', key: foldLatin(name), words: words.length }
}

/** Folded base names of an Arabic name: without a settlement word before it (قرية، قضاء…), then without a qualifier after it (الكبير…). */
export function derivedArabicNames(name: string): string[] {
  const folded = foldText(name)
  if (!ARABIC_SCRIPT.test(folded)) return []
  const derived: string[] = []
  const withoutPrefix = folded.replace(SETTLEMENT_PREFIX, '')
  if (withoutPrefix !== folded) derived.push(withoutPrefix)
  const withoutQualifier = withoutPrefix.replace(TRAILING_QUALIFIER, '')
  if (withoutQualifier !== withoutPrefix) derived.push(withoutQualifier)
  return derived
}

function deletions(key: string): string[] {
  const out: string[] = []
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1))
  return out
}

/** Builds the matching index over place records (curated and gazetteer records together). */
export function buildPlaceIndex(records: readonly PlaceRecord[], options: PlaceIndexOptions = {}): PlaceIndex {
  const arabic = new Map<string, IndexEntry[]>()
  const latin = new Map<string, IndexEntry[]>()
  const fuzzy = new Map<string, IndexEntry[]>()
  const firstWords = new Set<string>()
  let maxWords = 1
  const add = (map: Map<string, IndexEntry[]>, key: string, entry: IndexEntry): void => {
    const list = map.get(key)
    if (!list) map.set(key, [entry])
    else if (!list.some((existing) => existing.record === entry.record)) list.push(entry)
  }
  for (const record of records) {
    if (record.kind === 'country') continue
    const curated = record.source === 'curated'
    const names: [string, MatchTier][] = [
      [record.name, curated ? 'alias' : 'exact'],
      ...(record.nameAr ? [[record.nameAr, curated ? 'alias' : 'exact'] as [string, MatchTier]] : []),
      ...(record.nameCkb ? [[record.nameCkb, curated ? 'alias' : 'exact'] as [string, MatchTier]] : []),
      ...record.variants.map((variant): [string, MatchTier] => [variant, curated ? 'alias' : 'normalised']),
    ]
    for (const [name, tier] of names) {
      const derived = derivedArabicNames(name)
      // "قضاء طوز خورماتو" is indexed as "طوز خورماتو": the place word belongs to the text's context.
      const own = curated || derived.length === 0 || !SETTLEMENT_PREFIX.test(foldText(name)) ? [[name, tier] as const] : []
      for (const [variant, variantTier] of [...own, ...derived.map((value) => [value, 'normalised' as MatchTier] as const)]) {
        const keyed = keyOfName(variant)
        if (!keyed || keyed.key.length < 3) continue
        maxWords = Math.max(maxWords, Math.min(keyed.words, 5))
        if (keyed.words > 1) {
          const first = foldText(variant).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0)[0]!
          firstWords.add(keyed.script === 'arabic' ? compactKeyOfFoldedWords([first]) : foldLatin(first))
        }
        const entry = { record, tier: variantTier }
        add(keyed.script === 'arabic' ? arabic : latin, keyed.key, entry)
        if (record.major && keyed.key.length >= 6 && (record.kind !== 'town' || record.population >= 20000 || curated)) {
          for (const deleted of deletions(keyed.key)) add(fuzzy, `${keyed.script[0]}:${deleted}`, { record, tier: 'fuzzy' })
        }
      }
    }
  }
  const stopwords = new Set<string>()
  for (const word of [...BASE_STOPWORDS, ...(options.stopwords ?? [])]) {
    const keyed = keyOfName(word)
    if (keyed) stopwords.add(`${keyed.script[0]}:${keyed.key}`)
  }
  return { records, arabic, latin, fuzzy, maxWords, stopwords, firstWords }
}

/** One place named in a text. Offsets are into the folded text the tokens came from. */
export interface PlaceMention {
  readonly record: PlaceRecord
  readonly start: number
  readonly end: number
  readonly tier: MatchTier
  /** Index of the first and last word token of the mention in the token list. */
  readonly firstToken: number
  readonly lastToken: number
  /** The kind asked for by the word before the name (قضاء → district), if any. */
  readonly contextKind: PlaceKind | null
}

const ARABIC_CLITICS = ['وبال', 'وال', 'بال', 'فال', 'كال', 'ولل', 'لل', 'وب', 'ول', 'وك', 'و', 'ب', 'ل', 'ف', 'ك']
const SORANI_PREFIXES = ['له', 'به', 'و']
const SORANI_SUFFIXES = ['هكان', 'هكه', 'هوه', 'دا', 'ي', 'ه']

/** Words before a name that say "a place follows", mapped to the kind they announce (null: any). */
const CONTEXT_WORDS = new Map<string, { kind: PlaceKind | null; strong: boolean }>()
function context(words: string, kind: PlaceKind | null, strong: boolean): void {
  for (const word of words.split('|')) CONTEXT_WORDS.set(foldText(word), { kind, strong })
}
context('قرية|قرى|قريتي|قريتا|بلدة|بلدات|گوندی|گوندەکانی|گوندێکی|ئاوایی|village|villages|hamlet', 'village', true)
context('ناحية|نواحي|ناحیەی|subdistrict|sub-district|nahiya', 'subdistrict', true)
context('قضاء|أقضية|قەزای|district', 'district', true)
context('محافظة|محافظات|پارێزگای|governorate|province', 'governorate', true)
context('مدينة|مدن|شاری|city|town', 'town', true)
context('منطقة|مناطق|حي|أحياء|مجمع|ناوچەی|ناوچەکانی|گەڕەکی|area|areas|neighbourhood|neighborhood|region', null, true)
context('جبل|جبال|سلسلة|وادي|تلال|مرتفعات|سهل|صحراء|بادية|چیای|دۆڵی|mount|mountains|valley|wadi', 'area', true)
context('قرب|بالقرب|أطراف|ضواحي|محيط|نزیک|دەوروبەری|near|outskirts|outside', null, true)
context('في|من|إلى|الى|بين|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|باتجاه|لە|بۆ|نێوان|باکووری|باشووری|ڕۆژهەڵاتی|ڕۆژئاوای|in|at|of|from|to|between|north|south|east|west|northern|southern|eastern|western|toward|towards', null, false)

function contextOf(tokens: readonly Token[], index: number): { kind: PlaceKind | null; strong: boolean } | null {
  const previous = tokens[index - 1]
  if (!previous || !previous.isWord) return null
  const direct = CONTEXT_WORDS.get(previous.text)
  if (direct) return direct
  for (const clitic of ARABIC_CLITICS) {
    if (previous.text.startsWith(clitic) && previous.text.length - clitic.length >= 2) {
      const found = CONTEXT_WORDS.get(previous.text.slice(clitic.length))
      if (found) return found
      const withArticle = CONTEXT_WORDS.get('ال' + previous.text.slice(clitic.length))
      if (withArticle) return withArticle
    }
  }
  if (previous.text.startsWith('ال')) {
    const found = CONTEXT_WORDS.get(previous.text.slice(2))
    if (found) return found
  }
  return null
}

const keyCache = new Map<string, string[]>()

/** Matching keys of a word n-gram (memoised: the same words recur across texts). */
function candidateKeys(words: readonly string[], arabicScript: boolean, soraniText: boolean): string[] {
  const cacheKey = `${soraniText ? 'k' : 'a'}${words.join(' ')}`
  const cached = keyCache.get(cacheKey)
  if (cached) return cached
  const keys = computeCandidateKeys(words, arabicScript, soraniText)
  if (keyCache.size > 200000) keyCache.clear()
  keyCache.set(cacheKey, keys)
  return keys
}

function computeCandidateKeys(words: readonly string[], arabicScript: boolean, soraniText: boolean): string[] {
  if (!arabicScript) return [foldLatin(words.join(' '))]
  const keys = [compactKeyOfFoldedWords(words)]
  const first = words[0]!
  const prefixes = soraniText ? [...SORANI_PREFIXES, ...ARABIC_CLITICS] : ARABIC_CLITICS
  for (const clitic of prefixes) {
    if (first.startsWith(clitic) && first.length - clitic.length >= 3) keys.push(compactKeyOfFoldedWords([first.slice(clitic.length), ...words.slice(1)]))
  }
  if (soraniText) {
    const last = words[words.length - 1]!
    for (const suffix of SORANI_SUFFIXES) {
      if (last.endsWith(suffix) && last.length - suffix.length >= 4) {
        const trimmed = [...words.slice(0, -1), last.slice(0, -suffix.length)]
        const trimmedKey = compactKeyOfFoldedWords(trimmed)
        if (trimmedKey.length < 4) continue
        keys.push(trimmedKey)
        const trimmedFirst = trimmed[0]!
        for (const clitic of prefixes) if (trimmedFirst.startsWith(clitic) && trimmedFirst.length - clitic.length >= 3) keys.push(compactKeyOfFoldedWords([trimmedFirst.slice(clitic.length), ...trimmed.slice(1)]))
      }
    }
  }
  return keys
}

/** Frequent words that never start a place name; skipping them early keeps the scan fast. */
const SKIP_WORDS = new Set(['على', 'الي', 'الى', 'التي', 'الذي', 'هذه', 'هذا', 'بعد', 'قبل', 'خلال', 'حيث', 'انه', 'كما', 'فيما', 'عن', 'مع', 'بين', 'وقال', 'واضاف', 'وذكر', 'اليوم', 'امس', 'the', 'and', 'for', 'with', 'from', 'that', 'said', 'were', 'was', 'has', 'have', 'been', 'their', 'they', 'this', 'its', 'into', 'لهكهل', 'بو', 'كه', 'ههروهها', 'دواي', 'لهسهر'])

const LATIN_FUNCTION_WORDS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'of', 'and', 'but', 'iraqi', 'kurdish', 'security', 'army', 'police', 'forces', 'coalition', 'operation', 'federal', 'joint', 'global', 'one', 'two', 'three', 'four', 'five'])

function isCapitalised(text: PlaceSearchText, token: Token): boolean {
  const first = text.original[text.offsets[token.start] ?? 0] ?? ''
  return first !== first.toLowerCase()
}

const TIER_RANK: Record<MatchTier, number> = { alias: 3, exact: 2, normalised: 1, fuzzy: 0 }
const KIND_RANK: Record<PlaceKind, number> = { governorate: 8, district: 7, town: 6, area: 5, subdistrict: 5, village: 2, neighbourhood: 1, country: 0 }

interface RawMention {
  entries: IndexEntry[]
  start: number
  end: number
  firstToken: number
  lastToken: number
  contextKind: PlaceKind | null
}

/** What the caller knows about the text: its tokens (from the folded text), language and original text. */
export interface PlaceSearchText {
  readonly tokens: readonly Token[]
  /** 'ckb' enables Sorani prefix/suffix stripping. */
  readonly language: 'ar' | 'ckb' | 'en'
  /** Original text and the map from folded offsets to it, used to check capitals in Latin names. */
  readonly original: string
  readonly offsets: Int32Array
}

function lookup(index: PlaceIndex, words: readonly string[], arabicScript: boolean, sorani: boolean, allowFuzzy: boolean): IndexEntry[] {
  const map = arabicScript ? index.arabic : index.latin
  for (const key of candidateKeys(words, arabicScript, sorani)) {
    if (key.length < 3) continue
    const found = map.get(key)
    if (found) return [...found]
  }
  if (!allowFuzzy) return []
  const key = candidateKeys(words, arabicScript, false)[0]!
  if (key.length < 6) return []
  const prefix = arabicScript ? 'a:' : 'l:'
  const found: IndexEntry[] = []
  for (const probe of [key, ...deletions(key)]) {
    for (const entry of index.fuzzy.get(prefix + probe) ?? []) if (!found.some((existing) => existing.record === entry.record)) found.push(entry)
    if (probe !== key) for (const entry of map.get(probe) ?? []) if (entry.record.major && !found.some((existing) => existing.record === entry.record)) found.push({ record: entry.record, tier: 'fuzzy' })
  }
  return found
}

/**
 * Finds the places a text names. Scans word n-grams left to right, longest first; keeps a
 * village only with place context; resolves same-name places by context kind and proximity.
 */
export function findPlaceMentions(index: PlaceIndex, text: PlaceSearchText): PlaceMention[] {
  const { tokens } = text
  const raw: RawMention[] = []
  const sorani = text.language === 'ckb'
  let lastListEnd = -10
  let lastListStrong = false
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (!token.isWord || token.text.length < 3 || SKIP_WORDS.has(token.text)) continue
    const firstCode = token.text.charCodeAt(0)
    if (firstCode >= 48 && firstCode <= 57) continue
    const arabicScript = ARABIC_SCRIPT.test(token.text)
    if (!arabicScript && (!isCapitalised(text, token) || LATIN_FUNCTION_WORDS.has(token.text))) continue
    const ctx = contextOf(tokens, i)
    // A list continues: "قرى X و Y" or "X، Y و Z" after a strong context.
    const previous = tokens[i - 1]
    const inList = lastListEnd === i - 2 && previous !== undefined && (previous.text === ',' || previous.text === 'and' || previous.text === 'و' || previous.text === '،')
    const listContinuation: boolean = inList || (lastListStrong && lastListEnd === i - 1 && /^و/.test(token.text))
    let matched = false
    // Multi-word names are tried only when the first word can start one (cheap set test).
    const firstKeys = candidateKeys([token.text], arabicScript, sorani)
    const canStartLonger = firstKeys.some((key) => index.firstWords.has(key))
    // Exact and normalised names first at every length, fuzzy only when nothing else matched
    // and a place word comes before (fuzzy is for "ناحية قرەتبە", not for ordinary words).
    for (let pass = 0; pass < (ctx !== null ? 2 : 1) && !matched; pass++)
    for (let n = Math.min(pass === 0 ? (canStartLonger ? index.maxWords : 1) : 2, tokens.length - i); n >= 1 && !matched; n--) {
      const window = n === 1 ? [token] : tokens.slice(i, i + n)
      if (n > 1 && window.some((item) => !item.isWord)) continue
      const words = window.map((item) => item.text)
      // Latin names are capitalised word by word ("Tal Afar"), unlike "The army".
      if (!arabicScript && window.some((item) => !isCapitalised(text, item) && !/^(?:al|el|ad|as|ash|an|ar)(?:-|$)/.test(item.text))) continue
      // Fuzzy matching only over name-like words: never across "و", "له", "in".
      if (pass === 1 && words.some((word) => word.length < 3 || CONTEXT_WORDS.has(word))) continue
      let entries = pass === 0 ? lookup(index, words, arabicScript, sorani, false) : lookup(index, words, arabicScript, sorani, true).filter((entry) => entry.tier === 'fuzzy')
      if (entries.length === 0) continue
      const key = candidateKeys(words, arabicScript, sorani)
      const stop = n === 1 && key.some((candidate) => index.stopwords.has(`${arabicScript ? 'a' : 'l'}:${candidate}`))
      const strong: boolean = (ctx?.strong ?? false) || listContinuation
      // Letters of the name as written (the compact key drops Sorani vowels, so it is shorter).
      const length = words.join('').replace(/^(?:و|ب|ل|ف|ك)?ال/, '').length
      entries = entries.filter((entry) => {
        if (stop && !strong) return false
        // One edit away is accepted only for long names of curated places after a place word.
        if (entry.tier === 'fuzzy' && !(entry.record.source === 'curated' && ctx !== null && length >= 6)) return false
        if (entry.record.major) return length >= 3 && (!stop || strong)
        return strong && length >= 4 && !stop
      })
      if (entries.length === 0) continue
      const last = window[window.length - 1]!
      raw.push({ entries, start: token.start, end: last.end, firstToken: i, lastToken: i + n - 1, contextKind: ctx?.kind ?? null })
      matched = true
      lastListEnd = i + n - 1
      lastListStrong = strong
      i += n - 1
    }
  }
  return resolveMentions(raw)
}

function entryScore(entry: IndexEntry, mention: RawMention, anchors: readonly PlaceRecord[]): number {
  const record = entry.record
  let score = TIER_RANK[entry.tier] * 10 + KIND_RANK[record.kind] + Math.log10(record.population + 1)
  if (record.source === 'curated') score += 8
  if (mention.contextKind !== null && (record.kind === mention.contextKind || (mention.contextKind === 'village' && record.kind === 'town') || (mention.contextKind === 'subdistrict' && record.kind === 'town'))) score += 15
  if (anchors.length > 0 && !['governorate', 'district'].includes(record.kind)) {
    let nearest = Infinity
    for (const anchor of anchors) if (anchor !== record) nearest = Math.min(nearest, distanceKm(anchor, record))
    // Same-named villages are told apart by the other places of the text (5 km costs one point).
    if (Number.isFinite(nearest)) score -= Math.min(40, nearest / 5)
  }
  return score
}

function resolveMentions(raw: readonly RawMention[]): PlaceMention[] {
  // Anchors: mentions whose best candidate is unambiguous (one record, or a curated alias).
  const anchors: PlaceRecord[] = []
  for (const mention of raw) {
    const records = new Set(mention.entries.map((entry) => entry.record))
    const curated = mention.entries.filter((entry) => entry.record.source === 'curated')
    if (records.size === 1) anchors.push(mention.entries[0]!.record)
    else if (curated.length === 1) anchors.push(curated[0]!.record)
  }
  return raw.map((mention) => {
    let best = mention.entries[0]!
    let bestScore = -Infinity
    for (const entry of mention.entries) {
      const score = entryScore(entry, mention, anchors)
      if (score > bestScore) {
        best = entry
        bestScore = score
      }
    }
    // The curated record of the same place (within 25 km) carries the preferred name.
    if (best.record.source !== 'curated') {
      const curated = mention.entries.find((entry) => entry.record.source === 'curated' && distanceKm(entry.record, best.record) < 25)
      if (curated) best = curated
    }
    return { record: best.record, start: mention.start, end: mention.end, tier: best.tier, firstToken: mention.firstToken, lastToken: mention.lastToken, contextKind: mention.contextKind }
  })
}

/** One search answer: a place and how its name matched the query. */
export interface PlaceSearchHit {
  readonly record: PlaceRecord
  readonly tier: MatchTier
}

/** Searches places by name (any script): alias, exact, normalised, then fuzzy; best first. */
export function searchPlaces(index: PlaceIndex, query: string, limit = 10): PlaceSearchHit[] {
  const keyed = keyOfName(query)
  if (!keyed || keyed.key.length < 2) return []
  const map = keyed.script === 'arabic' ? index.arabic : index.latin
  let entries = [...(map.get(keyed.key) ?? [])]
  if (entries.length === 0 && keyed.key.length >= 5) {
    const prefix = keyed.script === 'arabic' ? 'a:' : 'l:'
    for (const probe of [keyed.key, ...deletions(keyed.key)]) {
      for (const entry of index.fuzzy.get(prefix + probe) ?? []) entries.push(entry)
      if (probe !== keyed.key) for (const entry of map.get(probe) ?? []) entries.push({ record: entry.record, tier: 'fuzzy' })
    }
  }
  const seen = new Set<PlaceRecord>()
  entries = entries.filter((entry) => (seen.has(entry.record) ? false : (seen.add(entry.record), true)))
  entries.sort((a, b) => TIER_RANK[b.tier] * 10 + KIND_RANK[b.record.kind] + (b.record.source === 'curated' ? 25 : 0) + Math.log10(b.record.population + 1) - (TIER_RANK[a.tier] * 10 + KIND_RANK[a.record.kind] + (a.record.source === 'curated' ? 25 : 0) + Math.log10(a.record.population + 1)))
  return entries.slice(0, limit).map((entry) => ({ record: entry.record, tier: entry.tier }))
}
