/** HTTP routes of the audit log: entries visible to the caller's organization, and chain verification. */
import { z } from 'zod'
import { requirePrincipal, requireRole, type TansiqServer } from '../platform/http/http-server.ts'
import type { Database } from '../platform/database/database.ts'
import { listAuditEntries, verifyAuditLog } from './audit-log.ts'

const auditEntrySchema = z.object({
  sequence: z.number().int(),
  at: z.string(),
  actorUsername: z.string(),
  actorOrganizationId: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  requestId: z.string().nullable(),
  changeDigest: z.string(),
  hash: z.string(),
  previousHash: z.string(),
})

/** Registers the audit routes. */
export function registerAuditRoutes(app: TansiqServer, database: Database): void {
  app.get('/api/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Audit entries visible to your organization, newest first',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), before: z.coerce.number().int().positive().optional() }).strict(),
      response: { 200: z.array(auditEntrySchema) },
    },
  }, async (request) => {
    const principal = requirePrincipal(request)
    const entries = await listAuditEntries(database, { organizationId: principal.organizationId, limit: request.query.limit, before: request.query.before })
    return entries.map(({ change: _change, visibleTo: _visibleTo, actorUserId: _actorUserId, ...entry }) => entry)
  })

  app.get('/api/audit/verify', {
    schema: {
      tags: ['audit'],
      summary: 'Recompute the hash chain (admin, commander)',
      response: { 200: z.object({ ok: z.boolean(), count: z.number().int(), headHash: z.string().optional(), firstBrokenSequence: z.number().int().optional(), message: z.string().optional() }) },
    },
  }, async (request) => {
    requireRole(request, ['admin', 'commander'])
    const result = await verifyAuditLog(database)
    return result.ok
      ? { ok: true, count: result.count, headHash: result.headHash }
      : { ok: false, count: result.count, firstBrokenSequence: result.firstBreak.sequence, message: result.firstBreak.message }
  })
}
