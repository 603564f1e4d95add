/**
 * What a photo of the live log may be: a JPEG, PNG or WEBP image of at most 5 MiB, recognised by
 * its content (magic bytes) as report attachments are, whatever the client declares.
 */
import { checkFileName, maxAttachmentBytes, sniffBinaryType, tooLargeReason } from '../../reports/core/attachment-content.ts'

export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const
export type PhotoType = (typeof photoTypes)[number]

const extensions: Readonly<Record<PhotoType, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

/** The accepted photo (its type and a safe file name), or why it is refused. */
export function checkPhoto(declared: PhotoType, bytes: Uint8Array, fileName: string | undefined): { ok: true; type: PhotoType; fileName: string } | { ok: false; reason: string } {
  if (bytes.length === 0) return { ok: false, reason: 'The photo is empty' }
  if (bytes.length > maxAttachmentBytes) return { ok: false, reason: tooLargeReason(bytes.length) }
  const found = sniffBinaryType(bytes)
  if (found !== declared) {
    return { ok: false, reason: `The photo is not ${declared}: ${found === null ? 'its bytes are not a JPEG, PNG or WEBP image' : `its bytes are ${found}`}` }
  }
  if (fileName === undefined) return { ok: true, type: declared, fileName: `photo.${extensions[declared]}` }
  const name = checkFileName(fileName)
  return name.ok ? { ok: true, type: declared, fileName: name.value } : { ok: false, reason: name.reason }
}
