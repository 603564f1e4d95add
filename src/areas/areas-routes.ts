/** HTTP routes of areas of responsibility and joint security areas. */
import { z } from 'zod'
import { requirePrincipal, type TansiqServer } from '../platform/http/http-server.ts'
import { TansiqError } from '../platform/errors.ts'
import { bboxQuerySchema, type BoundingBox } from '../platform/geometry/geojson.ts'
import { changeReleaseBodySchema } from '../releasability/release-schemas.ts'
import { areaSchema, createAreaBodySchema, geometryBodyLimitBytes, listAreasQuerySchema, updateAreaBodySchema } from './area-schemas.ts'
import type { AreasService } from './areas-service.ts'

const idParams = z.object({ id: z.string().uuid() }).strict()

/** Parses the "w,s,e,n" bbox of a query string, answering validation-failed with the rule when it is wrong. */
export function parseBboxQuery(text: string | undefined): BoundingBox | undefined {
  if (text === undefined) return undefined
  const parsed = bboxQuerySchema.safeParse(text)
  if (!parsed.success) throw new TansiqError('validation-failed', `querystring/bbox: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`)
  return parsed.data
}

/** Registers the areas routes. */
export function registerAreasRoutes(app: TansiqServer, areas: AreasService): void {
  app.get('/api/areas', {
    schema: { tags: ['picture'], summary: 'Areas of responsibility and joint security areas released to your organization', querystring: listAreasQuerySchema, response: { 200: z.array(areaSchema) } },
  }, async (request) => {
    const { roomId, kind, activeAt, limit } = request.query
    return areas.list(requirePrincipal(request), { roomId, kind, bbox: parseBboxQuery(request.query.bbox), activeAt: activeAt === undefined ? undefined : new Date(activeAt), limit })
  })

  app.get('/api/areas/:id', {
    schema: { tags: ['picture'], summary: 'One area', params: idParams, response: { 200: areaSchema } },
  }, async (request) => areas.get(requirePrincipal(request), request.params.id))

  app.post('/api/areas', {
    bodyLimit: geometryBodyLimitBytes,
    schema: { tags: ['picture'], summary: 'Create an area of your organization', body: createAreaBodySchema, response: { 201: areaSchema } },
  }, async (request, reply) => reply.code(201).send(await areas.create(requirePrincipal(request), request.body, request.id)))

  app.patch('/api/areas/:id', {
    bodyLimit: geometryBodyLimitBytes,
    schema: { tags: ['picture'], summary: 'Change an area of your organization', params: idParams, body: updateAreaBodySchema, response: { 200: areaSchema } },
  }, async (request) => areas.update(requirePrincipal(request), request.params.id, request.body, request.id))

  app.delete('/api/areas/:id', {
    schema: { tags: ['picture'], summary: 'Delete an area of your organization', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await areas.remove(requirePrincipal(request), request.params.id, request.id)
    return reply.code(204).send(null)
  })

  app.put('/api/areas/:id/release', {
    schema: { tags: ['picture', 'releasability'], summary: 'Set to whom an area is released (widening needs your commander)', params: idParams, body: changeReleaseBodySchema, response: { 200: areaSchema } },
  }, async (request) => areas.changeRelease(requirePrincipal(request), request.params.id, request.body.release, request.id))
}
