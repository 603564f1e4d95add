/** HTTP routes of the after-action report (HTML, PDF) and the joint statement of an operation. */
import { requirePrincipal, type TansiqServer } from '../../platform/http/http-server.ts'
import type { AfterActionReportsService } from './after-action-service.ts'
import { jointStatementSchema, reportHtmlDocumentation, reportParamsSchema, reportPdfDocumentation, reportQuerySchema } from './report-schemas.ts'

const tags = ['operations']
// The page embeds everything it shows; it may load nothing and run nothing.
const documentPolicy = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** Registers GET /api/operations/:id/report.html, /report.pdf and /statement (each ?lang=ar|ckb|en). */
export function registerAfterActionRoutes(app: TansiqServer, reports: AfterActionReportsService): void {
  app.get('/api/operations/:id/report.html', {
    exposeHeadRoute: false,
    schema: { tags, summary: 'The after-action report as HTML, in Arabic, Sorani or English (what is released to your organization)', params: reportParamsSchema, querystring: reportQuerySchema, response: { 200: reportHtmlDocumentation } },
  }, async (request, reply) => {
    const page = await reports.html(requirePrincipal(request), request.params.id, request.query.lang)
    return reply.type('text/html; charset=utf-8').header('content-disposition', `inline; filename="${page.fileName}"`)
      .header('content-security-policy', documentPolicy).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff')
      .send(Buffer.from(page.html, 'utf8') as never)
  })

  app.get('/api/operations/:id/report.pdf', {
    exposeHeadRoute: false,
    schema: { tags, summary: 'The after-action report as an A4 PDF (503 pdf-renderer-unavailable without Chromium)', params: reportParamsSchema, querystring: reportQuerySchema, response: { 200: reportPdfDocumentation } },
  }, async (request, reply) => {
    const document = await reports.pdf(requirePrincipal(request), request.params.id, request.query.lang)
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${document.fileName}"`)
      .header('cache-control', 'no-store').header('x-content-type-options', 'nosniff')
      .send(document.pdf as never)
  })

  app.get('/api/operations/:id/statement', {
    schema: { tags, summary: 'The joint press statement drafted from the agreed figures (409 results-not-agreed until every participant agreed them)', params: reportParamsSchema, querystring: reportQuerySchema, response: { 200: jointStatementSchema } },
  }, async (request) => reports.statement(requirePrincipal(request), request.params.id, request.query.lang))
}
