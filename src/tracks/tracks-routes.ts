/** HTTP routes of tracks: batch and single position reports, latest positions, history. */
import { z } from 'zod'
import { actorOf, pictureEditorRoles } from '../platform/auth/principal.ts'
import type { Config } from '../platform/config.ts'
import { requirePrincipal, requireRole, type TansiqServer } from '../platform/http/http-server.ts'
import { TansiqError } from '../platform/errors.ts'
import { bboxQuerySchema, type BoundingBox } from '../platform/geometry/geojson.ts'
import { maxReportsPerBatch } from './core/report-rules.ts'
import {
  ingestResultSchema, latestPositionSchema, latestPositionsQuerySchema, trackBatchBodySchema, trackPointSchema, tracksQuerySchema,
  unitPositionBodySchema, unitTrackQuerySchema,
} from './track-schemas.ts'
import type { TracksService } from './tracks-service.ts'

const idParams = z.object({ id: z.string().uuid() }).strict()

/** Body limit of the batch route: room for a full batch even pretty-printed (about 800 bytes a report). */
export const trackBatchBodyLimitBytes = maxReportsPerBatch * 800

function optionalBbox(text: string | undefined): BoundingBox | undefined {
  if (text === undefined) return undefined
  const parsed = bboxQuerySchema.safeParse(text)
  if (!parsed.success) throw new TansiqError('validation-failed', `querystring/bbox: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
  return parsed.data
}
const optionalDate = (text: string | undefined) => (text === undefined ? undefined : new Date(text))

/** Registers the tracks routes. */
export function registerTracksRoutes(app: TansiqServer, tracks: TracksService, config: Pick<Config, 'BODY_LIMIT_BYTES'>): void {
  app.post('/api/tracks/batch', {
    bodyLimit: Math.max(config.BODY_LIMIT_BYTES, trackBatchBodyLimitBytes),
    schema: {
      tags: ['picture', 'tracks'],
      summary: 'Report positions of units of your organization, in a batch',
      description: 'Each report is checked on its own: refused ones are listed by index with a code (invalid-report, out-of-range, in-the-future, older-than-retention, unknown-unit, not-own-unit) and the others are stored. A report of the same unit and time as a stored one is a duplicate and changes nothing. Roles that cannot edit the picture are refused the whole batch (403).',
      body: trackBatchBodySchema,
      response: { 200: ingestResultSchema },
    },
  }, async (request) => {
    const principal = requireRole(request, pictureEditorRoles)
    return tracks.ingest({ organizationId: principal.organizationId, actor: actorOf(principal, request.id) }, request.body.reports)
  })

  app.post('/api/units/:id/positions', {
    schema: {
      tags: ['picture', 'tracks'],
      summary: 'Report one position of a unit of your organization',
      description: 'A refused report answers 404 (unit unknown to you), 403 (another organization\'s unit) or 422 (out of range, in the future, older than the retention window).',
      params: idParams,
      body: unitPositionBodySchema,
      response: { 200: ingestResultSchema },
    },
  }, async (request) => {
    const principal = requireRole(request, pictureEditorRoles)
    return tracks.ingestOne({ organizationId: principal.organizationId, actor: actorOf(principal, request.id) }, { unitId: request.params.id, ...request.body })
  })

  app.get('/api/tracks/latest', {
    schema: { tags: ['picture', 'tracks'], summary: 'The latest position of each unit released to your organization', querystring: latestPositionsQuerySchema, response: { 200: z.array(latestPositionSchema) } },
  }, async (request) => tracks.latest(requirePrincipal(request), { roomId: request.query.roomId, bbox: optionalBbox(request.query.bbox) }))

  app.get('/api/units/:id/track', {
    schema: { tags: ['picture', 'tracks'], summary: 'The track of a unit in a time window, in time order', params: idParams, querystring: unitTrackQuerySchema, response: { 200: z.array(trackPointSchema) } },
  }, async (request) => tracks.unitTrack(requirePrincipal(request), request.params.id, {
    from: optionalDate(request.query.from), to: optionalDate(request.query.to), bbox: optionalBbox(request.query.bbox), limit: request.query.limit,
  }))

  app.get('/api/tracks', {
    schema: { tags: ['picture', 'tracks'], summary: 'Tracks of every unit released to your organization in a time window, in time order', querystring: tracksQuerySchema, response: { 200: z.array(trackPointSchema) } },
  }, async (request) => tracks.tracks(requirePrincipal(request), {
    from: optionalDate(request.query.from), to: optionalDate(request.query.to), bbox: optionalBbox(request.query.bbox), limit: request.query.limit,
  }))
}
