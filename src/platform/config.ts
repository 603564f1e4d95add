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
