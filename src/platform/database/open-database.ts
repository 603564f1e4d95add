/** Opens the database the configuration names and brings it to the current schema. */
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Config } from '../config.ts'
import type { Database } from './database.ts'
import { lockDataDirectory } from './data-directory-lock.ts'
import { migrate } from './migrator.ts'
import { openPgliteDatabase } from './pglite-database.ts'
import { openPostgresDatabase } from './postgres-database.ts'

/** Progress lines for the operator: the first embedded start takes tens of seconds. */
export type ProgressReporter = (message: string) => void

/** Connects to PostgreSQL when DATABASE_URL is set, else the embedded database in the data folder. */
export async function openDatabase(config: Config, report: ProgressReporter = () => {}): Promise<Database> {
  if (config.DATABASE_URL) {
    report(`Connecting to PostgreSQL at ${redact(config.DATABASE_URL)}`)
    return openPostgresDatabase({ connectionString: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE })
  }
  const directory = resolve(config.TANSIQ_DATA_DIR, 'pglite')
  const firstStart = !existsSync(directory) || readdirSync(directory).length === 0
  if (firstStart) {
    mkdirSync(directory, { recursive: true })
    report(`First start: creating the embedded database in ${directory} (PostGIS included; this takes about half a minute, once)`)
  }
  const release = lockDataDirectory(directory)
  const started = Date.now()
  try {
    const database = await openPgliteDatabase({ dataDirectory: directory })
    report(`Embedded database open (${Date.now() - started} ms)`)
    return {
      ...database,
      close: async () => {
        try {
          await database.close()
        } finally {
          release()
        }
      },
    }
  } catch (error) {
    release()
    throw error
  }
}

/** Opens the configured database and applies pending migrations, reporting each one. */
export async function openMigratedDatabase(config: Config, report: ProgressReporter = () => {}): Promise<Database> {
  const database = await openDatabase(config, report)
  try {
    const applied = await migrate(database, {
      onApply: ({ migration, index, total }) => {
        report(`Applying migration ${migration.version} ${migration.name} (${index + 1}/${total})${migration.sql.includes('create extension if not exists postgis') && database.kind === 'pglite' ? ' — creating PostGIS, the slow step' : ''}`)
      },
    })
    if (applied.length > 0) report(`Database schema up to date (${applied.length} migration${applied.length === 1 ? '' : 's'} applied)`)
  } catch (error) {
    await database.close().catch(() => {})
    throw error
  }
  return database
}

function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString)
    if (url.password) url.password = '***'
    return url.toString()
  } catch {
    return '(unparseable URL)'
  }
}
