// The after-action report of the reference operation as PDF, in Arabic, Sorani and English, looked
// at the way a person would: its pages as images (pdftoppm) and its text (pdftotext), with the
// checks of pdf-page-checks.ts. One browser for the three documents. Needs Chromium and
// poppler-utils; skipped without them, except in CI.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../platform/config.ts'
import { createPdfRenderer } from '../../platform/pdf/pdf-renderer.ts'
import { renderAfterActionReport } from '../core/after-action-report.ts'
import { referenceAfterActionData } from '../core/after-action-example.ts'
import { mapExtent } from '../core/after-action-map.ts'
import { districtBoundariesNear, reportFontFaceCss } from './report-assets.ts'
import { assertPdfPages, describePdfPages, missingPdfTools, pdfChecksSkip, readPdfPages } from './pdf-page-checks.ts'

const chromiumPath = loadConfig({}).TANSIQ_CHROMIUM_PATH
const renderer = createPdfRenderer({ executablePath: chromiumPath, idleCloseMs: 0 })
const missing = missingPdfTools(renderer, chromiumPath)

test('the after-action report of the reference operation prints to A4 PDF in Arabic, Sorani and English', { skip: pdfChecksSkip(missing), timeout: 180_000 }, async (t) => {
  assert.equal(missing, '', `the PDF checks need ${missing}`)
  const directory = mkdtempSync(join(tmpdir(), 'tansiq-report-'))
  t.after(async () => {
    await renderer.close()
    rmSync(directory, { recursive: true, force: true })
  })
  const data = referenceAfterActionData()
  const extent = mapExtent(data as Parameters<typeof mapExtent>[0])
  data.boundaries = districtBoundariesNear([extent.west, extent.south, extent.east, extent.north])
  const phrases = {
    ar: ['الأرض السوداء', 'تقرير ما بعد العملية', 'النتائج المتفق عليها', 'الأوكار المدمرة', 'بلكانة', 'قوريجاي', 'صلاح الدين'],
    ckb: ['زەوی ڕەش', 'ڕاپۆرتی دوای ئۆپەراسیۆن', 'شوێنی خۆشاردنەوەی تێکشکێنراو', 'پلکانە', 'قۆریچای', 'سەڵاحەدین'],
    en: ['Black Earth', 'After-action report', 'Hideouts destroyed', 'Balkana', 'Qurijay', 'Salahuddin'],
  } as const
  for (const locale of ['ar', 'ckb', 'en'] as const) {
    const html = renderAfterActionReport(data, locale, { fontFaceCss: reportFontFaceCss() })
    const started = performance.now()
    const pdf = await renderer.render(html)
    t.diagnostic(`${locale}: PDF of ${(pdf.length / 1024).toFixed(0)} KiB in ${Math.round(performance.now() - started)} ms`)
    const pages = readPdfPages(pdf, directory, `report-${locale}`)
    t.diagnostic(describePdfPages(locale, pages))
    assertPdfPages(pages, locale, { phrases: phrases[locale] })
    const text = pages.compactText
    if (locale === 'en') {
      assert.ok(text.includes('Hideoutsdestroyed23'), 'en: figures in ASCII digits')
    } else {
      // The agreed figures (23 hideouts, 17 IEDs) in Arabic-Indic digits, and never in ASCII ones.
      assert.ok(text.includes('٢٣') && text.includes('١٧'), `${locale}: figures in Arabic-Indic digits`)
      assert.ok(!text.includes('23') && !text.includes('17'), `${locale}: no figure in ASCII digits`)
    }
  }
})
