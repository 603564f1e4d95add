/**
 * Joint operations rooms: their area of interest, member organizations, notice periods and
 * deconfliction buffer. A room is visible to its members; changing the members changes who sees
 * every object released to the room, which is recomputed in the same transaction.
 */
import type { Database, Queryable } from '../platform/database/database.ts'
import { actorOf, type Principal } from '../platform/auth/principal.ts'
import type { EventBus } from '../platform/event-bus.ts'
import { TansiqError } from '../platform/errors.ts'
import { assertValidGeometry } from '../platform/geometry/geometry-check.ts'
import { appendAuditEntry } from '../audit/audit-log.ts'
import type { PictureChange } from '../live/picture-change.ts'
import { refreshRoomReleases, type ReleasableType } from '../releasability/released-store.ts'
import type { CreateRoomInput, Room, UpdateRoomInput } from './room-schemas.ts'

/** Re-publishes an object after its released set changed (provided by each capability). */
export type Republisher = (type: ReleasableType, id: string, previouslyReleasedTo: readonly string[]) => Promise<void>

interface RoomRow {
  id: string
  name_en: string
  name_ar: string
  name_ckb: string
  area_of_interest: unknown
  member_organization_ids: string[]
  notice_periods: Room['noticePeriods']
  buffer_meters: number
  version: number
}

const selectRooms = `select id, name_en, name_ar, name_ckb, st_asgeojson(area_of_interest)::json as area_of_interest, member_organization_ids,
  notice_periods, buffer_meters, version from rooms`

function toRoom(row: RoomRow): Room {
  return {
    id: row.id, names: { en: row.name_en, ar: row.name_ar, ckb: row.name_ckb }, areaOfInterest: row.area_of_interest ?? null,
    memberOrganizationIds: row.member_organization_ids, noticePeriods: row.notice_periods, bufferMeters: row.buffer_meters, version: row.version,
  }
}

/** The rooms an organization is a member of (all rooms for `null`). */
export async function listRoomsOf(database: Queryable, organizationId: string | null): Promise<Room[]> {
  const rows = organizationId === null
    ? await database.query<RoomRow>(`${selectRooms} order by id`)
    : await database.query<RoomRow>(`${selectRooms} where $1 = any(member_organization_ids) order by id`, [organizationId])
  return rows.map(toRoom)
}

export type RoomsService = ReturnType<typeof createRoomsService>

/** Builds the rooms capability. */
export function createRoomsService(options: { database: Database; bus: EventBus<PictureChange>; republish: Republisher }) {
  const { database, bus } = options

  async function checkMembers(transaction: Queryable, members: readonly string[]): Promise<void> {
    const known = await transaction.query<{ id: string }>('select id from organizations where id = any($1::text[])', [members])
    const missing = members.filter((id) => !known.some((row) => row.id === id))
    if (missing.length > 0) throw new TansiqError('unprocessable', `Unknown organization(s): ${missing.join(', ')}`)
  }

  function publishRoom(room: Room): void {
    bus.publish({ layer: 'rooms', kind: 'upsert', id: room.id, releasedTo: room.memberOrganizationIds, roomIds: [room.id], bbox: null, data: room })
  }

  return {
    /** Rooms the viewer's organization belongs to; administrators see every room. */
    list: (principal: Principal) => listRoomsOf(database, principal.role === 'admin' ? null : principal.organizationId),

    /** One room the viewer may see. */
    async get(principal: Principal, id: string): Promise<Room> {
      const [row] = await database.query<RoomRow>(`${selectRooms} where id = $1`, [id])
      if (!row || (principal.role !== 'admin' && !row.member_organization_ids.includes(principal.organizationId))) throw new TansiqError('not-found', `No room ${id}`)
      return toRoom(row)
    },

    /** Creates a room (administrators). */
    async create(principal: Principal, input: CreateRoomInput, requestId: string): Promise<Room> {
      if (principal.role !== 'admin') throw new TansiqError('forbidden', 'Only administrators create rooms')
      if (input.areaOfInterest) await assertValidGeometry(database, input.areaOfInterest, 'area of interest')
      const members = [...new Set(input.memberOrganizationIds)].sort()
      await database.transaction(async (transaction) => {
        await checkMembers(transaction, members)
        if ((await transaction.query('select 1 from rooms where id = $1', [input.id])).length > 0) throw new TansiqError('already-exists', `A room ${input.id} exists`)
        await transaction.query(
          `insert into rooms (id, name_en, name_ar, name_ckb, area_of_interest, member_organization_ids, notice_periods, buffer_meters)
           values ($1, $2, $3, $4, case when $5::text is null then null else st_multi(st_setsrid(st_geomfromgeojson($5::text), 4326)) end, $6, $7::jsonb, $8)`,
          [input.id, input.names.en, input.names.ar, input.names.ckb, input.areaOfInterest ? JSON.stringify(input.areaOfInterest) : null, members, JSON.stringify(input.noticePeriods), input.bufferMeters],
        )
        await appendAuditEntry(transaction, actorOf(principal, requestId), { action: 'room.created', objectType: 'room', objectId: input.id, change: input, visibleTo: members })
      })
      const room = await this.get(principal, input.id)
      publishRoom(room)
      return room
    },

    /** Changes a room (administrators); new members see, and removed members lose, everything released to the room. */
    async update(principal: Principal, id: string, input: UpdateRoomInput, requestId: string): Promise<Room> {
      if (principal.role !== 'admin') throw new TansiqError('forbidden', 'Only administrators change rooms')
      if (input.areaOfInterest) await assertValidGeometry(database, input.areaOfInterest, 'area of interest')
      const { changed, before } = await database.transaction(async (transaction) => {
        const [row] = await transaction.query<RoomRow>(`${selectRooms} where id = $1 for update`, [id])
        if (!row) throw new TansiqError('not-found', `No room ${id}`)
        const members = input.memberOrganizationIds ? [...new Set(input.memberOrganizationIds)].sort() : row.member_organization_ids
        await checkMembers(transaction, members)
        await transaction.query(
          `update rooms set name_en = coalesce($2, name_en), name_ar = coalesce($3, name_ar), name_ckb = coalesce($4, name_ckb),
             area_of_interest = case when $5::boolean then (case when $6::text is null then null else st_multi(st_setsrid(st_geomfromgeojson($6::text), 4326)) end) else area_of_interest end,
             member_organization_ids = $7, notice_periods = coalesce($8::jsonb, notice_periods), buffer_meters = coalesce($9, buffer_meters),
             updated_at = now(), version = version + 1
           where id = $1`,
          [id, input.names?.en ?? null, input.names?.ar ?? null, input.names?.ckb ?? null, input.areaOfInterest !== undefined,
            input.areaOfInterest ? JSON.stringify(input.areaOfInterest) : null, members, input.noticePeriods ? JSON.stringify(input.noticePeriods) : null, input.bufferMeters ?? null],
        )
        const changedObjects = await refreshRoomReleases(transaction, id, members)
        await appendAuditEntry(transaction, actorOf(principal, requestId), { action: 'room.updated', objectType: 'room', objectId: id, change: input, visibleTo: [...new Set([...row.member_organization_ids, ...members])] })
        return { changed: changedObjects, before: row.member_organization_ids }
      })
      for (const object of changed) await options.republish(object.type, object.id, object.before)
      const room = await this.get({ ...principal, role: 'admin' }, id)
      bus.publish({ layer: 'rooms', kind: 'upsert', id, releasedTo: room.memberOrganizationIds, previouslyReleasedTo: before, roomIds: [id], bbox: null, data: room })
      return room
    },
  }
}
