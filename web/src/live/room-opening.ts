/**
 * A room's start, begun as soon as the address names a room and someone is signed in — before the
 * room screen's code (MapLibre: most of the app's weight) has arrived. The live
 * connection opens and the picture's snapshot streams in while that code loads, and the room's
 * record and the map's first files are fetched at the same time; the room screen then takes the
 * record and the connection over instead of starting them itself (bench/web-room.bench.ts).
 */
import { endpoints } from '../api/endpoints.ts'
import type { Layer, Room } from '../api/server-types.ts'
import { createLiveRoom, type LiveRoom } from './use-live-picture.ts'
import { prefetchMapAssets } from '../features/map/map-assets.ts'

/**
 * The live layers a room screen subscribes to: its map's picture layers and its panels draw only
 * from these (a picture layer naming another does not type-check: web/src/features/map/picture-layers.ts).
 */
export const roomLiveLayers = ['areas', 'coverage', 'places', 'coordination-lines', 'operations', 'operation-log', 'operation-results', 'movements', 'reports', 'units', 'positions'] as const satisfies readonly Layer[]
export type RoomLiveLayer = (typeof roomLiveLayers)[number]

export interface RoomOpening {
  roomId: string
  live: LiveRoom
  /** The room's record, as `endpoints.room` answers it. */
  room: Promise<Room>
}

let opening: RoomOpening | null = null

/** Starts opening a room for the signed-in user (once per room); another room's start in progress is dropped. */
export function beginRoomOpening(roomId: string): void {
  if (opening?.roomId === roomId) return
  dropRoomOpening()
  // The record first: the server answers it before it reads the picture for the socket.
  const room = endpoints.room(roomId)
  room.catch(() => {}) // the room screen shows the failure when it takes the start over
  prefetchMapAssets()
  const live = createLiveRoom()
  live.connection.subscribe({ roomId, layers: [...roomLiveLayers] })
  opening = { roomId, live, room }
}

/**
 * The start of this room, or null when none was begun (the screen starts its own). Asking has no
 * effect: a render that suspends and starts again asks again; the screen calls `roomOpeningTaken`
 * once it is on screen.
 */
export function roomOpening(roomId: string): RoomOpening | null {
  return opening?.roomId === roomId ? opening : null
}

/** The room screen owns this start from now on (it closes the connection when it goes). */
export function roomOpeningTaken(taken: RoomOpening | null): void {
  if (taken && opening === taken) opening = null
}

/** Closes a start nobody took (signed out, or gone to another screen first). */
export function dropRoomOpening(): void {
  opening?.live.connection.close()
  opening = null
}
