/**
 * Test support: a PDF looked at the way a person would — its pages turned into PNG images by
 * pdftoppm (ink on every page, the heading on the right for Arabic and Sorani, on the left for
 * English) and its text read by pdftotext (phrases in logical order, the locale's digits).
 * Used by after-action-pdf.test.ts and test/joint-operation-reference.test.ts; needs
 * poppler-utils, and pngjs (a development dependency). Not used by the server.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PNG } from 'pngjs'

/** Whether pdftoppm and pdftotext (poppler-utils) can be run. */
export function hasPoppler(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' })
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** What the PDF checks lack on this machine, in words ('' when nothing): Chromium, poppler-utils. */
export function missingPdfTools(chromium: { available(): boolean }, chromiumPath: string): string {
  return [!chromium.available() && `Chromium at ${chromiumPath}`, !hasPoppler() && 'poppler-utils (pdftoppm, pdftotext)'].filter(Boolean).join(' and ')
}

/**
 * The `skip` option of a test that needs the PDF tools: skipped on a developer's machine without
 * them, but never in CI (CI=true), whose script installs them — there a missing tool must fail.
 */
export function pdfChecksSkip(missing: string): string | false {
  return missing !== '' && process.env.CI !== 'true' ? `needs ${missing}` : false
}

/** Where the ink of a PDF's pages is, and its text. */
export interface PdfPages {
  pages: number
  /** Share of each page covered by dark pixels. */
  inkFractions: number[]
  /** Mean x of the first page's heading band's ink, as a fraction of the width. */
  headingCentre: number
  headingLeft: number
  headingRight: number
  /** pdftotext's output as it came. */
  text: string
  /** The text without spaces and direction marks (see compactPdfText). */
  compactText: string
}

/** pdftotext's output without the spaces and direction marks it puts between shaped glyphs. */
export const compactPdfText = (text: string): string => text.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')

/** Dark pixels of the PNG pages `<prefix>-N.png` in `directory`: the share of each page they cover, and where they sit in the first page's heading band. */
function inkOf(directory: string, prefix: string): Omit<PdfPages, 'text' | 'compactText'> {
  const files = readdirSync(directory).filter((name) => name.startsWith(`${prefix}-`) && name.endsWith('.png')).sort()
  const inkFractions: number[] = []
  let headingCentre = 0
  let headingLeft = 1
  let headingRight = 0
  files.forEach((file, index) => {
    const png = PNG.sync.read(readFileSync(join(directory, file)))
    const dark = (x: number, y: number) => {
      const at = (png.width * y + x) * 4
      return png.data[at]! + png.data[at + 1]! + png.data[at + 2]! < 3 * 160
    }
    let count = 0
    for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) if (dark(x, y)) count++
    inkFractions.push(count / (png.width * png.height))
    if (index !== 0) return
    // The heading band: from the top margin to a fifth of the page (marking, kind of report, operation name).
    let sum = 0
    let inked = 0
    for (let y = Math.round(png.height * 0.04); y < Math.round(png.height * 0.2); y++) {
      for (let x = 0; x < png.width; x++) {
        if (!dark(x, y)) continue
        sum += x
        inked++
        headingLeft = Math.min(headingLeft, x / png.width)
        headingRight = Math.max(headingRight, x / png.width)
      }
    }
    headingCentre = inked === 0 ? 0.5 : sum / inked / png.width
  })
  return { pages: files.length, inkFractions, headingCentre, headingLeft, headingRight }
}

/**
 * Writes `pdf` to `directory/<name>.pdf`, turns its pages into PNG at 60 dpi (`<name>-N.png`) and
 * reads its text. Throws when the bytes are not a PDF.
 */
export function readPdfPages(pdf: Buffer, directory: string, name: string): PdfPages {
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', `${name}: not a PDF`)
  const file = join(directory, `${name}.pdf`)
  writeFileSync(file, pdf)
  execFileSync('pdftoppm', ['-r', '60', '-png', file, join(directory, name)])
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  return { ...inkOf(directory, name), text, compactText: compactPdfText(text) }
}

/** One line of what was seen, for t.diagnostic(). */
export function describePdfPages(label: string, pages: PdfPages): string {
  return `${label}: ${pages.pages} pages, heading ink from ${pages.headingLeft.toFixed(2)} to ${pages.headingRight.toFixed(2)} of the width, centre ${pages.headingCentre.toFixed(2)}`
}

/**
 * Asserts what a reader would check first: at least `minPages` pages, none blank, the heading's
 * ink on the side the language starts from (right for Arabic and Sorani, left for English), and
 * each phrase in the text in reading order.
 */
export function assertPdfPages(pages: PdfPages, locale: 'ar' | 'ckb' | 'en', expected: { minPages?: number; phrases: readonly string[] }): void {
  const minPages = expected.minPages ?? 2
  assert.ok(pages.pages >= minPages, `${locale}: ${pages.pages} page(s), expected at least ${minPages}`)
  pages.inkFractions.forEach((fraction, index) => assert.ok(fraction > 0.003, `${locale} page ${index + 1} is blank (${fraction})`))
  if (locale === 'en') {
    assert.ok(pages.headingCentre < 0.4, `${locale}: the heading's ink should sit on the left (centre at ${pages.headingCentre.toFixed(2)})`)
    assert.ok(pages.headingLeft < 0.1, `${locale}: the heading should start at the left margin (${pages.headingLeft.toFixed(2)})`)
  } else {
    assert.ok(pages.headingCentre > 0.6, `${locale}: the heading's ink should sit on the right (centre at ${pages.headingCentre.toFixed(2)})`)
    assert.ok(pages.headingRight > 0.9, `${locale}: the heading should reach the right margin (${pages.headingRight.toFixed(2)})`)
  }
  for (const phrase of expected.phrases) assert.ok(pages.compactText.includes(compactPdfText(phrase)), `${locale}: the PDF text lacks «${phrase}» in reading order`)
}
