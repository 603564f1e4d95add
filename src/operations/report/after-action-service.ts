/**
 * The after-action report and joint statement of an operation, for a reader: data read through
 * releasability (after-action-loader.ts), rendered by the pure core, printed by the platform's
 * PDF renderer. Reading is not a change: nothing is audited, the request log records who read what.
 */
import type { Database } from '../../platform/database/database.ts'
import { TansiqError } from '../../platform/errors.ts'
import type { PdfRenderer } from '../../platform/pdf/pdf-renderer.ts'
import type { Viewer } from '../../releasability/released-store.ts'
import { directionOf, type DocumentLocale } from '../../language/locale-format.ts'
import { renderAfterActionReport } from '../core/after-action-report.ts'
import { renderJointStatement } from '../core/joint-statement.ts'
import { loadAfterActionReportData } from './after-action-loader.ts'
import { reportFontFaceCss } from './report-assets.ts'
import type { JointStatementView } from './report-schemas.ts'

export type AfterActionReportsService = ReturnType<typeof createAfterActionReportsService>

/** A file name for a document of an operation: after-action-black-earth-ar.pdf. */
export function documentFileName(englishName: string, operationId: string, locale: DocumentLocale, extension: string): string {
  const slug = englishName.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || operationId
  return `after-action-${slug}-${locale}.${extension}`
}

/** Builds the reports capability over the database and a PDF renderer. */
export function createAfterActionReportsService(options: { database: Database; pdf: PdfRenderer; timeZone?: string; clock?: () => Date }) {
  const { database, pdf } = options
  const clock = options.clock ?? (() => new Date())
  const load = (viewer: Viewer, operationId: string) => loadAfterActionReportData(database, viewer, operationId, { timeZone: options.timeZone, now: clock() })

  async function html(viewer: Viewer, operationId: string, locale: DocumentLocale): Promise<{ html: string; fileName: string }> {
    const data = await load(viewer, operationId)
    return { html: renderAfterActionReport(data, locale, { fontFaceCss: reportFontFaceCss() }), fileName: documentFileName(data.operation.names.en, operationId, locale, 'html') }
  }

  return {
    /** The report as a self-contained HTML page in one language. */
    html,

    /** The report as an A4 PDF; `pdf-renderer-unavailable` (503) when Chromium is missing. */
    async pdf(viewer: Viewer, operationId: string, locale: DocumentLocale): Promise<{ pdf: Buffer; fileName: string }> {
      const page = await html(viewer, operationId, locale)
      pdf.assertAvailable()
      return { pdf: await pdf.render(page.html), fileName: page.fileName.replace(/\.html$/, '.pdf') }
    },

    /** The joint statement in one language; `results-not-agreed` (409) with the reason while the figures are not agreed by all. */
    async statement(viewer: Viewer, operationId: string, locale: DocumentLocale): Promise<JointStatementView> {
      const data = await load(viewer, operationId)
      const statement = renderJointStatement(data, locale)
      if (statement.status === 'refused') {
        throw new TansiqError('results-not-agreed', statement.explanation, { reason: data.results.status === 'not-agreed' ? data.results.reason : null, pendingOrganizationIds: statement.pendingOrganizationIds })
      }
      const round = data.results.status === 'agreed' ? data.results.round : 0
      return { operationId, lang: locale, direction: directionOf(locale), title: statement.title, text: statement.text, agreedRound: round }
    },
  }
}
