/**
 * The composition root: opens storage, builds each capability and mounts its routes on the HTTP
 * server. Everything is passed in explicitly, so tests build the same server on either backend.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Config } from '../platform/config.ts'
import type { Database } from '../platform/database/database.ts'
import { isMigrated } from '../platform/database/migrator.ts'
import { openMigratedDatabase, type ProgressReporter } from '../platform/database/open-database.ts'
import { createHttpServer, sendProblem, type TansiqServer } from '../platform/http/http-server.ts'
import { createAccountsService, type AccountsService } from '../accounts/accounts-service.ts'
import { registerAccountsRoutes } from '../accounts/accounts-routes.ts'
import { registerAuditRoutes } from '../audit/audit-routes.ts'
import { EventBus } from '../platform/event-bus.ts'
import type { PictureChange } from '../live/picture-change.ts'
import type { ReleasableType } from '../releasability/released-store.ts'
import { createRoomsService, type RoomsService } from '../rooms/rooms-service.ts'
import { registerRoomsRoutes } from '../rooms/rooms-routes.ts'
import { createUnitsService, type UnitsService } from '../units/units-service.ts'
import { registerUnitsRoutes } from '../units/units-routes.ts'
import { unitsLayer } from '../units/units-layer.ts'
import type { LayerRegistry } from '../live/layer-source.ts'

export const tansiqVersion: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version

export interface Tansiq {
  app: TansiqServer
  database: Database
  accounts: AccountsService
  rooms: RoomsService
  units: UnitsService
  /** Committed changes of the picture, for the live hub and other listeners. */
  bus: EventBus<PictureChange>
  /** Every layer of the picture, for live snapshots and exports. */
  layers: LayerRegistry
  /** Stops the HTTP server and closes storage. */
  close(): Promise<void>
}

/** Builds a Tansiq server over `database` (or the configured one, migrated first). */
export async function buildTansiq(options: { config: Config; database?: Database; report?: ProgressReporter }): Promise<Tansiq> {
  const { config } = options
  const database = options.database ?? (await openMigratedDatabase(config, options.report))
  const accounts = createAccountsService({ database, config })
  const bus = new EventBus<PictureChange>()
  const units = createUnitsService({ database, bus })
  // After a room's membership changes, each object released to it is published again.
  const republishers: Partial<Record<ReleasableType, (id: string, previouslyReleasedTo: readonly string[]) => Promise<void>>> = {
    unit: (id, previouslyReleasedTo) => units.republish(id, previouslyReleasedTo),
  }
  const layers: LayerRegistry = new Map()
  layers.set('units', unitsLayer(database))
  const rooms = createRoomsService({ database, bus, republish: async (type, id, before) => republishers[type]?.(id, before) })
  const app = await createHttpServer({ config, sessions: accounts.sessions, version: tansiqVersion })

  let migrated = false
  app.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['platform'], summary: 'Ready once the database is migrated', response: { 200: z.object({ status: z.literal('ok'), version: z.string(), storage: z.enum(['pglite', 'postgres']) }) } },
  }, async (request, reply) => {
    migrated ||= await isMigrated(database)
    if (!migrated) return sendProblem(reply, request, 'not-ready', 'The database schema is not migrated yet')
    return { status: 'ok' as const, version: tansiqVersion, storage: database.kind }
  })

  registerAccountsRoutes(app, accounts, config)
  registerAuditRoutes(app, database)
  registerRoomsRoutes(app, rooms)
  registerUnitsRoutes(app, units)

  await app.ready()
  return {
    app,
    database,
    accounts,
    rooms,
    units,
    bus,
    layers,
    close: async () => {
      await app.close()
      await database.close()
    },
  }
}
