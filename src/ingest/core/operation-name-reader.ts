// Reading the operation's own name: the words in quotes or brackets right after "عملية",
// "عمليات", "حملة", "ئۆپەراسیۆنی", "Operation", "باسم", "called"…, or the capitalised words after
// "Operation" in English. Generic descriptions ("عملية أمنية") are not names.
import { foldText } from '../../language/text-normaliser.ts'
import type { NormalisedText } from '../../language/text-normaliser.ts'
import type { Token } from '../../language/tokeniser.ts'

/** The operation name as written in the original text, with its offsets. */
export interface OperationNameReading {
  readonly name: string
  readonly start: number
  readonly end: number
}

const CUES = new Set(['عملية', 'عمليات', 'حملة', 'حملات', 'عمليتي', 'باسم', 'اسم', 'بعنوان', 'المسماة', 'المسمى', 'عنوان', 'operation', 'operations', 'campaign', 'called', 'dubbed', 'codenamed', 'code-named', 'named', 'ناوی', 'بەناوی', 'ئۆپەراسیۆن', 'ئۆپەراسیۆنی', 'ئۆپەراسیۆنێکی', 'ئۆپەراسیۆنەکە', 'ئۆپەراسیۆنەکانی', 'هەڵمەتی'].map((word) => foldText(word)))
const OPENERS: Record<string, string> = { '«': '»', '"': '"', '“': '”', '„': '“', '(': ')', '[': ']' }
const NOT_NAMES = new Set(['inherent resolve'])

function isCue(text: string): boolean {
  if (CUES.has(text)) return true
  const bare = text.replace(/^(?:و|ب|ل|ف|ال|بال|وال)/, '')
  return CUES.has(bare) || CUES.has(bare.replace(/^ال/, '')) || /^اوبه?راسيون/.test(text)
}

/** Finds the operation name, or null. */
export function readOperationName(tokens: readonly Token[], normalised: NormalisedText, original: string): OperationNameReading | null {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    const closer = OPENERS[token.text]
    if (!token.isWord && closer !== undefined) {
      // A cue among the three words before the opening quote.
      let cued = false
      for (let k = i - 1, seen = 0; k >= 0 && seen < 3; k--) {
        const previous = tokens[k]!
        if (!previous.isWord) {
          if (previous.text === '\n' || previous.text === '.') break
          continue
        }
        seen++
        if (isCue(previous.text)) {
          cued = true
          break
        }
      }
      if (!cued) continue
      let end = i + 1
      while (end < tokens.length && tokens[end]!.text !== closer && tokens[end]!.text !== '\n' && end - i <= 8) end++
      if (end >= tokens.length || tokens[end]!.text !== closer || end === i + 1) continue
      const startOriginal = normalised.offsets[tokens[i + 1]!.start]!
      // Up to the closing quote in the original, so letters folding dropped (a final hamza) stay.
      let endOriginal = normalised.offsets[tokens[end]!.start]!
      while (endOriginal > startOriginal && /\s/.test(original[endOriginal - 1]!)) endOriginal--
      const name = original.slice(startOriginal, endOriginal).trim()
      if (name.length >= 2 && name.length <= 60 && !NOT_NAMES.has(name.toLowerCase())) return { name, start: startOriginal, end: endOriginal }
    }
    // English: Operation Inherent Resolve is the coalition's mission, not a reported operation.
    if (token.text === 'operation') {
      const startOriginal = normalised.offsets[token.start]!
      if (original[startOriginal] !== 'O') continue
      let last = i
      for (let k = i + 1; k < tokens.length && k <= i + 4; k++) {
        const next = tokens[k]!
        const at = normalised.offsets[next.start]!
        if (!next.isWord || original[at] !== original[at]!.toUpperCase() || original[at] === original[at]!.toLowerCase()) break
        last = k
      }
      if (last === i) continue
      const nameStart = normalised.offsets[tokens[i + 1]!.start]!
      const nameEnd = normalised.offsets[tokens[last]!.end - 1]! + 1
      const name = original.slice(nameStart, nameEnd)
      if (!NOT_NAMES.has(name.toLowerCase())) return { name, start: nameStart, end: nameEnd }
    }
  }
  return null
}
