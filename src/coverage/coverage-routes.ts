/** HTTP routes of coverage: a room's gaps and overlaps, their history and alerts. */
import { z } from 'zod'
import { requirePrincipal, type TansiqServer } from '../platform/http/http-server.ts'
import {
  alertParamsSchema, alertsQuerySchema, coverageAlertSchema, coverageHistorySchema, historyQuerySchema, roomCoverageSchema, roomParamsSchema,
} from './coverage-schemas.ts'
import type { CoverageService } from './coverage-service.ts'

/** Registers the coverage routes. */
export function registerCoverageRoutes(app: TansiqServer, coverage: CoverageService): void {
  app.get('/api/rooms/:roomId/coverage', {
    schema: {
      tags: ['coverage'], summary: 'Gaps and overlaps of the room\'s joint security area (members of the room)',
      params: roomParamsSchema, response: { 200: roomCoverageSchema },
    },
  }, async (request) => coverage.get(requirePrincipal(request), request.params.roomId))

  app.get('/api/rooms/:roomId/coverage/history', {
    schema: {
      tags: ['coverage'], summary: 'Total gap area of the room over time',
      params: roomParamsSchema, querystring: historyQuerySchema, response: { 200: coverageHistorySchema },
    },
  }, async (request) => coverage.history(requirePrincipal(request), request.params.roomId, request.query))

  app.get('/api/rooms/:roomId/coverage/alerts', {
    schema: {
      tags: ['coverage'], summary: 'Alerts raised by new gaps larger than the threshold, newest first',
      params: roomParamsSchema, querystring: alertsQuerySchema, response: { 200: z.array(coverageAlertSchema) },
    },
  }, async (request) => coverage.alerts(requirePrincipal(request), request.params.roomId, request.query))

  app.post('/api/rooms/:roomId/coverage/alerts/:alertId/acknowledge', {
    schema: {
      tags: ['coverage'], summary: 'Acknowledge an alert for your organization (watch officer or commander of a member)',
      params: alertParamsSchema, response: { 200: coverageAlertSchema },
    },
  }, async (request) => coverage.acknowledge(requirePrincipal(request), request.params.roomId, request.params.alertId, request.id))
}
