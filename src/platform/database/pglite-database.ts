/** The embedded database: PostgreSQL compiled to WebAssembly (PGlite) with the extensions the migrations create (PostGIS, pg_trgm). */
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { postgis } from '@electric-sql/pglite-postgis'
import type { Database, Queryable } from './database.ts'

export interface PgliteOptions {
  /** Folder of the data files; undefined keeps the database in memory. */
  dataDirectory?: string
  /** A data-directory tarball (from `dumpDataDir`) to start from, e.g. a migrated template. */
  template?: Blob
}

/** Opens (creating if needed) an embedded PostgreSQL with PostGIS available. */
export async function openPgliteDatabase(options: PgliteOptions = {}): Promise<Database & { dump(): Promise<Blob> }> {
  const client = new PGlite({
    ...(options.dataDirectory ? { dataDir: options.dataDirectory } : {}),
    ...(options.template ? { loadDataDir: options.template } : {}),
    extensions: { postgis, pg_trgm },
  })
  await client.waitReady

  const run = async <Row>(target: Pick<PGlite, 'query'>, sql: string, parameters?: readonly unknown[]): Promise<Row[]> => {
    const result = await target.query<Row>(sql, parameters as unknown[] | undefined)
    return result.rows
  }

  return {
    kind: 'pglite',
    query: (sql, parameters) => run(client, sql, parameters),
    transaction: (work) =>
      client.transaction(async (transaction) => {
        const scoped: Queryable = {
          query: (sql, parameters) => run(transaction, sql, parameters),
          execute: async (script) => {
            await transaction.exec(script)
          },
        }
        return work(scoped)
      }),
    execute: async (script) => {
      await client.exec(script)
    },
    close: () => client.close(),
    dump: async () => client.dumpDataDir('none'),
  }
}
