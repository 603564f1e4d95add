/** zod schemas of the after-action report and joint statement routes (validation, types, OpenAPI). */
import { z } from 'zod'

export const reportParamsSchema = z.object({ id: z.string().uuid() }).strict()

export const reportQuerySchema = z.object({
  lang: z.enum(['ar', 'ckb', 'en']).describe('ar: Arabic, ckb: Kurdish (Sorani), en: English'),
}).strict()
export type ReportQuery = z.infer<typeof reportQuerySchema>

export const jointStatementSchema = z.object({
  operationId: z.string(),
  lang: z.enum(['ar', 'ckb', 'en']),
  direction: z.enum(['rtl', 'ltr']),
  title: z.string(),
  text: z.string().describe('Plain text, paragraphs separated by a blank line; the figures are those agreed by every participant'),
  agreedRound: z.number().int(),
})
export type JointStatementView = z.infer<typeof jointStatementSchema>

export const reportHtmlDocumentation = {
  description: 'The after-action report as one self-contained HTML page (fonts and map embedded; loads nothing), printable on A4.',
  content: { 'text/html': { schema: z.string() } },
}

export const reportPdfDocumentation = {
  description: 'The after-action report as an A4 PDF (rendered by Chromium).',
  content: { 'application/pdf': { schema: z.string().describe('PDF bytes') } },
}
