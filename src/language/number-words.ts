// Reading quantities written as digits or words in Arabic, Sorani and English. Works on FOLDED
// tokens (see text-normaliser.ts: أ→ا, ة→ه, ێ→ي, digits in ASCII), so each word is listed once.
import { foldText } from './text-normaliser.ts'

/** A quantity read at a token position. */
export interface Quantity {
  /** The number, or null for a vague quantity ("عدد من", "several", "چەند"). */
  readonly value: number | null
  /** How many tokens the quantity (with its qualifiers such as "at least") spans. */
  readonly length: number
}

function table(entries: Record<string, number>): Map<string, number> {
  const map = new Map<string, number>()
  for (const [word, value] of Object.entries(entries)) for (const form of word.split('|')) map.set(foldText(form), value)
  return map
}

const ARABIC_UNITS = table({
  'واحد|واحدة|احد|إحدى|احدى': 1,
  'اثنان|اثنين|اثنتان|اثنتين|اثنا|اثنتا|اثني|اثنتي': 2,
  'ثلاثة|ثلاث': 3, 'أربعة|أربع': 4, 'خمسة|خمس': 5, 'ستة|ست': 6, 'سبعة|سبع': 7,
  'ثمانية|ثماني|ثمان': 8, 'تسعة|تسع': 9, 'عشرة|عشر': 10,
})
const ARABIC_TENS = table({
  'عشرون|عشرين': 20, 'ثلاثون|ثلاثين': 30, 'أربعون|أربعين': 40, 'خمسون|خمسين': 50,
  'ستون|ستين': 60, 'سبعون|سبعين': 70, 'ثمانون|ثمانين': 80, 'تسعون|تسعين': 90,
})
const ARABIC_HUNDREDS = table({ 'مئة|مائة|مئه': 100, 'مئتان|مئتين|مائتان|مائتين': 200, 'ثلاثمئة|ثلاثمائة': 300, 'أربعمئة|أربعمائة': 400, 'خمسمئة|خمسمائة': 500 })
const TEEN_TEN = new Set([foldText('عشر'), foldText('عشرة')])

const SORANI = table({
  'یەک|یەکێک': 1, 'دوو|دووان': 2, 'سێ|سیان': 3, 'چوار': 4, 'پێنج': 5, 'شەش': 6, 'حەوت': 7, 'هەشت': 8, 'نۆ': 9, 'دە': 10,
  'یازدە': 11, 'دوازدە': 12, 'سێزدە': 13, 'چواردە': 14, 'پازدە': 15, 'شازدە': 16, 'حەڤدە': 17, 'هەژدە': 18, 'نۆزدە': 19,
  'بیست': 20, 'چل': 40, 'پەنجا': 50, 'شەست': 60, 'حەفتا': 70, 'هەشتا': 80, 'نەوەد': 90, 'سەد': 100,
})

const ENGLISH = table({
  'one|a single': 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, 'dozen|a dozen': 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, 'a hundred': 100, 'one hundred': 100,
  pair: 2, 'a pair': 2, both: 2,
})

/** Words and phrases that mean "an unknown number of" — the count is null. */
const VAGUE_PHRASES: readonly string[][] = [
  'عدد من', 'عدد', 'العديد من', 'العديد', 'عدة', 'بعض', 'عشرات', 'مئات', 'كمية من', 'كمية', 'كميات من', 'كميات', 'مجموعة من', 'جملة من', 'أعداد من',
  'several', 'some', 'many', 'a number of', 'number of', 'dozens of', 'dozens', 'scores of', 'multiple', 'numerous', 'a quantity of', 'quantities of', 'a large number of', 'a few', 'various', 'hundreds of',
  'چەند', 'ژمارەیەک', 'ژمارەیەکی', 'هەندێک', 'دەیان', 'بڕێک', 'بڕێکی', 'کۆمەڵێک', 'کۆمەڵێکی',
].map((phrase) => foldText(phrase).split(' '))

/** Qualifiers before a number that keep its value ("at least four" → 4). */
const QUALIFIERS: readonly string[][] = [
  'ما لا يقل عن', 'لا يقل عن', 'لا تقل عن', 'ما لا تقل عن', 'أكثر من', 'نحو', 'حوالي', 'قرابة', 'زهاء', 'ما يقارب', 'أقل من',
  'at least', 'more than', 'about', 'around', 'nearly', 'some', 'up to', 'approximately', 'over', 'a total of', 'total of',
  'لانیکەم', 'نزیکەی', 'زیاتر لە', 'کەمتر لە', 'بە لایەنی کەمەوە',
].map((phrase) => foldText(phrase).split(' '))

function matchPhrase(tokens: readonly string[], index: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (tokens[index + k] !== phrase[k]) return false
  return true
}

function stripConjunction(token: string): string {
  return token.length > 2 && token.startsWith('و') && !token.startsWith('واحد') ? token.slice(1) : token
}

function readArabicWords(tokens: readonly string[], index: number): Quantity | null {
  const first = tokens[index]
  if (first === undefined) return null
  const word = first
  const hundred = ARABIC_HUNDREDS.get(word)
  if (hundred !== undefined) return { value: hundred, length: 1 }
  const tens = ARABIC_TENS.get(word)
  if (tens !== undefined) return { value: tens, length: 1 }
  const unit = ARABIC_UNITS.get(word)
  if (unit === undefined) return null
  const next = tokens[index + 1]
  if (next !== undefined && TEEN_TEN.has(next) && unit < 10) return { value: unit + 10, length: 2 }
  if (next !== undefined && ARABIC_HUNDREDS.get(next) === 100 && unit >= 3) return { value: unit * 100, length: 2 }
  if (next !== undefined) {
    const tensAfter = ARABIC_TENS.get(stripConjunction(next))
    if (tensAfter !== undefined && next.startsWith('و')) return { value: unit + tensAfter, length: 2 }
  }
  return { value: unit, length: 1 }
}

function readSorani(tokens: readonly string[], index: number): Quantity | null {
  const word = tokens[index]
  if (word === undefined) return null
  const value = SORANI.get(word)
  if (value === undefined) return null
  // بیست و یەک = 21
  if (value >= 20 && tokens[index + 1] === 'و') {
    const unit = SORANI.get(tokens[index + 2] ?? '')
    if (unit !== undefined && unit < 10) return { value: value + unit, length: 3 }
  }
  return { value, length: 1 }
}

function readEnglish(tokens: readonly string[], index: number): Quantity | null {
  const word = tokens[index]
  if (word === undefined) return null
  const pair = tokens[index + 1] !== undefined ? ENGLISH.get(`${word} ${tokens[index + 1]}`) : undefined
  if (pair !== undefined) return { value: pair, length: 2 }
  const hyphen = /^([a-z]+)-([a-z]+)$/.exec(word)
  if (hyphen) {
    const tens = ENGLISH.get(hyphen[1]!)
    const unit = ENGLISH.get(hyphen[2]!)
    if (tens !== undefined && unit !== undefined) return { value: tens + unit, length: 1 }
  }
  const value = ENGLISH.get(word)
  return value === undefined ? null : { value, length: 1 }
}

/**
 * Reads a quantity starting at tokens[index]: digits, number words of the three languages,
 * vague quantities (value null) and qualifiers ("at least four" → 4). Null when none starts there.
 */
export function readQuantity(tokens: readonly string[], index: number): Quantity | null {
  const start = index
  for (const qualifier of QUALIFIERS) {
    if (matchPhrase(tokens, start, qualifier)) {
      const inner = readNumber(tokens, start + qualifier.length)
      if (inner) return { value: inner.value, length: qualifier.length + inner.length }
    }
  }
  for (const vague of VAGUE_PHRASES) if (matchPhrase(tokens, start, vague)) return { value: null, length: vague.length }
  return readNumber(tokens, start)
}

function readNumber(tokens: readonly string[], index: number): Quantity | null {
  const token = tokens[index]
  if (token === undefined) return null
  // "وثلاثة أنفاق": the conjunction is glued to the number word.
  if (token.length > 3 && token.startsWith('و') && !/^(?:واحد|واحده)$/.test(token)) {
    const bare = readNumber([token.slice(1), ...tokens.slice(index + 1)], 0)
    if (bare) return bare
  }
  const digits = /^(\d{1,4})(?:ي|ه)?$/.exec(token)
  if (digits) return { value: Number(digits[1]), length: 1 }
  return readArabicWords(tokens, index) ?? readSorani(tokens, index) ?? readEnglish(tokens, index)
}

/** Reads one number word or digit string (no qualifiers); null when the token is not a number. */
export function numberWordValue(token: string): number | null {
  return readNumber([foldText(token)], 0)?.value ?? null
}
