/** HTTP routes of units, and of the symbols the map draws them with. */
import { z } from 'zod'
import { contentEtag, requirePrincipal, type TansiqServer } from '../platform/http/http-server.ts'
import { changeReleaseBodySchema } from '../releasability/release-schemas.ts'
import { sidcPattern } from './core/sidc-form.ts'
import { mapSymbolSvg } from './core/symbol-code.ts'
import { createUnitBodySchema, listUnitsQuerySchema, unitSchema, updateUnitBodySchema } from './unit-schemas.ts'
import type { UnitsService } from './units-service.ts'

const idParams = z.object({ id: z.string().uuid() }).strict()
const symbolParams = z.object({
  file: z.string().refine((file) => file.endsWith('.svg') && sidcPattern.test(file.slice(0, -'.svg'.length)), 'a symbol code (15 letters, or 20 or 30 digits) followed by .svg, e.g. SFGPUCI----K---.svg'),
}).strict()
const symbolDocumentation = {
  description: 'The symbol as SVG (milsymbol), as the room\'s map draws it: status as a simple modifier, no text; the unknown-affiliation frame for a code milsymbol cannot read.',
  content: { 'image/svg+xml': { schema: z.string() } },
}
/** Symbols drawn so far, by code: a room uses a few dozen. Bounded, in case of many odd codes. */
const symbolCacheSize = 2000

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

  // Public like the basemap: a symbol is reference drawing, it names no unit and shows no position.
  // The same code always gives the same drawing while the server runs: cached a day, then revalidated.
  const symbols = new Map<string, { svg: Buffer; etag: string }>()
  app.get('/api/unit-symbols/:file', {
    config: { access: 'public' },
    schema: { tags: ['picture'], summary: 'The map symbol of a symbol code (SIDC), as SVG', params: symbolParams, response: { 200: symbolDocumentation, 304: z.null().describe('Not modified (If-None-Match)') } },
  }, async (request, reply) => {
    const sidc = request.params.file.slice(0, -'.svg'.length)
    let symbol = symbols.get(sidc)
    if (!symbol) {
      const svg = Buffer.from(mapSymbolSvg(sidc), 'utf8')
      symbol = { svg, etag: contentEtag(svg) }
      if (symbols.size >= symbolCacheSize) symbols.clear()
      symbols.set(sidc, symbol)
    }
    reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=86400').header('etag', symbol.etag).header('x-content-type-options', 'nosniff')
    if (request.headers['if-none-match'] === symbol.etag) return reply.code(304).send(null)
    return reply.send(symbol.svg as never)
  })

  app.put('/api/units/:id/release', {
    schema: { tags: ['picture', 'releasability'], summary: 'Set to whom a unit is released (widening needs your commander)', params: idParams, body: changeReleaseBodySchema, response: { 200: unitSchema } },
  }, async (request) => units.changeRelease(requirePrincipal(request), request.params.id, request.body.release, request.id))
}
