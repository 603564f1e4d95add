/** Schemas of position reports and tracks: validation, types and the OpenAPI document. */
import { z } from 'zod'
import { maxReportsPerBatch, reportRejectionCodes } from './core/report-rules.ts'

const roomId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/)

// Ranges are checked by core/report-rules.ts (so the TAK path gets them too, and a batch can name
// the code `out-of-range`); the schema checks the shape.
const reportFields = {
  lat: z.number().describe('WGS 84 latitude in degrees, -90..90'),
  lon: z.number().describe('WGS 84 longitude in degrees, -180..180'),
  altitudeMeters: z.number().nullable().optional().describe('Height above the WGS 84 ellipsoid, metres'),
  speedMps: z.number().nullable().optional().describe('Speed over ground, metres per second, 0..2000'),
  courseDegrees: z.number().nullable().optional().describe('Course over ground, degrees from true north, 0..360'),
  reportedAt: z.iso.datetime({ offset: true }).describe('When the device took the fix (kept to the millisecond); at most 2 minutes ahead of the server, not older than the retention window'),
  source: z.string().trim().min(1).max(100).describe('What reported it, e.g. gps, tak:ANDROID-1234, simulator'),
}

/** One position report of a unit. */
export const positionReportSchema = z.object({ unitId: z.string().uuid(), ...reportFields }).strict()
export type PositionReport = z.infer<typeof positionReportSchema>

/** A report of a batch that does not match the schema: kept in place so the rest of the batch is stored. */
export interface InvalidPositionReport {
  invalidReport: string
}

/**
 * A batch item: a valid report, or the reason it is not one. The fallback is computed from the
 * validation error; OpenAPI still documents the report schema (a dynamic catch has no JSON form).
 */
const invalidReport = (context: z.core.$ZodCatchCtx): InvalidPositionReport => ({
  invalidReport: context.error.issues.map((issue) => `${issue.path.join('.') || '(report)'}: ${issue.message}`).join('; '),
})
// zod types a catch as returning the schema's own output; the cast states what it really yields.
const batchItemSchema = positionReportSchema.catch(invalidReport as unknown as () => PositionReport) as unknown as z.ZodType<PositionReport | InvalidPositionReport, z.input<typeof positionReportSchema>>

export const trackBatchBodySchema = z.object({
  reports: z.array(batchItemSchema).min(1).max(maxReportsPerBatch).describe(`Up to ${maxReportsPerBatch} reports of units of your organization`),
}).strict()

/** One report sent to a unit's own endpoint (the unit is in the path). */
export const unitPositionBodySchema = z.object(reportFields).strict()

export const ingestResultSchema = z.object({
  accepted: z.number().int().describe('Reports stored now'),
  duplicates: z.number().int().describe('Reports already stored (same unit and time): accepted again without effect'),
  rejected: z.array(z.object({ index: z.number().int(), code: z.enum(reportRejectionCodes), detail: z.string() })).describe('Refused reports, by their index in the batch'),
})
export type IngestResult = z.infer<typeof ingestResultSchema>

/** A stored position of a unit, as the API and live updates show it. */
export const trackPointSchema = z.object({
  unitId: z.string().uuid(),
  lat: z.number(),
  lon: z.number(),
  altitudeMeters: z.number().nullable(),
  speedMps: z.number().nullable(),
  courseDegrees: z.number().nullable(),
  reportedAt: z.string(),
  source: z.string(),
})
export type TrackPoint = z.infer<typeof trackPointSchema>

/** The latest position of a unit, with whose unit it is. */
export const latestPositionSchema = trackPointSchema.extend({ organizationId: z.string(), homeRoomId: z.string().nullable() })
export type LatestPosition = z.infer<typeof latestPositionSchema>

const bbox = z.string().optional().describe('west,south,east,north in degrees')

export const latestPositionsQuerySchema = z.object({
  roomId: roomId.optional().describe('Only units whose home room this is'),
  bbox,
}).strict()

const trackWindow = {
  from: z.iso.datetime({ offset: true }).optional().describe('Start of the window (inclusive); default 24 hours before `to` (or now)'),
  to: z.iso.datetime({ offset: true }).optional().describe('End of the window (inclusive); default open'),
  bbox,
}

export const unitTrackQuerySchema = z.object({
  ...trackWindow,
  limit: z.coerce.number().int().min(1).max(50_000).default(5000),
}).strict()

export const tracksQuerySchema = z.object({
  ...trackWindow,
  limit: z.coerce.number().int().min(1).max(100_000).default(20_000),
}).strict()
