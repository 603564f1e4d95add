/**
 * What a report attachment may be: a few accepted types, checked by their content (magic bytes),
 * not by what the client declares; limits of size and count; safe file names. A declared type
 * that the content contradicts is refused, so a script cannot travel as an "image".
 */
import { isWellFormedText } from './report-text.ts'

export const attachmentTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain'] as const
export type AttachmentType = (typeof attachmentTypes)[number]

/** Largest accepted attachment: 5 MiB. */
export const maxAttachmentBytes = 5 * 1024 * 1024
/** Most attachments one report may carry. */
export const maxAttachmentsPerReport = 10
/** Longest accepted file name, in characters. */
export const maxFileNameLength = 255

const extensions: Readonly<Record<AttachmentType, string>> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf', 'text/plain': 'txt',
}

/** A check's outcome: the accepted value, or why not. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string }

/** Reads a Content-Type header into its lower-case media type and parameters; null when unreadable. */
export function parseMediaType(header: string | undefined): { type: string; parameters: Record<string, string> } | null {
  if (!header) return null
  const [essence, ...rest] = header.split(';')
  const type = essence!.trim().toLowerCase()
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type)) return null
  const parameters: Record<string, string> = {}
  for (const part of rest) {
    const equals = part.indexOf('=')
    if (equals < 1) continue
    parameters[part.slice(0, equals).trim().toLowerCase()] = part.slice(equals + 1).trim().replace(/^"(.*)"$/, '$1')
  }
  return { type, parameters }
}

/** Whether a declared Content-Type is one attachments may have (text only in UTF-8 or its ASCII subset). */
export function acceptedAttachmentType(header: string | undefined): Checked<AttachmentType> {
  const media = parseMediaType(header)
  if (!media) return { ok: false, reason: `Send the file with its Content-Type, one of ${attachmentTypes.join(', ')}` }
  if (!(attachmentTypes as readonly string[]).includes(media.type)) {
    return { ok: false, reason: `Attachments of type ${media.type} are not accepted; send one of ${attachmentTypes.join(', ')}` }
  }
  const charset = media.parameters.charset?.toLowerCase()
  if (media.type === 'text/plain' && charset !== undefined && !['utf-8', 'utf8', 'us-ascii'].includes(charset)) {
    return { ok: false, reason: `Text attachments must be UTF-8, not ${charset}` }
  }
  return { ok: true, value: media.type as AttachmentType }
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte)

const ascii = (text: string): number[] => [...text].map((character) => character.charCodeAt(0))

/** The binary type the content's leading bytes identify, if any of the accepted ones. */
export function sniffBinaryType(bytes: Uint8Array): Exclude<AttachmentType, 'text/plain'> | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf'
  return null
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Whether bytes are text: valid UTF-8 without NUL (which marks binary data and which PostgreSQL text refuses). */
export function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false
  try {
    strictUtf8.decode(bytes)
    return true
  } catch {
    return false
  }
}

/** What the content is, among the accepted types: its signature, else text, else null. */
export function sniffContentType(bytes: Uint8Array): AttachmentType | null {
  return sniffBinaryType(bytes) ?? (isPlainText(bytes) ? 'text/plain' : null)
}

/** Why content was refused: nothing sent, too much, or not what it was declared to be. */
export type ContentProblem = 'empty' | 'too-large' | 'type-mismatch'

/** Whether content really is the declared type (size and emptiness included). */
export function checkAttachmentContent(declared: AttachmentType, bytes: Uint8Array): { ok: true; value: AttachmentType } | { ok: false; problem: ContentProblem; reason: string } {
  if (bytes.length === 0) return { ok: false, problem: 'empty', reason: 'The attachment is empty' }
  if (bytes.length > maxAttachmentBytes) return { ok: false, problem: 'too-large', reason: tooLargeReason(bytes.length) }
  const found = sniffContentType(bytes)
  if (found === declared) return { ok: true, value: declared }
  return { ok: false, problem: 'type-mismatch', reason: `The content is not ${declared}: ${found === null ? 'its bytes match none of the accepted types' : `its bytes are ${found}`}` }
}

/** The explanation of an oversized attachment (its size when known). */
export function tooLargeReason(size?: number): string {
  return `${size === undefined ? 'The attachment is too large' : `The attachment has ${size} bytes`}; at most ${maxAttachmentBytes} bytes (5 MiB) are accepted per file`
}

// Controls, and the bidirectional overrides and isolates that make "report‮fdp.exe" look like "report.exe.pdf".
const forbiddenInFileName = /[\p{Cc}\u202a-\u202e\u2066-\u2069/\\]/u

/** A file name as given (trimmed) if it is safe to store and show; why not otherwise. */
export function checkFileName(name: string): Checked<string> {
  const trimmed = name.trim()
  if (trimmed === '' || trimmed === '.' || trimmed === '..') return { ok: false, reason: 'The file name is empty' }
  if ([...trimmed].length > maxFileNameLength) return { ok: false, reason: `The file name is longer than ${maxFileNameLength} characters` }
  if (forbiddenInFileName.test(trimmed)) return { ok: false, reason: 'The file name may not contain slashes, control characters or bidirectional overrides' }
  if (!isWellFormedText(trimmed)) return { ok: false, reason: 'The file name is not well-formed Unicode' }
  return { ok: true, value: trimmed }
}

/** The name an attachment gets when the client sends none. */
export function defaultFileName(type: AttachmentType): string {
  return `attachment.${extensions[type]}`
}

/** A Content-Disposition header that makes browsers download (never display) the file, with its name in any script (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
