/**
 * The composition root: opens storage, builds each capability and mounts its routes on the HTTP
 * server. Everything is passed in explicitly, so tests build the same server on either backend.
 */
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
import { createAreasService, type AreasService } from '../areas/areas-service.ts'
import { registerAreasRoutes } from '../areas/areas-routes.ts'
import { areasLayer } from '../areas/areas-layer.ts'
import { createCoordinationLinesService, type CoordinationLinesService } from '../areas/coordination-lines-service.ts'
import { registerCoordinationLinesRoutes } from '../areas/coordination-lines-routes.ts'
import { coordinationLinesLayer } from '../areas/coordination-lines-layer.ts'
import type { LayerRegistry } from '../live/layer-source.ts'
import { createLiveHub, type LiveHub } from '../live/live-hub.ts'
import { registerLiveRoutes } from '../live/live-routes.ts'
import { createTracksService, type TracksService } from '../tracks/tracks-service.ts'
import { registerTracksRoutes } from '../tracks/tracks-routes.ts'
import { positionsLayer } from '../tracks/positions-layer.ts'
import { registerExportsRoutes } from '../exports/exports-routes.ts'
import { createReportsService, type ReportsService } from '../reports/reports-service.ts'
import { registerReportsRoutes } from '../reports/reports-routes.ts'
import { reportsLayer } from '../reports/reports-layer.ts'
import { createIngestService, type IngestService } from '../ingest/ingest-service.ts'
import { registerIngestRoutes } from '../ingest/ingest-routes.ts'
import { createMovementsService, type MovementsService } from '../movements/movements-service.ts'
import { registerMovementsRoutes } from '../movements/movements-routes.ts'
import { movementsLayer } from '../movements/movements-layer.ts'
import { coverageSettingsOf, createCoverageService, type CoverageService } from '../coverage/coverage-service.ts'
import { registerCoverageRoutes } from '../coverage/coverage-routes.ts'
import { coverageLayer } from '../coverage/coverage-layer.ts'
import { createPlacesService, type PlacesService } from '../places/places-service.ts'
import { registerPlacesRoutes } from '../places/places-routes.ts'
import { placesLayer } from '../places/places-layer.ts'
import { createOperationsService, type OperationsService } from '../operations/operations-service.ts'
import { registerOperationsRoutes } from '../operations/operations-routes.ts'
import { operationLogLayer, operationsLayer } from '../operations/operations-layer.ts'
import { createOperationResultsService, type OperationResultsService } from '../operations/results/results-service.ts'
import { registerOperationResultsRoutes } from '../operations/results/results-routes.ts'
import { operationResultsLayer } from '../operations/results/results-layer.ts'
import { createPdfRenderer, type PdfRenderer } from '../platform/pdf/pdf-renderer.ts'
import { createAfterActionReportsService, type AfterActionReportsService } from '../operations/report/after-action-service.ts'
import { registerAfterActionRoutes } from '../operations/report/after-action-routes.ts'
import { registerWebClientRoutes } from '../web-client/web-client-routes.ts'
import { tansiqVersion } from '../platform/version.ts'

export interface Tansiq {
  app: TansiqServer
  database: Database
  accounts: AccountsService
  rooms: RoomsService
  units: UnitsService
  /** Position reports: batch ingestion, latest positions in memory, history, retention. */
  tracks: TracksService
  areas: AreasService
  coordinationLines: CoordinationLinesService
  /** Incident, SIGACT and intelligence reports with their attachments. */
  reports: ReportsService
  /** Statements read into incident drafts, and their review into reports. */
  ingest: IngestService
  /** Coordinated movements: notification, impact analysis, acknowledgement, reminders. */
  movements: MovementsService
  /** Gaps and overlaps of each room's joint security area, recomputed as areas change; alerts and history. */
  coverage: CoverageService
  /** The gazetteer: loaded into the places table when empty; name search in any spelling. */
  places: PlacesService
  /** Joint operations: the plan, its approval by each participant, the movements its axes notify, the live log. */
  operations: OperationsService
  /** Results of joint operations: each participant's claims side by side, figures agreed in rounds and locked. */
  operationResults: OperationResultsService
  /** After-action reports (HTML, PDF) and joint statements of operations, in Arabic, Sorani and English. */
  afterActionReports: AfterActionReportsService
  /** HTML → PDF through Chromium (started on first use). */
  pdf: PdfRenderer
  /** Committed changes of the picture, for the live hub and other listeners. */
  bus: EventBus<PictureChange>
  /** Every layer of the picture, for live snapshots and exports. */
  layers: LayerRegistry
  /** The live picture over WebSocket (GET /api/live): snapshots, deltas, resume. */
  live: LiveHub
  /** Stops the HTTP server and closes storage. */
  close(): Promise<void>
}

/** Builds a Tansiq server over `database` (or the configured one, migrated first). */
export async function buildTansiq(options: { config: Config; database?: Database; report?: ProgressReporter }): Promise<Tansiq> {
  const { config } = options
  const database = options.database ?? (await openMigratedDatabase(config, options.report))
  const accounts = createAccountsService({ database, config })
  const bus = new EventBus<PictureChange>()
  const places = createPlacesService({ database })
  await places.loadIfEmpty(options.report)
  const units = createUnitsService({ database, bus })
  const tracks = await createTracksService({ database, bus, config })
  const areas = createAreasService({ database, bus })
  const coordinationLines = createCoordinationLinesService({ database, bus })
  const reports = createReportsService({ database, bus })
  const ingest = createIngestService({ database, reports })
  const movements = createMovementsService({ database, bus, escalationMinutes: config.MOVEMENT_ESCALATION_MINUTES })
  const stopMovementChecks = config.MOVEMENT_CHECK_SECONDS > 0 ? movements.startDeadlineChecks(config.MOVEMENT_CHECK_SECONDS * 1000) : () => {}
  const coverage = createCoverageService({ database, bus, settings: coverageSettingsOf(config) })
  const operationResults = createOperationResultsService({ database, bus })
  const operations = createOperationsService({ database, bus, movements, onChanged: (id, before) => operationResults.operationChanged(id, before) })
  const pdf = createPdfRenderer({ executablePath: config.TANSIQ_CHROMIUM_PATH })
  const afterActionReports = createAfterActionReportsService({ database, pdf, timeZone: config.ROOM_TIME_ZONE })
  coverage.start()
  // Embedded database: the first coverage computation after start-up would also pay for loading
  // PostGIS's functions and compiling the geometry engine (WebAssembly); pay it here, before ready.
  if (config.COVERAGE_WARM_UP && database.kind === 'pglite') {
    await coverage.warmUp().then(
      ({ durationMs }) => options.report?.(`Geometry engine warmed up for coverage (${Math.round(durationMs)} ms)`),
      (error: unknown) => options.report?.(`Coverage warm-up failed (the first computation will be slower): ${error instanceof Error ? error.message : String(error)}`),
    )
  }
  // After a room's membership changes, each object released to it is published again.
  const republishers: Partial<Record<ReleasableType, (id: string, previouslyReleasedTo: readonly string[]) => Promise<void>>> = {
    unit: (id, previouslyReleasedTo) => units.republish(id, previouslyReleasedTo),
    area: (id, previouslyReleasedTo) => areas.republish(id, previouslyReleasedTo),
    'coordination-line': (id, previouslyReleasedTo) => coordinationLines.republish(id, previouslyReleasedTo),
    report: (id, previouslyReleasedTo) => reports.republish(id, previouslyReleasedTo),
  }
  const layers: LayerRegistry = new Map()
  layers.set('units', unitsLayer(database))
  layers.set('positions', positionsLayer(tracks))
  layers.set('areas', areasLayer(database))
  layers.set('coordination-lines', coordinationLinesLayer(database))
  layers.set('reports', reportsLayer(database))
  layers.set('movements', movementsLayer(database))
  layers.set('coverage', coverageLayer(database))
  layers.set('places', placesLayer(database))
  layers.set('operations', operationsLayer(database))
  layers.set('operation-log', operationLogLayer(database))
  layers.set('operation-results', operationResultsLayer(database))
  const rooms = createRoomsService({ database, bus, republish: async (type, id, before) => republishers[type]?.(id, before) })
  const app = await createHttpServer({ config, sessions: accounts.sessions, version: tansiqVersion })
  const live = createLiveHub({
    bus, layers, log: app.log,
    retentionEvents: config.LIVE_RETENTION_EVENTS, retentionMinutes: config.LIVE_RETENTION_MINUTES, clientQueueBytes: config.LIVE_CLIENT_QUEUE_BYTES,
  })

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
  await registerLiveRoutes(app, live, accounts.sessions)
  registerTracksRoutes(app, tracks, config)
  registerAreasRoutes(app, areas)
  registerCoordinationLinesRoutes(app, coordinationLines)
  registerReportsRoutes(app, reports)
  registerIngestRoutes(app, ingest)
  registerMovementsRoutes(app, movements)
  registerCoverageRoutes(app, coverage)
  registerPlacesRoutes(app, places)
  registerOperationsRoutes(app, operations)
  registerOperationResultsRoutes(app, operationResults)
  registerAfterActionRoutes(app, afterActionReports)
  registerExportsRoutes(app, layers)
  // The web app at / (web/dist), its basemap and configuration; never answers an unknown /api path.
  await registerWebClientRoutes(app, config, tansiqVersion)

  await app.ready()
  return {
    app,
    database,
    accounts,
    rooms,
    units,
    tracks,
    areas,
    coordinationLines,
    reports,
    ingest,
    movements,
    coverage,
    places,
    operations,
    operationResults,
    afterActionReports,
    pdf,
    bus,
    layers,
    live,
    close: async () => {
      tracks.close()
      stopMovementChecks()
      await movements.settled()
      await operationResults.settled()
      await coverage.stop()
      await app.close()
      await pdf.close()
      await database.close()
    },
  }
}
