/** HTTP routes of exports: any layer of the picture as GeoJSON, CSV or KML, streamed. */
import { requirePrincipal, type TansiqServer } from '../platform/http/http-server.ts'
import { TansiqError } from '../platform/errors.ts'
import type { LayerRegistry } from '../live/layer-source.ts'
import type { Layer } from '../live/picture-change.ts'
import { exportSerialisers } from './core/export-serialisers.ts'
import { exportParamsSchema, exportQuerySchema, exportResponseDocumentation } from './export-schemas.ts'
import { openExport } from './export-stream.ts'

/** A file-name-safe UTC timestamp, e.g. 20250314T093000Z. */
function fileTimestamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
}

/** Registers `GET /api/exports/:layer.:format`; layers are looked up per request, so any layer registered later is exportable. */
export function registerExportsRoutes(app: TansiqServer, layers: LayerRegistry): void {
  app.get('/api/exports/:layer.:format', {
    // HEAD would read the whole layer only to discard it.
    exposeHeadRoute: false,
    schema: {
      tags: ['picture'],
      summary: 'Export a layer as GeoJSON, CSV or KML (only objects released to your organization)',
      params: exportParamsSchema,
      querystring: exportQuerySchema,
      response: { 200: exportResponseDocumentation },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request)
    const { layer, format } = request.params
    const source = layers.get(layer as Layer)
    if (!source) throw new TansiqError('not-found', `No layer ${layer}; layers: ${[...layers.keys()].sort().join(', ')}`)
    const serialiser = exportSerialisers[format]
    const query = { roomId: request.query.roomId, bbox: request.query.bbox }
    const stream = await openExport(source, principal, query, serialiser, ({ count, complete, error }) => {
      const entry = { userId: principal.userId, username: principal.username, organizationId: principal.organizationId, layer, format, ...query, count, complete }
      if (error) request.log.error({ ...entry, err: error }, 'export failed')
      else request.log.info(entry, 'export')
    })
    return reply
      .type(serialiser.mediaType)
      .header('content-disposition', `attachment; filename="tansiq-${layer}-${fileTimestamp(new Date())}.${serialiser.extension}"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      // A stream bypasses serialisation; the response schema only documents what it carries.
      .send(stream as never)
  })
}
