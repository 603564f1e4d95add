/**
 * The live protocol over WebSocket (`GET /api/live`): one zod schema per message, shared by the
 * server and the web client — the runtime check, the TypeScript types of both sides and the
 * protocol's reference at once. Limits both sides must agree on live here too.
 *
 * Client → server: one JSON message per text frame. Server → client: every text frame is a JSON
 * array of messages, in order — the hub gathers what one event-loop turn produces for a client
 * into one write.
 *
 * A session: `subscribe` → `snapshot-begin`, `snapshot`… (chunked per layer), `snapshot-end
 * {lastEventId}` → `delta`s. Or, with `resumeFrom` still inside the server's retention window of
 * the same server epoch: `resumed` → exactly the missed `delta`s → live `delta`s. A client too slow
 * to keep up gets `resync` followed by a fresh snapshot.
 */
import { z } from 'zod'
import { layers } from './picture-change.ts'

/** Limits of the live protocol. */
export const liveLimits = {
  /** Largest client message, in bytes; a larger frame closes the socket with 1009. */
  maxClientMessageBytes: 16 * 1024,
  /** Objects per `snapshot` message. */
  snapshotChunkItems: 500,
  /** Invalid client messages a connection may send before it is closed with 1008. */
  maxInvalidMessages: 10,
  /** `subscribe` messages a connection may send per minute (each one may read a snapshot). */
  maxSubscribesPerMinute: 30,
} as const

/** WebSocket close codes the server uses. */
export const liveCloseCodes = {
  /** The server is shutting down; reconnect with `resumeFrom`. */
  goingAway: 1001,
  /** Too many invalid messages, or the session expired or was revoked. */
  policyViolation: 1008,
  /** The client stayed too slow to drain even a resync; reconnect later. */
  tryAgainLater: 1013,
} as const

/** Stable codes of `error` messages. */
export const liveErrorCodes = [
  'malformed-message', // not a JSON text frame
  'invalid-message', // JSON, but not a valid client message (the detail says why)
  'rate-limited', // too many `subscribe` messages
  'snapshot-failed', // the snapshot could not be read; subscribe again
  'session-expired', // the session ended; the socket closes with 1008
] as const
export type LiveErrorCode = (typeof liveErrorCodes)[number]

const longitude = z.number().finite().min(-180).max(180)
const latitude = z.number().finite().min(-90).max(90)

/** [west, south, east, north] in degrees (WGS 84). */
export const liveBoundingBoxSchema = z.tuple([longitude, latitude, longitude, latitude])
  .refine(([west, south, east, north]) => west < east && south < north, 'bbox must be [west, south, east, north] with west < east and south < north')

export const layerSchema = z.enum(layers)

/** Where a client resumes: the server epoch and the last event id it received. */
export const resumePointSchema = z.object({
  epoch: z.string().min(1).max(64),
  eventId: z.number().int().min(0),
}).strict()
export type ResumePoint = z.infer<typeof resumePointSchema>

/** Subscribe to layers, optionally of one room and/or inside a box; replaces any earlier subscription. */
export const subscribeMessageSchema = z.object({
  type: z.literal('subscribe'),
  roomId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/).optional(),
  bbox: liveBoundingBoxSchema.optional(),
  layers: z.array(layerSchema).min(1).max(layers.length),
  resumeFrom: resumePointSchema.optional().describe('Replay what was missed instead of a snapshot, when still retained'),
}).strict()
export type SubscribeMessage = z.infer<typeof subscribeMessageSchema>

export const pingMessageSchema = z.object({ type: z.literal('ping'), nonce: z.string().max(64).optional() }).strict()

/** Every message a client may send. */
export const clientMessageSchema = z.discriminatedUnion('type', [subscribeMessageSchema, pingMessageSchema])
export type ClientMessage = z.infer<typeof clientMessageSchema>

/** A fresh snapshot starts: drop what you hold for this subscription. */
export const snapshotBeginMessageSchema = z.object({
  type: z.literal('snapshot-begin'),
  /** Counts this connection's snapshots and resumes; messages after it belong to it. */
  subscriptionEpoch: z.number().int().positive(),
  /** The server's epoch: a new one means the server restarted. */
  epoch: z.string(),
})

/** A chunk of one layer's objects, as the REST API represents them to you. */
export const snapshotMessageSchema = z.object({
  type: z.literal('snapshot'),
  layer: layerSchema,
  items: z.array(z.unknown()),
})

/** The snapshot is complete; deltas after `lastEventId` follow. */
export const snapshotEndMessageSchema = z.object({
  type: z.literal('snapshot-end'),
  subscriptionEpoch: z.number().int().positive(),
  epoch: z.string(),
  lastEventId: z.number().int().min(0),
})

/** A resume was accepted: the deltas after `fromEventId` that match follow, then live ones. */
export const resumedMessageSchema = z.object({
  type: z.literal('resumed'),
  subscriptionEpoch: z.number().int().positive(),
  epoch: z.string(),
  fromEventId: z.number().int().min(0),
  lastEventId: z.number().int().min(0),
})

/** One change of one object. `data` is null for a deletion (or when you lost sight of the object). */
export const deltaMessageSchema = z.object({
  type: z.literal('delta'),
  eventId: z.number().int().positive(),
  layer: layerSchema,
  kind: z.enum(['upsert', 'delete']),
  id: z.string(),
  data: z.unknown(),
})

/** Your copy can no longer be kept up to date incrementally; a fresh snapshot follows. */
export const resyncMessageSchema = z.object({
  type: z.literal('resync'),
  reason: z.enum(['slow-consumer']),
})

export const pongMessageSchema = z.object({ type: z.literal('pong'), nonce: z.string().optional() })

export const errorMessageSchema = z.object({
  type: z.literal('error'),
  code: z.enum(liveErrorCodes),
  detail: z.string(),
})

/** Every message the server sends. */
export const serverMessageSchema = z.discriminatedUnion('type', [
  snapshotBeginMessageSchema, snapshotMessageSchema, snapshotEndMessageSchema, resumedMessageSchema,
  deltaMessageSchema, resyncMessageSchema, pongMessageSchema, errorMessageSchema,
])
export type ServerMessage = z.infer<typeof serverMessageSchema>
export type DeltaMessage = z.infer<typeof deltaMessageSchema>

/** One server text frame: the messages of one event-loop turn, in order. */
export const serverFrameSchema = z.array(serverMessageSchema)

/** The outcome of reading a client frame: a message, or the error to answer with. */
export type ClientMessageReading = { ok: true; message: ClientMessage } | { ok: false; code: LiveErrorCode; detail: string }

/** Reads one client text frame: JSON (without prototype keys), then the client message schema. */
export function readClientMessage(text: string): ClientMessageReading {
  let value: unknown
  try {
    value = JSON.parse(text, (key, item: unknown) => (key === '__proto__' ? undefined : item))
  } catch (error) {
    return { ok: false, code: 'malformed-message', detail: `The message is not valid JSON: ${(error as Error).message}` }
  }
  const parsed = clientMessageSchema.safeParse(value)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`)
    return { ok: false, code: 'invalid-message', detail: issues.join('; ') }
  }
  return { ok: true, message: parsed.data }
}
