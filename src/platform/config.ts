/**
 * Configuration, parsed once at boot from environment variables into a typed, frozen object.
 * Every variable is declared here with its documentation and in .env.example; an invalid value
 * stops the process with a message naming the variable.
 */
import { z } from 'zod'

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1')
const positiveInteger = z.coerce.number().int().positive()

/** Environment variables Tansiq reads, with defaults. Keep in step with .env.example. */
export const environmentSchema = z.object({
  /** production | development | test. Production refuses demo data and default passwords. */
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  /** TCP port of the HTTP API, web client and live WebSocket. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Address the HTTP server binds to. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** PostgreSQL + PostGIS connection string. Unset: the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Size of the PostgreSQL connection pool (ignored by the embedded database). */
  DATABASE_POOL_SIZE: positiveInteger.max(200).default(10),
  /** Folder of the embedded database, its signing key and other local state. */
  TANSIQ_DATA_DIR: z.string().min(1).default('./data'),
  /** Password of every demo account created by demo mode. */
  TANSIQ_DEMO_PASSWORD: z.string().min(10).default('tansiq-demo'),
  /** Lifetime of a login session, in minutes. */
  SESSION_TTL_MINUTES: positiveInteger.max(60 * 24 * 30).default(12 * 60),
  /** Largest accepted request body, in bytes. */
  BODY_LIMIT_BYTES: positiveInteger.max(64 * 1024 * 1024).default(1024 * 1024),
  /** Failed logins allowed per account within LOGIN_WINDOW_MINUTES before it is throttled. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInteger.max(1000).default(5),
  /** Failed logins allowed per client address within LOGIN_WINDOW_MINUTES. */
  LOGIN_MAX_FAILURES_PER_ADDRESS: positiveInteger.max(10000).default(20),
  /** Window of the login throttle, in minutes. */
  LOGIN_WINDOW_MINUTES: positiveInteger.max(24 * 60).default(15),
  /** Log level of the JSON logs (pino). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Whether session cookies carry the Secure flag (set true behind HTTPS). */
  COOKIE_SECURE: booleanFlag.default(false),
  /** Minutes before a movement's start when an affected organization that has not answered is reminded; at half that time its commander is told. */
  MOVEMENT_ESCALATION_MINUTES: positiveInteger.max(14 * 24 * 60).default(120),
  /** Seconds between two checks of movement deadlines (reminders, escalation, expiry); 0 turns the periodic check off. */
  MOVEMENT_CHECK_SECONDS: z.coerce.number().int().min(0).max(24 * 60 * 60).default(60),
  /** Hours of track history (position reports) kept; older points are pruned every 10 minutes, latest positions stay. */
  TRACK_RETENTION_HOURS: positiveInteger.max(24 * 366 * 10).default(720),
  /** Live events kept for clients that reconnect (`resumeFrom`); older ones need a fresh snapshot. */
  LIVE_RETENTION_EVENTS: positiveInteger.max(10_000_000).default(100_000),
  /** Longest time, in minutes, a live event is kept for reconnecting clients. */
  LIVE_RETENTION_MINUTES: positiveInteger.max(24 * 60).default(15),
  /** Bytes a live client may have waiting to be sent before it is dropped to a resync snapshot. */
  LIVE_CLIENT_QUEUE_BYTES: positiveInteger.min(1024).max(1024 * 1024 * 1024).default(4 * 1024 * 1024),
  /** A new gap in a room's joint security area at least this large (km²) raises an alert. */
  COVERAGE_GAP_ALERT_KM2: z.coerce.number().finite().min(0).max(100_000).default(1),
  /** Gaps and overlaps smaller than this (km²) are slivers of digitising, not part of the coverage result. */
  COVERAGE_MIN_PART_KM2: z.coerce.number().finite().min(0).max(1000).default(0.01),
  /** An area of responsibility within this distance (metres) of a gap is named as bordering it. */
  COVERAGE_BORDER_METERS: z.coerce.number().finite().min(0).max(100_000).default(100),
  /** Seconds between two checks for validity windows of areas that opened or closed; 0 turns the periodic check off. */
  COVERAGE_CHECK_SECONDS: z.coerce.number().int().min(0).max(24 * 60 * 60).default(60),
  /** Whether start-up warms the embedded database's geometry engine (a rolled-back coverage computation of a synthetic room, ~0.5 s) before reporting ready, so the first real computation is not slowed by it. */
  COVERAGE_WARM_UP: booleanFlag.default(true),
  /** Chromium (or Chrome) executable that renders PDF documents (after-action reports); without it only HTML is offered. */
  TANSIQ_CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** Optional raster tiles under the offline basemap: an XYZ URL template with {z}, {x} and {y} (http or https). */
  TILE_URL: z.string().url().refine((url) => /^https?:/.test(url) && ['{z}', '{x}', '{y}'].every((part) => url.includes(part)), 'an http(s) URL template containing {z}, {x} and {y}').optional(),
  /** Optional local raster PMTiles file under the offline basemap (served to signed-in users); used when TILE_URL is unset. */
  TILE_PMTILES_FILE: z.string().min(1).optional(),
  /** Attribution line of the configured tiles, shown on the map. */
  TILE_ATTRIBUTION: z.string().max(500).default(''),
  /** Time zone of the room, shown beside the user's own in the web client (IANA name). */
  ROOM_TIME_ZONE: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone })
      return true
    } catch {
      return false
    }
  }, 'an IANA time zone name, e.g. Asia/Baghdad').default('Asia/Baghdad'),
})

/** The typed configuration every part of Tansiq receives. */
export type Config = Readonly<z.output<typeof environmentSchema>>

/** Raised when an environment variable is invalid; its message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parses configuration from an environment (process.env by default) into a frozen object. */
export function loadConfig(environment: Record<string, string | undefined> = process.env, overrides: Partial<Record<keyof Config, string>> = {}): Config {
  const relevant: Record<string, string> = {}
  for (const key of Object.keys(environmentSchema.shape)) {
    const value = overrides[key as keyof Config] ?? environment[key]
    if (value !== undefined && value !== '') relevant[key] = value
  }
  const parsed = environmentSchema.safeParse(relevant)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration — ${problems.join('; ')}`)
  }
  return Object.freeze(parsed.data)
}
