/** HTTP routes of coordination lines. */
import { z } from 'zod'
import { requirePrincipal, type TansiqServer } from '../platform/http/http-server.ts'
import { changeReleaseBodySchema } from '../releasability/release-schemas.ts'
import { geometryBodyLimitBytes } from './area-schemas.ts'
import { parseBboxQuery } from './areas-routes.ts'
import { coordinationLineSchema, createCoordinationLineBodySchema, listCoordinationLinesQuerySchema, updateCoordinationLineBodySchema } from './coordination-line-schemas.ts'
import type { CoordinationLinesService } from './coordination-lines-service.ts'

const idParams = z.object({ id: z.string().uuid() }).strict()

/** Registers the coordination-lines routes. */
export function registerCoordinationLinesRoutes(app: TansiqServer, lines: CoordinationLinesService): void {
  app.get('/api/coordination-lines', {
    schema: { tags: ['picture'], summary: 'Coordination lines released to your organization', querystring: listCoordinationLinesQuerySchema, response: { 200: z.array(coordinationLineSchema) } },
  }, async (request) => {
    const { roomId, activeAt, limit } = request.query
    return lines.list(requirePrincipal(request), { roomId, bbox: parseBboxQuery(request.query.bbox), activeAt: activeAt === undefined ? undefined : new Date(activeAt), limit })
  })

  app.get('/api/coordination-lines/:id', {
    schema: { tags: ['picture'], summary: 'One coordination line', params: idParams, response: { 200: coordinationLineSchema } },
  }, async (request) => lines.get(requirePrincipal(request), request.params.id))

  app.post('/api/coordination-lines', {
    bodyLimit: geometryBodyLimitBytes,
    schema: { tags: ['picture'], summary: 'Create a coordination line of your organization', body: createCoordinationLineBodySchema, response: { 201: coordinationLineSchema } },
  }, async (request, reply) => reply.code(201).send(await lines.create(requirePrincipal(request), request.body, request.id)))

  app.patch('/api/coordination-lines/:id', {
    bodyLimit: geometryBodyLimitBytes,
    schema: { tags: ['picture'], summary: 'Change a coordination line of your organization', params: idParams, body: updateCoordinationLineBodySchema, response: { 200: coordinationLineSchema } },
  }, async (request) => lines.update(requirePrincipal(request), request.params.id, request.body, request.id))

  app.delete('/api/coordination-lines/:id', {
    schema: { tags: ['picture'], summary: 'Delete a coordination line of your organization', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await lines.remove(requirePrincipal(request), request.params.id, request.id)
    return reply.code(204).send(null)
  })

  app.put('/api/coordination-lines/:id/release', {
    schema: { tags: ['picture', 'releasability'], summary: 'Set to whom a coordination line is released (widening needs your commander)', params: idParams, body: changeReleaseBodySchema, response: { 200: coordinationLineSchema } },
  }, async (request) => lines.changeRelease(requirePrincipal(request), request.params.id, request.body.release, request.id))
}
