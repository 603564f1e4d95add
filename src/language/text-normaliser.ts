// Text normalisation for matching Arabic, Kurdish Sorani and English text against lexicons and
// the gazetteer. Every function here is pure. The central one, `normaliseForMatching`, folds the
// many spellings of one word onto a single form AND keeps, for every character of the folded
// text, the offset of the character it came from, so that a match found in folded text can be
// reported as evidence offsets into the ORIGINAL text.
//
// Folding choices (why): Arabic press writes the same word with or without harakat, tatweel and
// hamza; Iraqi and Kurdish keyboards mix Persian ک/ی with Arabic ك/ي; Sorani spells names with
// letters Arabic lacks (ێ ۆ ڕ ڵ ە گ پ چ ژ ڤ) that Arabic spells with the nearest Arabic letter.
// Folding both sides to the Arabic base letters lets "کەرکووک" and "كركوك" meet.

/** Folded text plus, for each folded character, the index of its source character. */
export interface NormalisedText {
  /** The folded text. */
  readonly text: string
  /** The original text. */
  readonly source: string
  /** offsets[i] = index in the original string of folded character i; offsets[text.length] = original length. */
  readonly offsets: Int32Array
}

const DROP = new Set<number>()
for (let c = 0x064b; c <= 0x065f; c++) DROP.add(c) // harakat, shadda, sukun, hamza marks
for (const c of [0x0670, 0x0640, 0x0621, 0x00ad, 0x061c, 0xfeff, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) DROP.add(c)
for (let c = 0x06d6; c <= 0x06ed; c++) DROP.add(c) // Quranic annotation marks

const MAP = new Map<number, string>()
function mapAll(chars: string, to: string): void {
  for (const ch of chars) MAP.set(ch.codePointAt(0)!, to)
}
mapAll('أإآٱٲٳٵ', 'ا')
mapAll('ىیێېيۍ', 'ي')
mapAll('ةەھہۀ', 'ه')
mapAll('کګگڪ', 'ك')
mapAll('ؤۆۇۊۋۉ', 'و')
mapAll('ڕ', 'ر')
mapAll('ڵ', 'ل')
mapAll('پ', 'ب')
mapAll('چ', 'ج')
mapAll('ژ', 'ز')
mapAll('ڤ', 'ف')
mapAll('،', ',')
mapAll('؛', ';')
mapAll('؟', '?')
mapAll('٫', '.')
mapAll('٬', ',')
MAP.set(0xfdf2, 'الله')
for (let d = 0; d <= 9; d++) {
  MAP.set(0x0660 + d, String(d))
  MAP.set(0x06f0 + d, String(d))
}

const latinCache = new Map<number, string>()
/** Lower-cases a Latin character and strips its diacritics (é → e, Ḩ → h). */
function foldLatinChar(code: number): string {
  const cached = latinCache.get(code)
  if (cached !== undefined) return cached
  const folded = String.fromCodePoint(code).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  latinCache.set(code, folded.length === 1 ? folded : folded.slice(0, 1))
  return latinCache.get(code)!
}

function isArabicLetter(code: number): boolean {
  return (code >= 0x0620 && code <= 0x064a) || (code >= 0x066e && code <= 0x06d5) || (code >= 0x06fa && code <= 0x06ff)
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x0b || code === 0x0c || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000
}

/**
 * Folds text for matching (see file comment) and keeps a map back to original offsets.
 * Runs of white space become one space, line breaks become "\n" so sentence logic still sees them.
 */
export function normaliseForMatching(input: string): NormalisedText {
  const out: string[] = []
  const offsets: number[] = []
  let previousWasSpace = true
  let previousLetterWasWaw = false
  let atWordStart = true
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i)
    if (DROP.has(code)) continue
    if (isSpace(code)) {
      const isBreak = code === 0x0a || code === 0x2028 || code === 0x2029
      if (previousWasSpace) {
        // Keep a line break if the run contains one: headlines are their own sentence.
        if (isBreak && out.length > 0 && out[out.length - 1] === ' ') out[out.length - 1] = '\n'
        continue
      }
      out.push(isBreak ? '\n' : ' ')
      offsets.push(i)
      previousWasSpace = true
      previousLetterWasWaw = false
      atWordStart = true
      continue
    }
    let folded: string
    if (code === 0x0626) {
      // ئ carries an initial vowel in Sorani (ئەربیل, ئاب, ئۆپەراسیۆن): read it as the alef Arabic
      // writes there (أربيل, آب), swallowing a following ە; inside Arabic words it is a yeh seat.
      if (atWordStart) {
        const next = input.charCodeAt(i + 1)
        if (next === 0x0627 || next === 0x0622) continue
        if (next === 0x06d5) i++
        folded = 'ا'
      } else folded = 'ي'
    } else {
      const mapped = MAP.get(code)
      if (mapped !== undefined) folded = mapped
      else if (code < 0x80) folded = code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : input[i]!
      else if (code >= 0xc0 && code <= 0x24f) folded = foldLatinChar(code)
      else if (code >= 0x1e00 && code <= 0x1eff) folded = foldLatinChar(code)
      else folded = input[i]!
    }
    // Sorani writes long u as وو (داقووق); Arabic as one و (داقوق).
    if (folded === 'و' && previousLetterWasWaw) continue
    previousLetterWasWaw = folded === 'و'
    out.push(folded)
    // A ligature (ﷲ) folds to several letters; each points back at it.
    for (let k = 0; k < folded.length; k++) offsets.push(i)
    previousWasSpace = false
    const foldedCode = folded.charCodeAt(0)
    atWordStart = !(isArabicLetter(code) || (foldedCode >= 97 && foldedCode <= 122) || (foldedCode >= 48 && foldedCode <= 57))
  }
  offsets.push(input.length)
  return { text: out.join(''), source: input, offsets: Int32Array.from(offsets) }
}

/** Maps a [start, end) span of normalised text back to a [start, end) span of the original text. */
export function toOriginalSpan(normalised: NormalisedText, start: number, end: number): [number, number] {
  const originalStart = normalised.offsets[start] ?? 0
  const last = normalised.offsets[Math.max(start, end - 1)] ?? originalStart
  // Extend over characters folding dropped at the end (a final hamza, harakat): up to the next kept one.
  let originalEnd = Math.max(last + 1, normalised.offsets[end] ?? last + 1)
  while (originalEnd > last + 1 && /[\s\p{P}]/u.test(normalised.source[originalEnd - 1] ?? '')) originalEnd--
  return [originalStart, originalEnd]
}

/** Folds a short string (a name or a lexicon entry) without keeping offsets. */
export function foldText(input: string): string {
  return normaliseForMatching(input).text.replace(/\n/g, ' ').trim()
}

/** Replaces Eastern Arabic (٠-٩) and Persian (۰-۹) digits by ASCII digits, leaving the rest as is. */
export function toAsciiDigits(input: string): string {
  return input.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => {
    const code = digit.charCodeAt(0)
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660)
  })
}

const ARTICLE = /^(?:ال)(?=.{3,})/

/** The compact key of a name already folded and split into words (see compactKey). */
export function compactKeyOfFoldedWords(words: readonly string[]): string {
  let joined = ''
  for (const word of words) joined += word.replace(ARTICLE, '')
  // Medial ه is almost always Sorani ە, which Arabic leaves unwritten; both sides fold the same way.
  return joined.length > 2 ? joined[0] + joined.slice(1, -1).replace(/ه/g, '') + joined.slice(-1) : joined
}

/**
 * A key for place names that ignores spaces, punctuation, the Arabic article and the short
 * Sorani vowel ە (written inside words in Sorani, absent in Arabic): طوزخورماتو = طوز خورماتو,
 * مەخموور = مخمور, الحويجة = حويجه.
 */
export function compactKey(name: string): string {
  return compactKeyOfFoldedWords(foldText(name).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0))
}
