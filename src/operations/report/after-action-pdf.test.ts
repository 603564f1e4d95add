// The after-action report of the reference operation as PDF, in Arabic, Sorani and English, looked
// at the way a person would: its pages as images (pdftoppm) and its text (pdftotext). One browser
// for the three documents. Needs Chromium and poppler-utils; skipped without them, except in CI.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { loadConfig } from '../../platform/config.ts'
import { createPdfRenderer } from '../../platform/pdf/pdf-renderer.ts'
import { renderAfterActionReport } from '../core/after-action-report.ts'
import { referenceAfterActionData } from '../core/after-action-example.ts'
import { mapExtent } from '../core/after-action-map.ts'
import { districtBoundariesNear, reportFontFaceCss } from './report-assets.ts'

const chromiumPath = loadConfig({}).TANSIQ_CHROMIUM_PATH
const renderer = createPdfRenderer({ executablePath: chromiumPath, idleCloseMs: 0 })
const hasPoppler = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
const missing = [!renderer.available() && `Chromium at ${chromiumPath}`, !hasPoppler && 'poppler-utils (pdftoppm, pdftotext)'].filter(Boolean).join(' and ')
// CI must have both (its script installs them): there a missing tool is a failure, not a skip.
const skip = missing !== '' && process.env.CI !== 'true' ? `needs ${missing}` : false

interface Ink { pages: number; inkFractions: number[]; headingCentre: number; headingLeft: number; headingRight: number }

/** Dark pixels of a PNG page: the share of the page they cover, and where they sit in the heading band. */
function inkOf(directory: string, prefix: string): Ink {
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

/** pdftotext's output without the spaces and direction marks it puts between shaped glyphs. */
const compact = (text: string) => text.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')

test('the after-action report of the reference operation prints to A4 PDF in Arabic, Sorani and English', { skip, timeout: 180_000 }, async (t) => {
  const directory = mkdtempSync(join(tmpdir(), 'tansiq-report-'))
  t.after(async () => {
    await renderer.close()
    rmSync(directory, { recursive: true, force: true })
  })
  const data = referenceAfterActionData()
  const extent = mapExtent(data as Parameters<typeof mapExtent>[0])
  data.boundaries = districtBoundariesNear([extent.west, extent.south, extent.east, extent.north])
  const expected = {
    ar: { side: 'right', words: ['الأرض السوداء', 'تقرير ما بعد العملية', 'النتائج المتفق عليها', 'الأوكار المدمرة', 'بلكانة', 'قوريجاي', 'صلاح الدين'] },
    ckb: { side: 'right', words: ['زەوی ڕەش', 'ڕاپۆرتی دوای ئۆپەراسیۆن', 'شوێنی خۆشاردنەوەی تێکشکێنراو', 'پلکانە', 'قۆریچای', 'سەڵاحەدین'] },
    en: { side: 'left', words: ['Black Earth', 'After-action report', 'Hideouts destroyed', 'Balkana', 'Qurijay', 'Salahuddin'] },
  } as const
  for (const locale of ['ar', 'ckb', 'en'] as const) {
    const html = renderAfterActionReport(data, locale, { fontFaceCss: reportFontFaceCss() })
    const started = performance.now()
    const pdf = await renderer.render(html)
    t.diagnostic(`${locale}: PDF of ${(pdf.length / 1024).toFixed(0)} KiB in ${Math.round(performance.now() - started)} ms`)
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-')
    const file = join(directory, `report-${locale}.pdf`)
    writeFileSync(file, pdf)

    execFileSync('pdftoppm', ['-r', '60', '-png', file, join(directory, locale)])
    const ink = inkOf(directory, locale)
    t.diagnostic(`${locale}: ${ink.pages} pages, heading ink from ${ink.headingLeft.toFixed(2)} to ${ink.headingRight.toFixed(2)} of the width, centre ${ink.headingCentre.toFixed(2)}`)
    assert.ok(ink.pages >= 2, `${locale}: ${ink.pages} page(s)`)
    ink.inkFractions.forEach((fraction, index) => assert.ok(fraction > 0.003, `${locale} page ${index + 1} is blank (${fraction})`))
    if (expected[locale].side === 'right') {
      assert.ok(ink.headingCentre > 0.6, `${locale}: the heading's ink should sit on the right (centre at ${ink.headingCentre.toFixed(2)})`)
      assert.ok(ink.headingRight > 0.9, `${locale}: the heading should reach the right margin (${ink.headingRight.toFixed(2)})`)
    } else {
      assert.ok(ink.headingCentre < 0.4, `${locale}: the heading's ink should sit on the left (centre at ${ink.headingCentre.toFixed(2)})`)
      assert.ok(ink.headingLeft < 0.1, `${locale}: the heading should start at the left margin (${ink.headingLeft.toFixed(2)})`)
    }

    const text = compact(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }))
    for (const words of expected[locale].words) assert.ok(text.includes(compact(words)), `${locale}: the PDF text lacks «${words}» in reading order`)
    if (locale === 'en') {
      assert.ok(text.includes('Hideoutsdestroyed23'), 'en: figures in ASCII digits')
    } else {
      // The agreed figures (23 hideouts, 17 IEDs) in Arabic-Indic digits, and never in ASCII ones.
      assert.ok(text.includes('٢٣') && text.includes('١٧'), `${locale}: figures in Arabic-Indic digits`)
      assert.ok(!text.includes('23') && !text.includes('17'), `${locale}: no figure in ASCII digits`)
    }
  }
})
