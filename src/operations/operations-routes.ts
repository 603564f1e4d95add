/** HTTP routes of joint operations: the plan, its lifecycle, the live log and its photos. */
import { z } from 'zod'
import { requirePrincipal, type TansiqServer } from '../platform/http/http-server.ts'
import { contentDisposition } from '../reports/core/attachment-content.ts'
import {
  addLogEntryBodySchema, amendOperationBodySchema, approveOperationBodySchema, cancelOperationBodySchema, createOperationBodySchema, emptyBodySchema,
  listLogQuerySchema, listOperationsQuerySchema, logEntrySchema, operationBodyLimitBytes, operationSchema, operationSummarySchema,
} from './operation-schemas.ts'
import type { OperationsService } from './operations-service.ts'

const idParams = z.object({ id: z.string().uuid() }).strict()
const entryParams = z.object({ id: z.string().uuid(), entryId: z.string().uuid() }).strict()
const tags = ['operations']

/** Registers the joint operations routes. */
export function registerOperationsRoutes(app: TansiqServer, operations: OperationsService): void {
  app.get('/api/operations', {
    schema: { tags, summary: 'Joint operations released to your organization, latest H-hour first', querystring: listOperationsQuerySchema, response: { 200: z.array(operationSummarySchema) } },
  }, async (request) => operations.list(requirePrincipal(request), request.query))

  app.post('/api/operations', {
    bodyLimit: operationBodyLimitBytes,
    schema: { tags, summary: 'Draft a joint operation led by your organization', body: createOperationBodySchema, response: { 201: operationSchema } },
  }, async (request, reply) => reply.code(201).send(await operations.create(requirePrincipal(request), request.body, request.id)))

  app.get('/api/operations/:id', {
    schema: { tags, summary: 'One operation: participants, objective areas, axes, phases, approvals, status and the movements it notified', params: idParams, response: { 200: operationSchema } },
  }, async (request) => operations.get(requirePrincipal(request), request.params.id))

  app.patch('/api/operations/:id', {
    bodyLimit: operationBodyLimitBytes,
    schema: { tags, summary: 'Amend the plan (lead); after proposal the revision goes up and every approval is asked again', params: idParams, body: amendOperationBodySchema, response: { 200: operationSchema } },
  }, async (request) => operations.amend(requirePrincipal(request), request.params.id, request.body, request.id))

  app.post('/api/operations/:id/propose', {
    schema: { tags, summary: 'Propose a draft to the participants (lead)', params: idParams, body: emptyBodySchema, response: { 200: operationSchema } },
  }, async (request) => operations.propose(requirePrincipal(request), request.params.id, request.id))

  app.post('/api/operations/:id/approve', {
    schema: {
      tags, summary: 'Approve the current plan revision for your organization (a commander of the lead or a participant); the last approval notifies its movements',
      params: idParams, body: approveOperationBodySchema, response: { 200: operationSchema },
    },
  }, async (request) => operations.approve(requirePrincipal(request), request.params.id, request.body, request.id))

  app.post('/api/operations/:id/start', {
    schema: { tags, summary: 'Start an approved operation (lead)', params: idParams, body: emptyBodySchema, response: { 200: operationSchema } },
  }, async (request) => operations.start(requirePrincipal(request), request.params.id, request.id))

  app.post('/api/operations/:id/complete', {
    schema: { tags, summary: 'Complete an active operation (lead)', params: idParams, body: emptyBodySchema, response: { 200: operationSchema } },
  }, async (request) => operations.complete(requirePrincipal(request), request.params.id, request.id))

  app.post('/api/operations/:id/cancel', {
    schema: { tags, summary: 'Cancel an operation before it completes (lead); its movements are cancelled', params: idParams, body: cancelOperationBodySchema, response: { 200: operationSchema } },
  }, async (request) => operations.cancel(requirePrincipal(request), request.params.id, request.body ?? {}, request.id))

  app.get('/api/operations/:id/log', {
    schema: { tags, summary: 'The live log, oldest first', params: idParams, querystring: listLogQuerySchema, response: { 200: z.array(logEntrySchema) } },
  }, async (request) => operations.log(requirePrincipal(request), request.params.id, request.query))

  app.post('/api/operations/:id/log', {
    bodyLimit: operationBodyLimitBytes,
    schema: {
      tags, summary: 'Add a log entry (a participant\'s commander, watch or liaison officer): text, optional time, place, unit and photo (JPEG, PNG or WEBP, base64, at most 5 MiB)',
      params: idParams, body: addLogEntryBodySchema, response: { 201: logEntrySchema },
    },
  }, async (request, reply) => reply.code(201).send(await operations.addLogEntry(requirePrincipal(request), request.params.id, request.body, request.id)))

  app.get('/api/operations/:id/log/:entryId/photo', {
    schema: { tags, summary: 'The photo of a log entry (always as a download, never rendered)', params: entryParams },
  }, async (request, reply) => {
    const photo = await operations.photo(requirePrincipal(request), request.params.id, request.params.entryId)
    return reply
      .header('content-type', photo.contentType)
      .header('content-disposition', contentDisposition(photo.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .header('etag', `"${photo.sha256}"`)
      .send(photo.content)
  })
}
