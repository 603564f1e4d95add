import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  acceptedAttachmentType, checkAttachmentContent, checkFileName, contentDisposition, maxAttachmentBytes, parseMediaType, sniffContentType,
} from './attachment-content.ts'

const bytes = (...parts: Array<number[] | string>) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))))
const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0')
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR')
const webp = bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')
const pdf = bytes('%PDF-1.7\n', [0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])

test('each accepted type is recognised by its magic bytes', () => {
  const cases: Array<[Buffer, string]> = [
    [jpeg, 'image/jpeg'], [png, 'image/png'], [webp, 'image/webp'], [pdf, 'application/pdf'],
    [Buffer.from('تقرير ميداني — ڕاپۆرت\n', 'utf8'), 'text/plain'],
  ]
  for (const [content, type] of cases) assert.equal(sniffContentType(content), type)
})

test('content that is none of the types is not recognised', () => {
  assert.equal(sniffContentType(bytes('MZ', [0x90, 0x00, 0x03])), null, 'a Windows executable')
  assert.equal(sniffContentType(bytes([0xc3, 0x28])), null, 'invalid UTF-8')
  assert.equal(sniffContentType(bytes('RIFF', [0, 0, 0, 0], 'WAVE')), null, 'RIFF that is not WEBP')
  assert.equal(sniffContentType(bytes([0x89, 0x50, 0x4e, 0x47])), null, 'a truncated PNG signature')
})

test('content matching its declared type is accepted', () => {
  assert.deepEqual(checkAttachmentContent('image/png', png), { ok: true, value: 'image/png' })
  assert.deepEqual(checkAttachmentContent('text/plain', Buffer.from('plain words')), { ok: true, value: 'text/plain' })
})

test('content contradicting its declared type is refused, saying what it is', () => {
  const check = checkAttachmentContent('image/png', jpeg)
  assert.equal(check.ok, false)
  assert.match(!check.ok ? check.reason : '', /not image\/png: its bytes are image\/jpeg/)
  assert.equal(checkAttachmentContent('image/jpeg', Buffer.from('<script>alert(1)</script>')).ok, false)
  assert.equal(checkAttachmentContent('text/plain', bytes('text with a NUL\0 inside')).ok, false)
  assert.equal(checkAttachmentContent('text/plain', bytes('%PDF-1.4 all ascii')).ok, false, 'a PDF is not sent as text')
  assert.equal(checkAttachmentContent('text/plain', bytes([0xff, 0xfe, 0x41, 0x00])).ok, false, 'UTF-16 is not UTF-8')
})

test('empty and oversized content is refused', () => {
  assert.match((checkAttachmentContent('text/plain', Buffer.alloc(0)) as { reason: string }).reason, /empty/)
  const big = Buffer.concat([png, Buffer.alloc(maxAttachmentBytes)])
  assert.deepEqual(checkAttachmentContent('image/png', big), { ok: false, problem: 'too-large', reason: `The attachment has ${big.length} bytes; at most 5242880 bytes (5 MiB) are accepted per file` })
  assert.equal(checkAttachmentContent('image/png', Buffer.concat([png, Buffer.alloc(maxAttachmentBytes - png.length)])).ok, true, 'exactly the limit')
})

test('declared types: the five accepted ones, text only as UTF-8', () => {
  assert.deepEqual(acceptedAttachmentType('Image/PNG'), { ok: true, value: 'image/png' })
  assert.deepEqual(acceptedAttachmentType('text/plain; charset="UTF-8"'), { ok: true, value: 'text/plain' })
  assert.equal(acceptedAttachmentType('text/plain; charset=windows-1256').ok, false)
  assert.equal(acceptedAttachmentType('text/html').ok, false)
  assert.equal(acceptedAttachmentType('image/svg+xml').ok, false)
  assert.equal(acceptedAttachmentType(undefined).ok, false)
  assert.equal(acceptedAttachmentType('not a type').ok, false)
  assert.deepEqual(parseMediaType('text/plain;charset=utf-8'), { type: 'text/plain', parameters: { charset: 'utf-8' } })
})

test('file names in any script are kept; paths, controls and bidirectional overrides are refused', () => {
  assert.deepEqual(checkFileName('  صورة الموقع.jpg '), { ok: true, value: 'صورة الموقع.jpg' })
  assert.deepEqual(checkFileName('وێنەی شوێن.png'), { ok: true, value: 'وێنەی شوێن.png' })
  for (const name of ['', '..', '../etc/passwd', 'a\\b.txt', 'line\nbreak.txt', 'report\u202efdp.exe', 'x'.repeat(256)]) {
    assert.equal(checkFileName(name).ok, false, JSON.stringify(name))
  }
})

test('the content disposition forces a download and carries the name in UTF-8', () => {
  assert.equal(contentDisposition('photo.jpg'), 'attachment; filename="photo.jpg"; filename*=UTF-8\'\'photo.jpg')
  const header = contentDisposition('صورة "1".jpg')
  assert.match(header, /^attachment; filename="[^"]*_1_\.jpg"; filename\*=UTF-8''/)
  assert.equal(decodeURIComponent(header.split("UTF-8''")[1]!), 'صورة "1".jpg')
  assert.doesNotMatch(header, /[^\x20-\x7e]/, 'the header itself is ASCII')
})
