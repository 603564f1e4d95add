/**
 * Text a report may store. Reports are kept exactly as written (no trimming of the body, no
 * Unicode normalisation: an analyst's Sorani must come back byte for byte), so only what storage
 * cannot hold or what is certainly broken is refused.
 */

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Whether a string is well-formed Unicode (no lone surrogate, which UTF-8 cannot encode). */
export function isWellFormedText(text: string): boolean {
  return !loneSurrogate.test(text)
}

/** Why a text cannot be stored as written, or null: PostgreSQL text refuses NUL, UTF-8 refuses lone surrogates. */
export function storableTextProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character'
  if (!isWellFormedText(text)) return 'is not well-formed Unicode (a lone surrogate)'
  return null
}
