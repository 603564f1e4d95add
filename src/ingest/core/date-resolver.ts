// Finding the date of the reported event. Works on tokens of folded text (see text-normaliser).
//
// Why our own and not chrono-node: chrono-node 2.10 has an Arabic locale (Levantine and Egyptian
// month names, weekdays, اليوم/أمس/أول أمس) that we checked, but it has no Sorani (neither the
// Arabic-derived month names nor the Kurdish solar calendar), no غداة, and no notion of which
// date is the event's rather than the announcement's or an earlier context event's — the hard
// part here. One token scanner over the folded text covers the three languages, keeps evidence
// offsets, and is much cheaper per document than running chrono's parser set.
import { foldText } from '../../language/text-normaliser.ts'
import { isSentenceBreak } from '../../language/tokeniser.ts'
import type { Token } from '../../language/tokeniser.ts'
import { COMPLEMENTISERS, CONTEXT_LEXICON, REPORTING_LEXICON } from './ingest-lexicon.ts'
import { matchLexicon } from './lexicon-matcher.ts'

/** The chosen event date with its evidence, and what was noticed on the way. */
export interface DateReading {
  /** YYYY-MM-DD, or null when the text gives no date of the event. */
  readonly date: string | null
  /** Token range [first, last] of the expression the date comes from. */
  readonly tokens: readonly [number, number] | null
  readonly warnings: readonly string[]
}

function foldedMap(entries: Record<string, number>): Map<string, number> {
  const map = new Map<string, number>()
  for (const [names, value] of Object.entries(entries)) for (const name of names.split('|')) map.set(foldText(name), value)
  return map
}

/** Gregorian month names: Iraqi/Levantine, Egyptian, Sorani (Arabic-derived) and English. */
const MONTHS = foldedMap({
  'كانون الثاني|يناير|كانوني دووەم|کانونی دووەم|كانون ثاني|january|jan': 1,
  'شباط|فبراير|شوبات|february|feb': 2,
  'آذار|مارس|ئازار|march|mar': 3,
  'نيسان|أبريل|ابريل|إبريل|نیسان|april|apr': 4,
  'أيار|مايو|ئایار|may': 5,
  'حزيران|يونيو|يونيه|حوزەیران|june|jun': 6,
  'تموز|يوليو|يوليه|تەمموز|تەموز|july|jul': 7,
  'آب|أغسطس|اغسطس|ئاب|august|aug': 8,
  'أيلول|سبتمبر|ئەیلوول|ئەیلول|september|sep|sept': 9,
  'تشرين الأول|أكتوبر|اكتوبر|تشرینی یەکەم|october|oct': 10,
  'تشرين الثاني|نوفمبر|تشرینی دووەم|november|nov': 11,
  'كانون الأول|ديسمبر|کانوونی یەکەم|کانونی یەکەم|december|dec': 12,
})

/** Kurdish solar months used in KRG press; month 1 starts at Newroz (21 March). */
const KURDISH_MONTHS = foldedMap({
  'خاکەلێوە': 1, 'گوڵان': 2, 'جۆزەردان': 3, 'پووشپەڕ': 4, 'گەلاوێژ': 5, 'خەرمانان': 6,
  'ڕەزبەر': 7, 'گەڵاڕێزان': 8, 'سەرماوەز': 9, 'بەفرانبار': 10, 'ڕێبەندان': 11, 'ڕەشەمێ': 12,
})

/** Weekday names, 0 = Sunday. */
const WEEKDAYS = foldedMap({
  'الأحد|أحد|یەکشەممە|یەک شەممە|sunday': 0,
  'الاثنين|الإثنين|اثنين|دووشەممە|دوو شەممە|monday': 1,
  'الثلاثاء|ثلاثاء|سێشەممە|سێ شەممە|tuesday': 2,
  'الأربعاء|أربعاء|اربعاء|چوارشەممە|چوار شەممە|wednesday': 3,
  'الخميس|خميس|پێنجشەممە|پێنج شەممە|thursday': 4,
  'الجمعة|جمعة|هەینی|ھەینی|friday': 5,
  'السبت|سبت|شەممە|saturday': 6,
})

/** Relative day words: offset in days from the publication date. */
const RELATIVE = foldedMap({
  'اليوم|ئەمڕۆ|ئەمرۆ|today|tonight|ئەمشەو': 0,
  'أمس|امس|البارحة|دوێنێ|دوێنی|yesterday|overnight': -1,
  'أول أمس|اول امس|أول من أمس|قبل أمس|پێری|پێرێ|پێرێکە': -2,
  'last night|دوێنێ شەو|شەوی ڕابردوو|ليلة أمس|مساء أمس': -1,
})

/** Words before a weekday that make it a date ("يوم الأحد", "فجر الأحد", "on Sunday"). */
const WEEKDAY_CUES = new Set(['يوم', 'فجر', 'صباح', 'مساء', 'ليله', 'ظهر', 'عصر', 'ظهيره', 'اليوم', 'امس', 'on', 'last', 'early', 'late', 'روزي', 'شهوي', 'بهياني', 'ايوارهي', 'نيوهروي', 'دويني', 'امرو', ',', 'this'].map((word) => foldText(word) || word))

const DAY = /^(\d{1,2})(?:ي|ه|st|nd|rd|th)?$/
const YEAR = /^(\d{4})(?:ي|م|ز)?$/

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay()
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1) return null
  return date.toISOString().slice(0, 10)
}

function kurdishToGregorian(kurdishYear: number, month: number, day: number): string | null {
  const gregorianYear = kurdishYear >= 2600 ? kurdishYear - 700 : kurdishYear
  const monthLengths = [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29]
  let offset = day - 1
  for (let m = 1; m < month; m++) offset += monthLengths[m - 1]!
  const start = isoDate(gregorianYear, 3, 21)
  return start ? addDays(start, offset) : null
}

/** Reads a month name at tokens[index] (one or two words, Sorani ezafe ی allowed). */
function readMonth(tokens: readonly Token[], index: number): { month: number; kurdish: boolean; length: number } | null {
  const first = tokens[index]
  if (!first || !first.isWord) return null
  const second = tokens[index + 1]
  const strip = (word: string): string[] => {
    const forms = [word]
    if (word.startsWith('و') && word.length > 3) forms.push(word.slice(1))
    if (word.endsWith('ي') && word.length > 2) forms.push(word.slice(0, -1))
    return forms
  }
  if (second && second.isWord) {
    for (const a of strip(first.text)) for (const b of strip(second.text)) {
      const month = MONTHS.get(`${a} ${b}`)
      if (month !== undefined) return { month, kurdish: false, length: 2 }
    }
  }
  for (const form of strip(first.text)) {
    const month = MONTHS.get(form)
    if (month !== undefined) return { month, kurdish: false, length: 1 }
    const kurdish = KURDISH_MONTHS.get(form)
    if (kurdish !== undefined) return { month: kurdish, kurdish: true, length: 1 }
  }
  return null
}

interface Candidate {
  date: string
  first: number
  last: number
  kind: 'absolute' | 'relative' | 'weekday' | 'day-after'
  score: number
}

function resolveYearless(month: number, day: number, published: string): string | null {
  const year = Number(published.slice(0, 4))
  const date = isoDate(year, month, day)
  if (!date) return null
  return date > addDays(published, 2) ? isoDate(year - 1, month, day) : date
}

/** First words of month names (with the Sorani ezafe and a glued و), for a cheap first test. */
const MONTH_FIRST_WORDS = new Set<string>()
for (const name of [...MONTHS.keys(), ...KURDISH_MONTHS.keys()]) {
  const first = name.split(' ')[0]!
  for (const form of [first, first + 'ي', 'و' + first]) MONTH_FIRST_WORDS.add(form)
}
const RELATIVE_FIRST_WORDS = new Set([...RELATIVE.keys()].flatMap((name) => [name.split(' ')[0]!, 'و' + name.split(' ')[0]!]))
const WEEKDAY_FIRST_WORDS = new Set([...WEEKDAYS.keys()].flatMap((name) => {
  const first = name.split(' ')[0]!
  return [first, 'و' + first, first + 'ي', 'ال' + first, 'وال' + first, 'بال' + first, 'لل' + first]
}))

function readAbsolute(tokens: readonly Token[], index: number, published: string): { date: string; length: number } | null {
  const token = tokens[index]!
  const code = token.text.charCodeAt(0)
  if (!(code >= 48 && code <= 57) && !MONTH_FIRST_WORDS.has(token.text)) return null
  // 2021-07-12 or 12-7-2021 written as one token
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(token.text)
  if (iso) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    return date ? { date, length: 1 } : null
  }
  const dmy = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(token.text)
  if (dmy) {
    const date = isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]))
    return date ? { date, length: 1 } : null
  }
  // 12/7/2021
  const t1 = tokens[index + 1]
  const t2 = tokens[index + 2]
  const t3 = tokens[index + 3]
  const t4 = tokens[index + 4]
  if (/^\d{1,2}$/.test(token.text) && t1?.text === '/' && t2 && /^\d{1,2}$/.test(t2.text) && t3?.text === '/' && t4 && /^\d{4}$/.test(t4.text)) {
    const date = isoDate(Number(t4.text), Number(t2.text), Number(token.text))
    return date ? { date, length: 5 } : null
  }
  // 12 تموز 2021 / ٢٢ی ئابی ٢٠٢٢ / 10 April 2022
  const day = DAY.exec(token.text)
  if (day) {
    let cursor = index + 1
    // "20 و 21ی ئایار", "10-12 تموز": a range starts on its first day.
    const joiner = tokens[cursor]?.text
    if ((joiner === 'و' || joiner === '-' || joiner === 'الي' || joiner === 'to' || joiner === 'and') && tokens[cursor + 1] && DAY.test(tokens[cursor + 1]!.text)) cursor += 2
    if (tokens[cursor]?.text === 'من' || tokens[cursor]?.text === 'of') cursor++
    const month = readMonth(tokens, cursor)
    if (!month) return null
    cursor += month.length
    if (tokens[cursor]?.text === ',') cursor++
    const year = tokens[cursor] ? YEAR.exec(tokens[cursor]!.text) : null
    const dayNumber = Number(day[1])
    if (month.kurdish) {
      const kurdishYear = year ? Number(year[1]) : Number(published.slice(0, 4)) + 700
      const date = kurdishToGregorian(kurdishYear, month.month, dayNumber)
      return date ? { date, length: cursor - index + (year ? 1 : 0) } : null
    }
    const date = year ? isoDate(Number(year[1]), month.month, dayNumber) : resolveYearless(month.month, dayNumber, published)
    return date ? { date, length: cursor - index + (year ? 1 : 0) } : null
  }
  // April 10, 2022
  const month = readMonth(tokens, index)
  if (month && !month.kurdish) {
    let cursor = index + month.length
    const dayToken = tokens[cursor]
    const dayMatch = dayToken ? DAY.exec(dayToken.text) : null
    if (!dayMatch) return null
    cursor++
    if (tokens[cursor]?.text === ',') cursor++
    const year = tokens[cursor] ? YEAR.exec(tokens[cursor]!.text) : null
    const date = year ? isoDate(Number(year[1]), month.month, Number(dayMatch[1])) : resolveYearless(month.month, Number(dayMatch[1]), published)
    return date ? { date, length: cursor - index + (year ? 1 : 0) } : null
  }
  return null
}

function readRelative(tokens: readonly Token[], index: number): { offset: number; length: number } | null {
  const a = tokens[index]
  if (!a || !a.isWord || !RELATIVE_FIRST_WORDS.has(a.text)) return null
  const b = tokens[index + 1]
  const c = tokens[index + 2]
  if (b && c && b.isWord && c.isWord) {
    const three = RELATIVE.get(`${a.text} ${b.text} ${c.text}`)
    if (three !== undefined) return { offset: three, length: 3 }
  }
  if (b && b.isWord) {
    const two = RELATIVE.get(`${a.text} ${b.text}`)
    if (two !== undefined) return { offset: two, length: 2 }
  }
  const text = a.text.startsWith('و') && a.text.length > 3 && RELATIVE.has(a.text.slice(1)) ? a.text.slice(1) : a.text
  const one = RELATIVE.get(text)
  return one === undefined ? null : { offset: one, length: 1 }
}

function readWeekday(tokens: readonly Token[], index: number): { weekday: number; length: number } | null {
  const a = tokens[index]
  if (!a || !a.isWord || !WEEKDAY_FIRST_WORDS.has(a.text)) return null
  const b = tokens[index + 1]
  if (b && b.isWord) {
    const two = WEEKDAYS.get(`${a.text} ${b.text}`)
    if (two !== undefined) return { weekday: two, length: 2 }
  }
  for (const form of [a.text, a.text.replace(/^و/, ''), a.text.replace(/ي$/, ''), a.text.replace(/^(?:و|ب|ل)?ال/, 'ال')]) {
    const weekday = WEEKDAYS.get(form)
    if (weekday !== undefined) return { weekday, length: 1 }
  }
  return null
}

function sentenceStart(tokens: readonly Token[], index: number): number {
  let start = index
  while (start > 0 && !isSentenceBreak(tokens[start - 1]!)) start--
  return start
}

/** True when a reporting verb governs the date: it comes shortly before it, with no "that" between. */
function isReportingFrame(tokens: readonly Token[], first: number): boolean {
  const from = sentenceStart(tokens, first)
  let words = 0
  for (let k = first - 1; k >= from && words < 8; k--) {
    const token = tokens[k]!
    if (!token.isWord) continue
    words++
    if (COMPLEMENTISERS.has(token.text)) return false
    if (matchLexicon(REPORTING_LEXICON, tokens, k)) return true
  }
  return false
}

function isContextFrame(tokens: readonly Token[], first: number): boolean {
  for (let k = sentenceStart(tokens, first); k < first; k++) if (matchLexicon(CONTEXT_LEXICON, tokens, k)) return true
  return false
}

/**
 * Finds the event date: absolute dates, relative days and weekdays resolved against the
 * publication date; announcement dates rank below event dates, earlier context events are
 * excluded; among equals the first in the text wins (headline and lead name the event).
 */
export function resolveEventDate(tokens: readonly Token[], published: string | null): DateReading {
  const warnings: string[] = []
  const reference = published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? published : null
  if (!reference) warnings.push('no valid --published date: relative dates cannot be resolved')
  const candidates: Candidate[] = []
  const dayAfter: number[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (!token.isWord) continue
    if (token.text === 'غداه' || token.text === 'وغداه') {
      dayAfter.push(i)
      continue
    }
    const absolute = readAbsolute(tokens, i, reference ?? '2000-01-01')
    if (absolute) {
      // A weekday right before an absolute date ("الاثنين 12 تموز") is part of it.
      let first = i
      const previous = tokens[i - 1]
      if (previous && readWeekday(tokens, i - 1)) first = i - 1
      else if (previous?.text === ',' && tokens[i - 2] && readWeekday(tokens, i - 2)) first = i - 2
      if (reference || /\d{4}/.test(tokens.slice(i, i + absolute.length).map((t) => t.text).join(' '))) {
        candidates.push({ date: absolute.date, first, last: i + absolute.length - 1, kind: 'absolute', score: 0 })
      }
      i += absolute.length - 1
      continue
    }
    if (!reference) continue
    const relative = readRelative(tokens, i)
    if (relative) {
      let last = i + relative.length - 1
      const weekday = readWeekday(tokens, last + 1)
      const date = addDays(reference, relative.offset)
      if (weekday) {
        last += weekday.length
        if (weekdayOf(date) !== weekday.weekday) warnings.push(`weekday and relative day disagree near "${tokens.slice(i, last + 1).map((t) => t.text).join(' ')}"`)
      }
      // "اليوم" after "حتى"/"until" is not a date of the event.
      const before = tokens[i - 1]?.text
      if (before !== 'حتي' && before !== 'until' && before !== 'لغايه') candidates.push({ date, first: i, last, kind: 'relative', score: 0 })
      i = last
      continue
    }
    const weekday = readWeekday(tokens, i)
    if (weekday) {
      const cue = tokens[i - 1]
      const next = tokens[i + weekday.length]
      const isLatin = /^[a-z]/.test(token.text)
      if (isLatin || (cue && WEEKDAY_CUES.has(cue.text)) || (next && next.text === ',')) {
        let offset = (weekdayOf(reference) - weekday.weekday + 7) % 7
        if (cue?.text === 'last' && offset === 0) offset = 7
        candidates.push({ date: addDays(reference, -offset), first: cue && WEEKDAY_CUES.has(cue.text) && cue.isWord ? i - 1 : i, last: i + weekday.length - 1, kind: 'weekday', score: 0 })
      }
      i += weekday.length - 1
    }
  }
  for (const candidate of candidates) {
    candidate.score = isContextFrame(tokens, candidate.first) ? 0 : isReportingFrame(tokens, candidate.first) ? 2 : 3
  }
  // غداة X: the day after X, where X's date is the other (usually context) date of the text.
  for (const position of dayAfter) {
    const anchor = candidates.filter((candidate) => candidate.kind !== 'day-after').sort((a, b) => a.score - b.score || a.first - b.first)[0]
    if (anchor) candidates.push({ date: addDays(anchor.date, 1), first: position, last: position, kind: 'day-after', score: isContextFrame(tokens, position) ? 0 : 3.5 })
  }
  const usable = candidates.filter((candidate) => candidate.score > 0)
  if (usable.length === 0) {
    if (candidates.length > 0) warnings.push('only dates of earlier context events found; event date left empty')
    else warnings.push('no date in the text')
    return { date: null, tokens: null, warnings }
  }
  usable.sort((a, b) => b.score - a.score || a.first - b.first)
  const best = usable[0]!
  if (reference && best.date > addDays(reference, 1)) warnings.push('event date is after the publication date')
  return { date: best.date, tokens: [best.first, best.last], warnings }
}
