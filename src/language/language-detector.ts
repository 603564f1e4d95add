// Language detection for the three languages Tansiq reads: Arabic (ar), Central Kurdish /
// Sorani (ckb) and English (en). Sorani and Arabic share the script, so we count letters that
// only Sorani uses (ێ ۆ ڕ ڵ ە, and ڤ پ چ گ ژ which Arabic only uses in loan names) and a few very
// frequent Sorani function words.

/** One of the languages Tansiq reads. */
export type Language = 'ar' | 'ckb' | 'en'

/** The detected main language plus how mixed the text is. */
export interface LanguageGuess {
  /** Main language of the text. */
  readonly language: Language
  /** True when a second script/language makes up a noticeable share of the letters. */
  readonly mixed: boolean
  /** Share of letters per language, 0..1. */
  readonly shares: Readonly<Record<Language, number>>
}

const STRONG_SORANI = /[\u06ce\u06c6\u0695\u06b5\u06d5]/g // ێ ۆ ڕ ڵ ە
const WEAK_SORANI = /[\u06a4\u067e\u0686\u06af\u0698\u06cc\u06a9]/g // ڤ پ چ گ ژ ی ک
const SORANI_WORDS = /(?:^|\s)(?:لە|بۆ|کە|ئەم|ئەو|دوای|لەگەڵ|هەروەها|بەڵام|ڕایگەیاند)(?=\s|$)/g
const ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d5\u06fa-\u06ff]/g
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/g

function count(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0
  let found = 0
  while (pattern.exec(text) !== null) found++
  return found
}

/** Guesses the language of a text, and whether it mixes languages. */
export function detectLanguageDetailed(text: string): LanguageGuess {
  const arabicScript = count(text, ARABIC_LETTER)
  const latin = count(text, LATIN_LETTER)
  const strong = count(text, STRONG_SORANI)
  const weak = count(text, WEAK_SORANI)
  const words = count(text, SORANI_WORDS)
  // Strong Sorani letters are ~8% of letters in Sorani prose, ~0 in Arabic.
  const soraniScore = arabicScript === 0 ? 0 : (strong + weak * 0.3 + words * 3) / arabicScript
  const isSorani = soraniScore > 0.03
  const total = Math.max(1, arabicScript + latin)
  const shares: Record<Language, number> = {
    ar: isSorani ? 0 : arabicScript / total,
    ckb: isSorani ? arabicScript / total : 0,
    en: latin / total,
  }
  const language: Language = latin > arabicScript ? 'en' : isSorani ? 'ckb' : 'ar'
  const mainShare = shares[language]
  // Arabic text quoting Sorani names (or the reverse) shows a small Sorani score, not a mix.
  const scriptMix = 1 - mainShare > 0.2
  const soraniArabicMix = language !== 'en' && arabicScript > 200 && soraniScore > 0.012 && soraniScore < 0.03
  return { language, mixed: scriptMix || soraniArabicMix, shares }
}

/** Detects the main language of a text: 'ar', 'ckb' or 'en'. */
export function detectLanguage(text: string): Language {
  return detectLanguageDetailed(text).language
}
