/**
 * Databases for tests, on both backends, without paying PostGIS creation per test: the embedded
 * backend loads a migrated template data directory prepared once per run (keyed by the
 * migrations' content), and PostgreSQL isolates each test database in a fresh schema.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import type { Database } from './database.ts'
import { migrate, readMigrations } from './migrator.ts'
import { openPgliteDatabase } from './pglite-database.ts'
import { openPostgresDatabase, quoteIdentifier } from './postgres-database.ts'

export type StorageBackend = 'pglite' | 'postgres'

const cacheDirectory = fileURLToPath(new URL('../../../.cache/', import.meta.url))

/** The backends storage tests run on: always PGlite, and PostgreSQL when DATABASE_URL is set. */
export function storageBackends(): StorageBackend[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
}

function templatePath(): string {
  const migrations = readMigrations()
  const key = createHash('sha256').update(JSON.stringify(migrations.map((m) => [m.version, m.sql]))).digest('hex').slice(0, 16)
  return join(cacheDirectory, `pglite-template-${key}.tar`)
}

/** Builds the migrated embedded-database template if this run has none yet; returns its path. */
export async function prepareTemplate(): Promise<string> {
  const path = templatePath()
  if (existsSync(path)) return path
  mkdirSync(cacheDirectory, { recursive: true })
  const database = await openPgliteDatabase()
  await migrate(database)
  const dump = await database.dump()
  await database.close()
  const partial = `${path}.${process.pid}.partial`
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
  renameSync(partial, path)
  return path
}

/** A fresh, migrated, empty database on the given backend; close() discards it. */
export async function openTestDatabase(backend: StorageBackend): Promise<Database> {
  if (backend === 'pglite') {
    const template = new Blob([readFileSync(await prepareTemplate())])
    return openPgliteDatabase({ template })
  }
  const connectionString = process.env.DATABASE_URL
  if (!connectionString) throw new Error('DATABASE_URL is required for PostgreSQL tests')
  const schema = `test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString })
  await admin.connect()
  try {
    await admin.query('create extension if not exists postgis')
    await admin.query(`create schema ${quoteIdentifier(schema)}`)
  } finally {
    await admin.end()
  }
  const database = await openPostgresDatabase({ connectionString, schema, poolSize: 4 })
  await migrate(database)
  return {
    ...database,
    close: async () => {
      await database.close()
      const cleanup = new pg.Client({ connectionString })
      await cleanup.connect()
      await cleanup.query(`drop schema ${quoteIdentifier(schema)} cascade`).finally(() => cleanup.end())
    },
  }
}
