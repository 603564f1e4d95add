/** HTTP routes of the ingest capability: reading statements, and the review of incident drafts. */
import { z } from 'zod'
import { requirePrincipal, type TansiqServer } from '../platform/http/http-server.ts'
import { reportSchema } from '../reports/report-schemas.ts'
import { incidentDraftSchema } from './core/incident-draft-schema.ts'
import {
  acceptDraftBodySchema, correctDraftBodySchema, draftDetailSchema, draftSummarySchema, ingestBodyLimitBytes, listDraftsQuerySchema,
  readStatementBodySchema, rejectDraftBodySchema,
} from './ingest-schemas.ts'
import type { IngestService } from './ingest-service.ts'

const idParams = z.object({ id: z.string().uuid() }).strict()

/** Registers the ingest routes; bodies carrying a statement get a limit above the 1 MB text limit, so the text's own limit answers. */
export function registerIngestRoutes(app: TansiqServer, ingest: IngestService): void {
  app.post('/api/ingest/read', {
    bodyLimit: ingestBodyLimitBytes,
    schema: { tags: ['ingest'], summary: 'Read a statement into an incident draft without storing it (the first call loads the gazetteer)', body: readStatementBodySchema, response: { 200: incidentDraftSchema } },
  }, async (request) => ingest.read(requirePrincipal(request), request.body))

  app.post('/api/ingest/drafts', {
    bodyLimit: ingestBodyLimitBytes,
    schema: { tags: ['ingest'], summary: 'Read a statement and keep the draft for review by your organization', body: readStatementBodySchema, response: { 201: draftDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await ingest.create(requirePrincipal(request), request.body, request.id)))

  app.get('/api/ingest/drafts', {
    schema: { tags: ['ingest'], summary: 'Incident drafts of your organization, newest first', querystring: listDraftsQuerySchema, response: { 200: z.array(draftSummarySchema) } },
  }, async (request) => ingest.list(requirePrincipal(request), request.query))

  app.get('/api/ingest/drafts/:id', {
    schema: { tags: ['ingest'], summary: 'One draft: the text, the machine draft, the corrections and the evidence spans', params: idParams, response: { 200: draftDetailSchema } },
  }, async (request) => ingest.get(requirePrincipal(request), request.params.id))

  app.patch('/api/ingest/drafts/:id', {
    schema: { tags: ['ingest'], summary: 'Correct a pending draft (analysts and commanders of its organization)', params: idParams, body: correctDraftBodySchema, response: { 200: draftDetailSchema } },
  }, async (request) => ingest.correct(requirePrincipal(request), request.params.id, request.body, request.id))

  app.post('/api/ingest/drafts/:id/accept', {
    schema: {
      tags: ['ingest', 'reports'], summary: 'Accept a pending draft: the corrected draft becomes a report of your organization',
      params: idParams, body: acceptDraftBodySchema, response: { 200: z.object({ draft: draftDetailSchema, report: reportSchema }) },
    },
  }, async (request) => ingest.accept(requirePrincipal(request), request.params.id, request.body, request.id))

  app.post('/api/ingest/drafts/:id/reject', {
    schema: { tags: ['ingest'], summary: 'Reject a pending draft, with a reason', params: idParams, body: rejectDraftBodySchema, response: { 200: draftDetailSchema } },
  }, async (request) => ingest.reject(requirePrincipal(request), request.params.id, request.body, request.id))
}
