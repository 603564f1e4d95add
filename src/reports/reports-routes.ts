/** HTTP routes of reports and their attachments. */
import type { IncomingMessage } from 'node:http'
import { z } from 'zod'
import type { FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { requirePrincipal, type TansiqServer } from '../platform/http/http-server.ts'
import { TansiqError } from '../platform/errors.ts'
import { changeReleaseBodySchema } from '../releasability/release-schemas.ts'
import { acceptedAttachmentType, contentDisposition, maxAttachmentBytes, tooLargeReason } from './core/attachment-content.ts'
import {
  addAttachmentQuerySchema, attachmentSchema, createReportBodySchema, listReportsQuerySchema, reportBodyLimitBytes, reportSchema, updateReportBodySchema,
} from './report-schemas.ts'
import type { ReportsService } from './reports-service.ts'

const idParams = z.object({ id: z.string().uuid() }).strict()
const attachmentParams = z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() }).strict()

/**
 * Reads an attachment body as bytes, refusing an unaccepted declared type before reading and
 * stopping at the size limit (whether the length is declared or the body is chunked), so the
 * answer names the attachment limit rather than the server's general body limit.
 */
function readAttachmentBody(request: FastifyRequest, payload: IncomingMessage, done: (error: Error | null, body?: Buffer) => void): void {
  const declared = acceptedAttachmentType(request.headers['content-type'])
  if (!declared.ok) return done(new TansiqError('unsupported-media-type', declared.reason))
  const declaredLength = Number(request.headers['content-length'])
  if (declaredLength > maxAttachmentBytes) return done(new TansiqError('payload-too-large', tooLargeReason(declaredLength)))
  const chunks: Buffer[] = []
  let received = 0
  let finished = false
  const finish = (error: Error | null, body?: Buffer) => {
    if (finished) return
    finished = true
    done(error, body)
  }
  payload.on('data', (chunk: Buffer) => {
    received += chunk.length
    // Past the limit the rest is drained and dropped; Fastify closes the connection after the reply.
    if (received > maxAttachmentBytes) return finish(new TansiqError('payload-too-large', tooLargeReason()))
    chunks.push(chunk)
  })
  payload.on('end', () => finish(null, Buffer.concat(chunks, received)))
  payload.on('error', (error) => finish(error))
}

/** The file name a client sent in x-file-name: percent-encoded UTF-8 (or raw UTF-8 bytes, which Node reads as Latin-1). */
function fileNameHeader(request: FastifyRequest): string | undefined {
  const header = request.headers['x-file-name']
  if (header === undefined) return undefined
  const value = Array.isArray(header) ? header[0]! : header
  try {
    // eslint-disable-next-line no-control-regex
    if (/[^\x00-\x7f]/.test(value)) return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value, 'latin1'))
    return decodeURIComponent(value)
  } catch {
    throw new TansiqError('validation-failed', 'The x-file-name header must be percent-encoded UTF-8')
  }
}

/** Registers the reports routes; attachment uploads get their own body parser and limit in a scope of their own. */
export function registerReportsRoutes(app: TansiqServer, reports: ReportsService): void {
  app.get('/api/reports', {
    schema: { tags: ['picture', 'reports'], summary: 'Reports released to your organization, newest first', querystring: listReportsQuerySchema, response: { 200: z.array(reportSchema) } },
  }, async (request) => reports.list(requirePrincipal(request), request.query))

  app.get('/api/reports/:id', {
    schema: { tags: ['picture', 'reports'], summary: 'One report', params: idParams, response: { 200: reportSchema } },
  }, async (request) => reports.get(requirePrincipal(request), request.params.id))

  app.post('/api/reports', {
    bodyLimit: reportBodyLimitBytes,
    schema: { tags: ['picture', 'reports'], summary: 'Create a report of your organization (incident, SIGACT, intelligence)', body: createReportBodySchema, response: { 201: reportSchema } },
  }, async (request, reply) => reply.code(201).send(await reports.create(requirePrincipal(request), request.body, request.id)))

  app.patch('/api/reports/:id', {
    bodyLimit: reportBodyLimitBytes,
    schema: { tags: ['picture', 'reports'], summary: 'Change a report of your organization', params: idParams, body: updateReportBodySchema, response: { 200: reportSchema } },
  }, async (request) => reports.update(requirePrincipal(request), request.params.id, request.body, request.id))

  app.delete('/api/reports/:id', {
    schema: { tags: ['picture', 'reports'], summary: 'Delete a report of your organization with its attachments', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await reports.remove(requirePrincipal(request), request.params.id, request.id)
    return reply.code(204).send(null)
  })

  app.put('/api/reports/:id/release', {
    schema: { tags: ['picture', 'reports', 'releasability'], summary: 'Set to whom a report is released (widening needs your commander)', params: idParams, body: changeReleaseBodySchema, response: { 200: reportSchema } },
  }, async (request) => reports.changeRelease(requirePrincipal(request), request.params.id, request.body.release, request.id))

  app.get('/api/reports/:id/attachments', {
    schema: { tags: ['reports'], summary: 'Attachments of a report released to you', params: idParams, response: { 200: z.array(attachmentSchema) } },
  }, async (request) => reports.listAttachments(requirePrincipal(request), request.params.id))

  app.get('/api/reports/:id/attachments/:attachmentId', {
    schema: { tags: ['reports'], summary: 'Download an attachment (always as a download, never rendered)', params: attachmentParams },
  }, async (request, reply) => {
    const attachment = await reports.getAttachment(requirePrincipal(request), request.params.id, request.params.attachmentId)
    return reply
      .header('content-type', attachment.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : attachment.contentType)
      .header('content-disposition', contentDisposition(attachment.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .header('etag', `"${attachment.sha256}"`)
      .send(attachment.content)
  })

  // Uploads are raw files, not JSON: this scope reads any body as bytes (the parser refuses
  // unaccepted types before reading), with the attachment limit instead of the general one.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { bodyLimit: maxAttachmentBytes }, readAttachmentBody)
    scope.withTypeProvider<ZodTypeProvider>().post('/api/reports/:id/attachments', {
      bodyLimit: maxAttachmentBytes,
      schema: {
        tags: ['reports'],
        summary: 'Attach a file (JPEG, PNG, WEBP, PDF or UTF-8 text, at most 5 MiB, 10 per report) sent as the raw body with its Content-Type',
        params: idParams, querystring: addAttachmentQuerySchema, response: { 201: attachmentSchema },
      },
    }, async (request, reply) => {
      const principal = requirePrincipal(request)
      const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
      const file = { declaredType: request.headers['content-type'], fileName: fileNameHeader(request) ?? request.query.name, content }
      return reply.code(201).send(await reports.addAttachment(principal, request.params.id, file, request.id))
    })
  })
}
