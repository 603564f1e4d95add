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

/**
 * The extensions the migrations create, created ahead by an administrator connection on PostgreSQL:
 * they are per database, not per test schema, and tests starting at once would race to create them.
 */
const databaseExtensions = ['postgis', 'pg_trgm'] as const

async function createExtensions(client: pg.Client): Promise<void> {
  for (const extension of databaseExtensions) await client.query(`create extension if not exists ${extension}`)
}

const cacheDirectory = fileURLToPath(new URL('../../../.cache/', import.meta.url))

/** The backends storage tests run on: always PGlite, and PostgreSQL when DATABASE_URL is set. */
export function storageBackends(): StorageBackend[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
}

/**
 * Data every test database starts with beyond the schema (e.g. the gazetteer), applied once to
 * the embedded template instead of once per test. `id` names its content: change it when it changes.
 */
export interface TemplateSeed {
  id: string
  apply(database: Database): Promise<void>
}

function templatePath(seed?: TemplateSeed): string {
  const migrations = readMigrations()
  const key = createHash('sha256').update(JSON.stringify([migrations.map((m) => [m.version, m.sql]), seed?.id ?? null])).digest('hex').slice(0, 16)
  return join(cacheDirectory, `pglite-template-${key}.tar`)
}

/** Builds the migrated (and seeded) embedded-database template if this run has none yet; returns its path. */
export async function prepareTemplate(seed?: TemplateSeed): Promise<string> {
  const path = templatePath(seed)
  if (existsSync(path)) return path
  mkdirSync(cacheDirectory, { recursive: true })
  const database = seed ? await openPgliteDatabase({ template: new Blob([readFileSync(await prepareTemplate())]) }) : await openPgliteDatabase()
  await migrate(database)
  if (seed) await seed.apply(database)
  const dump = await database.dump()
  await database.close()
  const partial = `${path}.${process.pid}.partial`
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
  renameSync(partial, path)
  return path
}

/** A fresh, migrated database on the given backend, empty but for the seed; close() discards it. */
export async function openTestDatabase(backend: StorageBackend, seed?: TemplateSeed): Promise<Database> {
  if (backend === 'pglite') {
    const template = new Blob([readFileSync(await prepareTemplate(seed))])
    return openPgliteDatabase({ template })
  }
  const connectionString = process.env.DATABASE_URL
  if (!connectionString) throw new Error('DATABASE_URL is required for PostgreSQL tests')
  const schema = `test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString })
  await admin.connect()
  try {
    await createExtensions(admin)
    await admin.query(`create schema ${quoteIdentifier(schema)}`)
  } finally {
    await admin.end()
  }
  const database = await openPostgresDatabase({ connectionString, schema, poolSize: 4 })
  await migrate(database)
  if (seed) await seed.apply(database)
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

/**
 * A new PostgreSQL database (with PostGIS) on the server DATABASE_URL names, for a test server
 * process or a benchmark that needs a whole database of its own; drop() removes it.
 */
export async function createScratchPostgresDatabase(prefix: string): Promise<{ connectionString: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL
  if (!base) throw new Error('DATABASE_URL is required for a PostgreSQL scratch database')
  const name = `${prefix}_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`create database ${quoteIdentifier(name)}`).finally(() => admin.end())
  const url = new URL(base)
  url.pathname = `/${name}`
  const setup = new pg.Client({ connectionString: url.toString() })
  await setup.connect()
  await createExtensions(setup).finally(() => setup.end())
  return {
    connectionString: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: base })
      await cleanup.connect()
      await cleanup.query(`drop database if exists ${quoteIdentifier(name)} with (force)`).finally(() => cleanup.end())
    },
  }
}
