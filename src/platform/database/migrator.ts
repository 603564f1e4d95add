/**
 * Applies the numbered SQL migrations of migrations/ (NNNN_name.sql) in order, each in its own
 * transaction, recording each in schema_migrations. The same files serve PGlite and PostgreSQL.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Database } from './database.ts'

export const migrationsDirectory = fileURLToPath(new URL('../../../migrations/', import.meta.url))

export interface Migration {
  version: number
  name: string
  sql: string
}

/** Reads the migration files in order, checking their numbers are unique. */
export function readMigrations(directory = migrationsDirectory): Migration[] {
  const migrations = readdirSync(directory)
    .filter((file) => /^\d{4}_[a-z0-9-_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 4)), name: file.slice(5, -4), sql: readFileSync(`${directory}/${file}`, 'utf8') }))
  migrations.forEach((migration, index) => {
    if (index > 0 && migration.version === migrations[index - 1]!.version) throw new Error(`Two migrations are numbered ${migration.version}`)
  })
  return migrations
}

export interface MigrationProgress {
  (event: { migration: Migration; index: number; total: number }): void
}

/** Applies every pending migration; returns the versions applied. */
export async function migrate(database: Database, options: { onApply?: MigrationProgress; migrations?: Migration[] } = {}): Promise<number[]> {
  const migrations = options.migrations ?? readMigrations()
  await database.execute(`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`)
  const applied = new Set((await database.query<{ version: number }>('select version from schema_migrations')).map((row) => row.version))
  const pending = migrations.filter((migration) => !applied.has(migration.version))
  const done: number[] = []
  for (const [index, migration] of pending.entries()) {
    options.onApply?.({ migration, index, total: pending.length })
    await database.transaction(async (transaction) => {
      // Serialises concurrent migrators on PostgreSQL (two servers starting at once).
      if (database.kind === 'postgres') await transaction.query('select pg_advisory_xact_lock(7361626)')
      const already = await transaction.query('select 1 from schema_migrations where version = $1', [migration.version])
      if (already.length > 0) return
      await transaction.execute(migration.sql)
      await transaction.query('insert into schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name])
      done.push(migration.version)
    })
  }
  return done
}

/** Whether every known migration has been applied. */
export async function isMigrated(database: Database, migrations: Migration[] = readMigrations()): Promise<boolean> {
  try {
    const applied = new Set((await database.query<{ version: number }>('select version from schema_migrations')).map((row) => row.version))
    return migrations.every((migration) => applied.has(migration.version))
  } catch {
    return false
  }
}
