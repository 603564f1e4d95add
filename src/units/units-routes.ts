/** HTTP routes of units. */
import { z } from 'zod'
import { requirePrincipal, type TansiqServer } from '../platform/http/http-server.ts'
import { changeReleaseBodySchema } from '../releasability/release-schemas.ts'
import { createUnitBodySchema, listUnitsQuerySchema, unitSchema, updateUnitBodySchema } from './unit-schemas.ts'
import type { UnitsService } from './units-service.ts'

const idParams = z.object({ id: z.string().uuid() }).strict()

/** Registers the units routes. */
export function registerUnitsRoutes(app: TansiqServer, units: UnitsService): void {
  app.get('/api/units', {
    schema: { tags: ['picture'], summary: 'Units released to your organization', querystring: listUnitsQuerySchema, response: { 200: z.array(unitSchema) } },
  }, async (request) => units.list(requirePrincipal(request), request.query))

  app.get('/api/units/:id', {
    schema: { tags: ['picture'], summary: 'One unit', params: idParams, response: { 200: unitSchema } },
  }, async (request) => units.get(requirePrincipal(request), request.params.id))

  app.post('/api/units', {
    schema: { tags: ['picture'], summary: 'Create a unit of your organization', body: createUnitBodySchema, response: { 201: unitSchema } },
  }, async (request, reply) => reply.code(201).send(await units.create(requirePrincipal(request), request.body, request.id)))

  app.patch('/api/units/:id', {
    schema: { tags: ['picture'], summary: 'Change a unit of your organization', params: idParams, body: updateUnitBodySchema, response: { 200: unitSchema } },
  }, async (request) => units.update(requirePrincipal(request), request.params.id, request.body, request.id))

  app.delete('/api/units/:id', {
    schema: { tags: ['picture'], summary: 'Delete a unit of your organization', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await units.remove(requirePrincipal(request), request.params.id, request.id)
    return reply.code(204).send(null)
  })

  app.put('/api/units/:id/release', {
    schema: { tags: ['picture', 'releasability'], summary: 'Set to whom a unit is released (widening needs your commander)', params: idParams, body: changeReleaseBodySchema, response: { 200: unitSchema } },
  }, async (request) => units.changeRelease(requirePrincipal(request), request.params.id, request.body.release, request.id))
}
