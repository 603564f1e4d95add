/** HTTP routes of coordinated movements. */
import { z } from 'zod'
import { requirePrincipal, type TansiqServer } from '../platform/http/http-server.ts'
import {
  acknowledgeBodySchema, amendMovementBodySchema, cancelMovementBodySchema, createMovementBodySchema, findingSchema, listMovementsQuerySchema,
  movementDetailSchema, movementSchema, objectBodySchema, previewMovementBodySchema, previewSchema, submitMovementBodySchema,
} from './movement-schemas.ts'
import type { MovementsService } from './movements-service.ts'

const idParams = z.object({ id: z.string().uuid() }).strict()
const tags = ['movements']

/** Registers the movements routes. */
export function registerMovementsRoutes(app: TansiqServer, movements: MovementsService): void {
  app.get('/api/movements', {
    schema: { tags, summary: 'Movements released to your organization', querystring: listMovementsQuerySchema, response: { 200: z.array(movementSchema) } },
  }, async (request) => movements.list(requirePrincipal(request), request.query))

  app.post('/api/movements/preview', {
    schema: { tags, summary: 'Impact analysis of a movement as drawn, without saving it', body: previewMovementBodySchema, response: { 200: previewSchema } },
  }, async (request) => movements.preview(requirePrincipal(request), request.body))

  app.post('/api/movements', {
    schema: { tags, summary: 'Notify a movement of your organization (a draft, or submitted at once with submit: true)', body: createMovementBodySchema, response: { 201: movementDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await movements.create(requirePrincipal(request), request.body, request.id)))

  app.get('/api/movements/:id', {
    schema: { tags, summary: 'One movement, with the findings you may see and its timeline', params: idParams, response: { 200: movementDetailSchema } },
  }, async (request) => movements.get(requirePrincipal(request), request.params.id))

  app.get('/api/movements/:id/findings', {
    schema: { tags, summary: 'The findings of the latest impact analysis that you may see', params: idParams, response: { 200: z.array(findingSchema) } },
  }, async (request) => (await movements.get(requirePrincipal(request), request.params.id)).findings)

  app.patch('/api/movements/:id', {
    schema: { tags, summary: 'Amend a movement of your organization: the analysis runs again, answers are asked again', params: idParams, body: amendMovementBodySchema, response: { 200: movementDetailSchema } },
  }, async (request) => movements.amend(requirePrincipal(request), request.params.id, request.body, request.id))

  app.post('/api/movements/:id/submit', {
    schema: { tags, summary: 'Submit a draft: the room is told and the affected organizations notified', params: idParams, body: submitMovementBodySchema, response: { 200: movementDetailSchema } },
  }, async (request) => movements.submit(requirePrincipal(request), request.params.id, request.body ?? {}, request.id))

  app.post('/api/movements/:id/cancel', {
    schema: { tags, summary: 'Cancel a movement of your organization', params: idParams, body: cancelMovementBodySchema, response: { 200: movementDetailSchema } },
  }, async (request) => movements.cancel(requirePrincipal(request), request.params.id, request.body ?? {}, request.id))

  app.post('/api/movements/:id/start', {
    schema: { tags, summary: 'Start a cleared movement of your organization', params: idParams, response: { 200: movementDetailSchema } },
  }, async (request) => movements.start(requirePrincipal(request), request.params.id, request.id))

  app.post('/api/movements/:id/complete', {
    schema: { tags, summary: 'Complete an active movement of your organization', params: idParams, response: { 200: movementDetailSchema } },
  }, async (request) => movements.complete(requirePrincipal(request), request.params.id, request.id))

  app.post('/api/movements/:id/acknowledge', {
    schema: { tags, summary: 'Acknowledge a movement for your affected organization (liaison, watch officer or commander)', params: idParams, body: acknowledgeBodySchema, response: { 200: movementDetailSchema } },
  }, async (request) => movements.acknowledge(requirePrincipal(request), request.params.id, request.body ?? {}, request.id))

  app.post('/api/movements/:id/object', {
    schema: { tags, summary: 'Object to a movement for your affected organization, with a reason', params: idParams, body: objectBodySchema, response: { 200: movementDetailSchema } },
  }, async (request) => movements.object(requirePrincipal(request), request.params.id, request.body, request.id))
}
