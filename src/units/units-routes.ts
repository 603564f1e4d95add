/** HTTP routes of units, and of the symbols the map draws them with. */
import { z } from 'zod'
import { contentEtag, requirePrincipal, type TansiqServer } from '../platform/http/http-server.ts'
import { changeReleaseBodySchema } from '../releasability/release-schemas.ts'
import { sidcPattern } from './core/sidc-form.ts'
import { mapSymbolSvg } from './core/symbol-code.ts'
import { svgToPng } from './symbol-png.ts'
import { createUnitBodySchema, listUnitsQuerySchema, unitSchema, updateUnitBodySchema } from './unit-schemas.ts'
import type { UnitsService } from './units-service.ts'

const idParams = z.object({ id: z.string().uuid() }).strict()
const symbolFile = /^(?<sidc>.+)\.(?<format>svg|png)$/
/** `<code>.svg` or `<code>.png`, read once into the code and the format. */
const symbolFileSchema = z.string().transform((file, context) => {
  const parts = symbolFile.exec(file)?.groups as { sidc: string; format: 'svg' | 'png' } | undefined
  if (!parts || !sidcPattern.test(parts.sidc)) {
    context.addIssue({ code: 'custom', message: 'a symbol code (15 letters, or 20 or 30 digits) followed by .svg or .png, e.g. SFGPUCI----K---.svg' })
    return z.NEVER
  }
  return { sidc: parts.sidc, format: parts.format }
}).describe('A symbol code (SIDC) followed by .svg or .png, e.g. SFGPUCI----K---.svg')
const symbolParams = z.object({ file: symbolFileSchema }).strict()
const symbolQuery = z.object({
  scale: z.coerce.number().int().min(1).max(3).default(1).describe('PNG only: pixels per CSS px (a screen\'s device pixel ratio, 1 to 3)'),
}).strict()
const symbolDocumentation = {
  description: 'The symbol as the room\'s map draws it (milsymbol): status as a simple modifier, no text; the unknown-affiliation frame for a code milsymbol cannot read. As SVG, or as PNG at `scale` pixels per CSS px, which a browser decodes off its main thread.',
  content: { 'image/svg+xml': { schema: z.string() }, 'image/png': { schema: z.string().describe('binary') } },
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
  const symbols = new Map<string, { body: Buffer; etag: string }>()
  app.get('/api/unit-symbols/:file', {
    config: { access: 'public' },
    schema: { tags: ['picture'], summary: 'The map symbol of a symbol code (SIDC), as SVG or PNG', params: symbolParams, querystring: symbolQuery, response: { 200: symbolDocumentation, 304: z.null().describe('Not modified (If-None-Match)') } },
  }, async (request, reply) => {
    const { sidc, format } = request.params.file
    const cached = (key: string, draw: () => Buffer) => {
      let found = symbols.get(key)
      if (!found) {
        const body = draw()
        found = { body, etag: contentEtag(body) }
        if (symbols.size >= symbolCacheSize) symbols.clear()
        symbols.set(key, found)
      }
      return found
    }
    // The SVG is drawn once per code; each PNG scale is drawn from it.
    const svg = () => cached(sidc, () => Buffer.from(mapSymbolSvg(sidc), 'utf8'))
    const symbol = format === 'svg' ? svg() : cached(`${sidc}@${request.query.scale}`, () => svgToPng(svg().body.toString('utf8'), request.query.scale))
    reply.type(format === 'svg' ? 'image/svg+xml; charset=utf-8' : 'image/png').header('cache-control', 'public, max-age=86400').header('etag', symbol.etag).header('x-content-type-options', 'nosniff')
    if (request.headers['if-none-match'] === symbol.etag) return reply.code(304).send(null)
    return reply.send(symbol.body as never)
  })

  app.put('/api/units/:id/release', {
    schema: { tags: ['picture', 'releasability'], summary: 'Set to whom a unit is released (widening needs your commander)', params: idParams, body: changeReleaseBodySchema, response: { 200: unitSchema } },
  }, async (request) => units.changeRelease(requirePrincipal(request), request.params.id, request.body.release, request.id))
}
