/** PostgreSQL + PostGIS through a pg connection pool. */
import pg from 'pg'
import type { Database, Queryable } from './database.ts'

// int8 (counts, sums) as numbers, the way PGlite returns them, so query code is backend-agnostic.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value))

export interface PostgresOptions {
  connectionString: string
  poolSize?: number
  /** Schema to work in (first on the search_path); tests isolate themselves this way. */
  schema?: string
}

/** Connects a pool to PostgreSQL; every connection gets the same search_path. */
export async function openPostgresDatabase(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)},public` } : {}),
  })
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  await pool.query('select 1')

  const query = async <Row>(target: pg.Pool | pg.PoolClient, sql: string, parameters?: readonly unknown[]): Promise<Row[]> => {
    const result = await target.query(sql, parameters as unknown[] | undefined)
    return result.rows as Row[]
  }

  return {
    kind: 'postgres',
    query: (sql, parameters) => query(pool, sql, parameters),
    transaction: async (work) => {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const scoped: Queryable = {
          query: (sql, parameters) => query(client, sql, parameters),
          execute: async (script) => {
            await client.query(script)
          },
        }
        const result = await work(scoped)
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    },
    execute: async (script) => {
      await pool.query(script)
    },
    close: () => pool.end(),
  }
}

/** Quotes an SQL identifier (schema names in tests and the search_path). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
