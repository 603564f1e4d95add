// Matching multi-word lexicon phrases against tokens of folded text, with the morphology the
// three languages need: Arabic clitics before a word (و ب ل ف ك ال …) and object pronouns after
// it (تفكيكها، عجلتهم), Sorani stems matched as prefixes (a word written with a trailing "*":
// ئۆتۆمبێل* matches ئۆتۆمبێلی، ئۆتۆمبێلەکان), English by exact forms.
import { foldText } from '../../language/text-normaliser.ts'
import type { Token } from '../../language/tokeniser.ts'

interface CompiledEntry<T> {
  readonly words: readonly string[]
  readonly prefix: readonly boolean[]
  readonly payload: T
}

/** A compiled lexicon of phrases with payloads. */
export interface Lexicon<T> {
  readonly exact: ReadonlyMap<string, readonly CompiledEntry<T>[]>
  readonly prefix: ReadonlyMap<string, readonly CompiledEntry<T>[]>
  /** Lengths of the prefix stems, longest first: only these slices are looked up. */
  readonly prefixLengths: readonly number[]
}

/** One lexicon match at a token position. */
export interface LexiconMatch<T> {
  readonly payload: T
  /** Number of tokens covered. */
  readonly length: number
  /** What follows the matched stem in the last word (for Sorani plural/indefinite suffixes). */
  readonly rest: string
  /** True when the first word carried an object pronoun (بتفكيكهما: "defusing them"). */
  readonly pronoun: boolean
}

/** Compiles phrases (natural spelling; a word ending in * matches as a prefix) into a lexicon. */
export function buildLexicon<T>(phrases: Iterable<readonly [string, T]>): Lexicon<T> {
  const exact = new Map<string, CompiledEntry<T>[]>()
  const prefix = new Map<string, CompiledEntry<T>[]>()
  for (const [phrase, payload] of phrases) {
    const raw = phrase.trim().split(/\s+/)
    const words = raw.map((word) => foldText(word.replace(/\*$/, '')))
    const isPrefix = raw.map((word) => word.endsWith('*'))
    if (words.some((word) => word === '')) continue
    const entry = { words, prefix: isPrefix, payload }
    const map = isPrefix[0] ? prefix : exact
    const list = map.get(words[0]!)
    if (list) list.push(entry)
    else map.set(words[0]!, [entry])
  }
  const prefixLengths = [...new Set([...prefix.keys()].map((stem) => stem.length))].sort((a, b) => b - a)
  return { exact, prefix, prefixLengths }
}

const CLITICS = ['وبال', 'وال', 'بال', 'فال', 'كال', 'ولل', 'لل', 'وب', 'ول', 'وك', 'فب', 'فل', 'ال', 'و', 'ب', 'ل', 'ف', 'ك']
const PRONOUNS = ['هما', 'هم', 'ها', 'كم', 'نا', 'ه']
const ARABIC = /[\u0600-\u06ff]/

interface Form {
  readonly text: string
  readonly pronoun: boolean
}

const formCache = new Map<string, Form[]>()

/** The forms a token may stand for once clitics and object pronouns are taken off. */
export function tokenForms(token: string): readonly Form[] {
  const cached = formCache.get(token)
  if (cached) return cached
  const forms: Form[] = [{ text: token, pronoun: false }]
  if (ARABIC.test(token)) {
    const bases = [token]
    for (const clitic of CLITICS) {
      if (token.startsWith(clitic) && token.length - clitic.length >= 2) {
        const base = token.slice(clitic.length)
        bases.push(base)
        forms.push({ text: base, pronoun: false })
        if (base.startsWith('ال') && base.length > 4) {
          bases.push(base.slice(2))
          forms.push({ text: base.slice(2), pronoun: false })
        }
      }
    }
    for (const base of bases) {
      for (const pronoun of PRONOUNS) {
        if (base.endsWith(pronoun) && base.length - pronoun.length >= 3) {
          const stem = base.slice(0, -pronoun.length)
          forms.push({ text: stem, pronoun: true })
          if (stem.endsWith('ت')) forms.push({ text: stem.slice(0, -1) + 'ه', pronoun: true })
        }
      }
    }
  }
  if (formCache.size > 50000) formCache.clear()
  formCache.set(token, forms)
  return forms
}

function wordMatches(token: string, word: string, isPrefix: boolean): string | null {
  for (const form of tokenForms(token)) {
    if (isPrefix ? form.text.startsWith(word) : form.text === word) return form.text.slice(word.length)
  }
  return null
}

/** Finds the longest lexicon phrase starting at tokens[index], or null. */
export function matchLexicon<T>(lexicon: Lexicon<T>, tokens: readonly Token[], index: number): LexiconMatch<T> | null {
  const first = tokens[index]
  if (!first || !first.isWord) return null
  const state: { best: LexiconMatch<T> | null; score: number } = { best: null, score: -1 }
  for (const form of tokenForms(first.text)) {
    const exact = lexicon.exact.get(form.text)
    if (exact) for (const entry of exact) considerEntry(state, tokens, index, entry, '', form.pronoun, form.text.length)
    if (lexicon.prefix.size === 0 || form.pronoun) continue
    for (const length of lexicon.prefixLengths) {
      if (length > form.text.length) continue
      const entries = lexicon.prefix.get(form.text.slice(0, length))
      if (entries) for (const entry of entries) considerEntry(state, tokens, index, entry, form.text.slice(length), false, length)
    }
  }
  return state.best
}

function considerEntry<T>(state: { best: LexiconMatch<T> | null; score: number }, tokens: readonly Token[], index: number, entry: CompiledEntry<T>, firstRest: string, pronoun: boolean, stemLength: number): void {
  let rest = firstRest
  for (let k = 1; k < entry.words.length; k++) {
    const token = tokens[index + k]
    if (!token || !token.isWord) return
    const matched = wordMatches(token.text, entry.words[k]!, entry.prefix[k]!)
    if (matched === null) return
    rest = matched
  }
  const score = entry.words.length * 100 + stemLength
  if (score > state.score) {
    state.score = score
    state.best = { payload: entry.payload, length: entry.words.length, rest, pronoun }
  }
}
