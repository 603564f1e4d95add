/**
 * The storage contract every capability writes its SQL against. Two implementations serve it
 * with the same SQL: the embedded PGlite (with PostGIS) and a pg pool on PostgreSQL + PostGIS.
 */

/** Anything that runs a parameterised SQL statement ($1, $2…) and returns its rows. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, parameters?: readonly unknown[]): Promise<Row[]>
  /** Runs a script of several statements without parameters (migrations). */
  execute(script: string): Promise<void>
}

/** A connected database: queries, transactions and shutdown. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (transaction: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** A stored time as ISO 8601 text (pg returns a Date, PGlite a Date or text). */
export function isoTime(value: Date | string): string {
  return new Date(value).toISOString()
}
