/**
 * The one place where releasability meets storage. Every read of a releasable object goes through
 * `selectReleased`, which injects the filter on released_to and checks every returned row again;
 * every write of a release goes through `resolveRelease` and `applyReleaseChange`.
 */
import type { Queryable } from '../platform/database/database.ts'
import { TansiqError } from '../platform/errors.ts'
import type { Principal } from '../platform/auth/principal.ts'
import { decideReleaseChange, effectiveReleasedTo } from './core/release-rules.ts'
import type { Release, ReleaseView } from './release-schemas.ts'

/** Whoever reads: only their organization matters to releasability. */
export interface Viewer {
  organizationId: string
}

/** Tables whose rows are releasable, by object type. Every one has the same release columns. */
export const releasableTables = {
  unit: 'units',
  area: 'areas',
  'coordination-line': 'coordination_lines',
  report: 'reports',
} as const
export type ReleasableType = keyof typeof releasableTables

/** The columns every releasable row has. */
export interface ReleaseColumns {
  organization_id: string
  release_scope: Release['scope']
  release_organization_ids: string[]
  release_room_id: string | null
  released_to: string[]
}

const filterToken = /\{released:([a-z_][a-z0-9_]*)\}/g

/**
 * Runs a read of releasable rows for a viewer. The SQL marks each releasable table alias with
 * `{released:alias}`, which becomes `alias.released_to @> array[$viewer]`; a query without the
 * mark is refused, and a returned row not released to the viewer is dropped and reported.
 */
export async function selectReleased<Row extends { released_to: string[] }>(database: Queryable, viewer: Viewer, sql: string, parameters: readonly unknown[] = []): Promise<Row[]> {
  if (!filterToken.test(sql)) throw new Error('A read of releasable objects must contain a {released:alias} filter')
  filterToken.lastIndex = 0
  const index = parameters.length + 1
  const text = sql.replace(filterToken, (_match, alias: string) => `${alias}.released_to @> array[$${index}::text]`)
  const rows = await database.query<Row>(text, [...parameters, viewer.organizationId])
  const released = rows.filter((row) => Array.isArray(row.released_to) && row.released_to.includes(viewer.organizationId))
  if (released.length !== rows.length) console.error(`releasability: a query returned ${rows.length - released.length} row(s) not released to ${viewer.organizationId}; dropped`)
  return released
}

/** Checks a requested release against storage (organizations and room exist) and computes its effective set. */
export async function resolveRelease(database: Queryable, originator: string, release: Release): Promise<Pick<ReleaseColumns, 'release_scope' | 'release_organization_ids' | 'release_room_id' | 'released_to'>> {
  let roomMembers: string[] = []
  if (release.scope === 'organizations') {
    const known = await database.query<{ id: string }>('select id from organizations where id = any($1::text[])', [release.organizationIds])
    const missing = release.organizationIds.filter((id) => !known.some((row) => row.id === id))
    if (missing.length > 0) throw new TansiqError('unprocessable', `Unknown organization(s) in the release: ${missing.join(', ')}`)
  }
  if (release.scope === 'room') {
    const [room] = await database.query<{ member_organization_ids: string[] }>('select member_organization_ids from rooms where id = $1', [release.roomId])
    if (!room) throw new TansiqError('unprocessable', `Unknown room ${release.roomId} in the release`)
    roomMembers = room.member_organization_ids
  }
  return {
    release_scope: release.scope,
    release_organization_ids: release.scope === 'organizations' ? [...new Set(release.organizationIds)].sort() : [],
    release_room_id: release.scope === 'room' ? release.roomId : null,
    released_to: effectiveReleasedTo(originator, release, roomMembers),
  }
}

/** The release as a reader sees it: details for the originator, the scope alone for others. */
export function releaseView(row: ReleaseColumns, viewer: Viewer): ReleaseView {
  if (row.organization_id !== viewer.organizationId) return { scope: row.release_scope }
  return { scope: row.release_scope, organizationIds: row.release_organization_ids, roomId: row.release_room_id, releasedTo: row.released_to }
}

/** The release stored in a row, as the API's Release. */
export function releaseOf(row: ReleaseColumns): Release {
  if (row.release_scope === 'organizations') return { scope: 'organizations', organizationIds: row.release_organization_ids }
  if (row.release_scope === 'room' && row.release_room_id) return { scope: 'room', roomId: row.release_room_id }
  return { scope: 'originator' }
}

/**
 * Changes the release of one object inside a transaction, after checking who may do it
 * (widening needs the originator's commander). Returns the released sets before and after.
 */
export async function applyReleaseChange(transaction: Queryable, type: ReleasableType, id: string, release: Release, actor: Principal): Promise<{ before: string[]; after: string[] }> {
  const table = releasableTables[type]
  const [row] = await transaction.query<ReleaseColumns>(`select organization_id, released_to from ${table} where id = $1 for update`, [id])
  if (!row || !row.released_to.includes(actor.organizationId)) throw new TansiqError('not-found', `No ${type} ${id}`)
  const next = await resolveRelease(transaction, row.organization_id, release)
  const decision = decideReleaseChange(actor, row.organization_id, row.released_to, next.released_to)
  if (!decision.allowed) throw new TansiqError('forbidden', decision.reason)
  await transaction.query(
    `update ${table} set release_scope = $2, release_organization_ids = $3, release_room_id = $4, released_to = $5, updated_at = now(), version = version + 1 where id = $1`,
    [id, next.release_scope, next.release_organization_ids, next.release_room_id, next.released_to],
  )
  return { before: row.released_to, after: next.released_to }
}

/** Recomputes released_to of every object released to a room after its membership changed; returns what changed. */
export async function refreshRoomReleases(transaction: Queryable, roomId: string, members: readonly string[]): Promise<Array<{ type: ReleasableType; id: string; before: string[]; after: string[] }>> {
  const changed: Array<{ type: ReleasableType; id: string; before: string[]; after: string[] }> = []
  for (const [type, table] of Object.entries(releasableTables) as Array<[ReleasableType, string]>) {
    const rows = await transaction.query<{ id: string; organization_id: string; released_to: string[] }>(
      `select id::text as id, organization_id, released_to from ${table} where release_scope = 'room' and release_room_id = $1 for update`, [roomId],
    )
    for (const row of rows) {
      const after = effectiveReleasedTo(row.organization_id, { scope: 'room', roomId }, members)
      if (after.join() === [...row.released_to].sort().join()) continue
      await transaction.query(`update ${table} set released_to = $2, updated_at = now(), version = version + 1 where id = $1`, [row.id, after])
      changed.push({ type, id: row.id, before: row.released_to, after })
    }
  }
  return changed
}
