// Splitting folded text into word and punctuation tokens with their offsets, the common input
// of the date, number, actor, result and place readers.

/** A token of folded text: a word, a number or one punctuation mark. */
export interface Token {
  /** The token's folded text. */
  readonly text: string
  /** Start offset in the folded text. */
  readonly start: number
  /** End offset (exclusive) in the folded text. */
  readonly end: number
  /** True for a word or number, false for punctuation. */
  readonly isWord: boolean
}

const TOKEN = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*|[.!?;:,\n«»"“”„()[\]–—\-/|]/gu

/** Splits folded text into tokens (words keep inner hyphens, e.g. "f-16", "twenty-one"). */
export function tokenise(folded: string): Token[] {
  const tokens: Token[] = []
  TOKEN.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = TOKEN.exec(folded)) !== null) {
    const text = match[0]
    const code = text.charCodeAt(0)
    const isWord = text.length > 1 || /[\p{L}\p{N}]/u.test(text) || code > 0x7f && /[\p{L}\p{N}]/u.test(text)
    tokens.push({ text, start: match.index, end: match.index + text.length, isWord })
  }
  return tokens
}

/** True when the token ends a sentence (full stop, question or exclamation mark, line break). */
export function isSentenceBreak(token: Token): boolean {
  return !token.isWord && (token.text === '.' || token.text === '!' || token.text === '?' || token.text === '\n')
}

/** True when the token ends a clause (sentence break, comma, semicolon, colon, dash). */
export function isClauseBreak(token: Token): boolean {
  return !token.isWord && token.text !== '«' && token.text !== '»' && token.text !== '"' && token.text !== '“' && token.text !== '”' && token.text !== '(' && token.text !== ')'
}
