/**
 * The live hub: turns committed picture changes from the bus into WebSocket messages for each
 * subscriber, filtered by releasability, room and bounding box.
 *
 * - Each change is numbered (per server process, under a random server epoch), kept in a ring for
 *   clients that resume, and serialised at most once per view (the originator's, everyone else's,
 *   the removal) — never once per client.
 * - What one event-loop turn produces for a client goes out as one frame (a JSON array), so the
 *   cost per client is one write per turn rather than one per message.
 * - A client whose unsent bytes exceed the queue limit is dropped to `lagging`: its queue is
 *   discarded and, once its socket has drained, it gets `resync` and a fresh snapshot. The others
 *   never wait for it; one that does not drain within the lag timeout is disconnected.
 */
import { randomUUID } from 'node:crypto'
import { WebSocket, type RawData } from 'ws'
import type { EventBus } from '../platform/event-bus.ts'
import type { Viewer } from '../releasability/released-store.ts'
import type { LayerRegistry } from './layer-source.ts'
import type { PictureChange } from './picture-change.ts'
import { EventRing } from './core/event-ring.ts'
import { concernedOrganizations, routeChange, type Extent, type LiveSubscription } from './core/subscription-match.ts'
import { liveCloseCodes, liveLimits, readClientMessage, type LiveErrorCode, type ServerMessage, type SubscribeMessage } from './live-messages.ts'

/** Where the hub writes what happened to connections (Fastify's pino logger fits). */
export interface LiveLogger {
  info(details: object, message: string): void
  warn(details: object, message: string): void
  error(details: object, message: string): void
}

export interface LiveHubOptions {
  bus: EventBus<PictureChange>
  layers: LayerRegistry
  /** Events kept for resuming clients, by count and by age. */
  retentionEvents: number
  retentionMinutes: number
  /** Unsent bytes a client may accumulate before it is dropped to a resync. */
  clientQueueBytes: number
  /** How long a lagging client may take to drain before it is disconnected. */
  lagTimeoutMs?: number
  /** Interval of WebSocket pings; a client that missed the previous one is disconnected. */
  heartbeatMs?: number
  /** Interval at which each connection's session is checked again (logout or expiry ends the feed). */
  sessionCheckMs?: number
  log?: LiveLogger
  clock?: () => number
}

/** Who is connected: the organization decides what they receive. */
export interface LiveViewer extends Viewer {
  username: string
}

interface Encoded {
  text: string
  bytes: number
}

/** A numbered change as the ring keeps it, with its serialisations made on first use. */
interface LiveEvent {
  eventId: number
  change: PictureChange
  /** Where the object was before this change, as last seen by the hub. */
  previous: Extent | undefined
  sharedView?: Encoded
  originatorView?: Encoded
  removal?: Encoded
}

type ClientState = 'idle' | 'snapshot' | 'live' | 'lagging'

class LiveClient {
  subscription: LiveSubscription | null = null
  state: ClientState = 'idle'
  /** Counts snapshots and resumes; a running snapshot stops when it changes. */
  subscriptionEpoch = 0
  /** Messages of the current event-loop turn, written as one frame at its end. */
  pending: string[] = []
  pendingBytes = 0
  /** Deltas that arrived during a snapshot, sent after it. */
  held: Encoded[] = []
  heldBytes = 0
  invalidMessages = 0
  subscribeTimes: number[] = []
  alive = true
  closed = false
  lagSince = 0
  roomWaiter: { threshold: number; since: number; resolve: (ok: boolean) => void } | null = null

  constructor(readonly socket: WebSocket, readonly viewer: LiveViewer, readonly stillValid: () => Promise<boolean>) {}
}

/** Counters of the hub, for tests, benchmarks and health. */
export interface LiveStats {
  epoch: string
  lastEventId: number
  clients: number
  lagging: number
  deliveries: number
  frames: number
  resyncs: number
}

export type LiveHub = ReturnType<typeof createLiveHub>

const noLog: LiveLogger = { info: () => {}, warn: () => {}, error: () => {} }

function encode(message: ServerMessage): Encoded {
  const text = JSON.stringify(message)
  return { text, bytes: Buffer.byteLength(text) }
}

/** Builds the live hub and subscribes it to the bus. */
export function createLiveHub(options: LiveHubOptions) {
  const { bus, layers } = options
  const clock = options.clock ?? Date.now
  const log = options.log ?? noLog
  const queueBytes = options.clientQueueBytes
  const lagTimeoutMs = options.lagTimeoutMs ?? 60_000
  const epoch = randomUUID()
  const ring = new EventRing<LiveEvent>(options.retentionEvents, options.retentionMinutes * 60_000)
  /** Where each object was at its last change: a move out of a subscriber's room or box is a removal for it. */
  const extents = new Map<string, Extent>()
  const clientsByOrganization = new Map<string, Set<LiveClient>>()
  const clients = new Set<LiveClient>()
  const dirty = new Set<LiveClient>()
  /** Clients lagging or waiting for their socket to drain; checked by the watch timer. */
  const watched = new Set<LiveClient>()
  const counters = { deliveries: 0, frames: 0, resyncs: 0 }
  let flushScheduled = false
  let watchTimer: NodeJS.Timeout | null = null
  let closing = false

  function viewOf(event: LiveEvent, action: 'upsert' | 'delete', organizationId: string): Encoded {
    const { change, eventId } = event
    if (action === 'delete') {
      // A removal never carries the object: its receiver may no longer be allowed to see it.
      return (event.removal ??= encode({ type: 'delta', eventId, layer: change.layer, kind: 'delete', id: change.id, data: null }))
    }
    if (change.originator !== undefined && change.originator.organizationId === organizationId) {
      return (event.originatorView ??= encode({ type: 'delta', eventId, layer: change.layer, kind: 'upsert', id: change.id, data: change.originator.data }))
    }
    return (event.sharedView ??= encode({ type: 'delta', eventId, layer: change.layer, kind: 'upsert', id: change.id, data: change.data }))
  }

  function scheduleFlush(client: LiveClient): void {
    dirty.add(client)
    if (!flushScheduled) {
      flushScheduled = true
      setImmediate(flush)
    }
  }

  function enqueue(client: LiveClient, encoded: Encoded): void {
    client.pending.push(encoded.text)
    client.pendingBytes += encoded.bytes
    if (client.state === 'live' && client.pendingBytes > queueBytes) return overflow(client)
    scheduleFlush(client)
  }

  function send(client: LiveClient, message: ServerMessage): void {
    if (!client.closed) enqueue(client, encode(message))
  }

  /** One write per client per turn: the turn's messages as one JSON array frame. */
  function flush(): void {
    flushScheduled = false
    for (const client of dirty) {
      if (client.pending.length === 0) continue
      if (client.closed || client.socket.readyState !== WebSocket.OPEN) {
        client.pending = []
        client.pendingBytes = 0
        continue
      }
      if (client.state === 'live' && client.socket.bufferedAmount + client.pendingBytes > queueBytes) {
        overflow(client)
        continue
      }
      const frame = client.pending.length === 1 ? `[${client.pending[0]}]` : `[${client.pending.join(',')}]`
      client.pending = []
      client.pendingBytes = 0
      client.socket.send(frame)
      counters.frames++
    }
    dirty.clear()
  }

  function deliver(client: LiveClient, encoded: Encoded): void {
    switch (client.state) {
      case 'live':
        counters.deliveries++
        return enqueue(client, encoded)
      case 'snapshot':
        client.held.push(encoded)
        client.heldBytes += encoded.bytes
        if (client.heldBytes > queueBytes) overflow(client)
        return
      default:
        // idle: not subscribed; lagging: a fresh snapshot will follow.
    }
  }

  function setState(client: LiveClient, state: ClientState): void {
    client.state = state
    if (state === 'lagging') {
      client.lagSince = clock()
      watch(client)
    }
  }

  /** The client cannot keep up: forget its queue, and resynchronise it once its socket has drained. */
  function overflow(client: LiveClient): void {
    client.subscriptionEpoch++
    client.pending = []
    client.pendingBytes = 0
    client.held = []
    client.heldBytes = 0
    client.roomWaiter?.resolve(false)
    client.roomWaiter = null
    counters.resyncs++
    log.warn({ username: client.viewer.username, organizationId: client.viewer.organizationId, bufferedBytes: client.socket.bufferedAmount }, 'live client too slow: queue dropped, resync follows once drained')
    setState(client, 'lagging')
  }

  function watch(client: LiveClient): void {
    watched.add(client)
    watchTimer ??= setInterval(checkWatched, 25).unref()
  }

  function checkWatched(): void {
    const now = clock()
    for (const client of watched) {
      if (client.closed) {
        watched.delete(client)
        continue
      }
      const waiter = client.roomWaiter
      if (waiter && client.socket.bufferedAmount + client.pendingBytes <= waiter.threshold) {
        client.roomWaiter = null
        waiter.resolve(true)
      } else if (waiter && now - waiter.since > lagTimeoutMs) {
        client.roomWaiter = null
        waiter.resolve(false)
        expel(client, liveCloseCodes.tryAgainLater, 'too slow to receive the picture')
      }
      if (client.state === 'lagging') {
        if (client.socket.bufferedAmount === 0) {
          send(client, { type: 'resync', reason: 'slow-consumer' })
          if (client.subscription) void snapshot(client, client.subscription)
          else setState(client, 'idle')
        } else if (now - client.lagSince > lagTimeoutMs) {
          expel(client, liveCloseCodes.tryAgainLater, 'too slow to receive the picture')
        }
      }
      if (client.state !== 'lagging' && !client.roomWaiter) watched.delete(client)
    }
    if (watched.size === 0 && watchTimer) {
      clearInterval(watchTimer)
      watchTimer = null
    }
  }

  /** Resolves once the client has room for more (true), or false if it went away or stayed full too long. */
  function roomFor(client: LiveClient): Promise<boolean> {
    const threshold = Math.floor(queueBytes / 2)
    if (client.socket.bufferedAmount + client.pendingBytes <= threshold) return Promise.resolve(true)
    return new Promise((resolve) => {
      client.roomWaiter?.resolve(false)
      client.roomWaiter = { threshold, since: clock(), resolve }
      watch(client)
    })
  }

  /** Sends the objects the subscription covers, then the deltas that arrived meanwhile. */
  async function snapshot(client: LiveClient, subscription: LiveSubscription): Promise<void> {
    const subscriptionEpoch = ++client.subscriptionEpoch
    const current = () => !client.closed && client.subscriptionEpoch === subscriptionEpoch
    client.held = []
    client.heldBytes = 0
    setState(client, 'snapshot')
    // Changes published from here on are held and sent after the snapshot; one that the snapshot
    // already reflects then arrives twice, which an upsert of the whole object makes harmless.
    const lastEventId = ring.lastId
    send(client, { type: 'snapshot-begin', subscriptionEpoch, epoch })
    const query = { roomId: subscription.roomId, bbox: subscription.bbox ? [...subscription.bbox] as [number, number, number, number] : undefined }
    try {
      for (const layer of subscription.layers) {
        const source = layers.get(layer)
        if (!source) continue
        let items: unknown[] = []
        for await (const item of source.list(client.viewer, query)) {
          if (!current()) return
          items.push(item)
          if (items.length < liveLimits.snapshotChunkItems) continue
          send(client, { type: 'snapshot', layer, items })
          items = []
          if (!(await roomFor(client)) || !current()) return
        }
        if (!current()) return
        if (items.length > 0) send(client, { type: 'snapshot', layer, items })
      }
      send(client, { type: 'snapshot-end', subscriptionEpoch, epoch, lastEventId })
      const held = client.held
      client.held = []
      client.heldBytes = 0
      setState(client, 'live')
      for (const encoded of held) deliver(client, encoded)
    } catch (error) {
      if (!current()) return
      log.error({ err: error, username: client.viewer.username }, 'live snapshot failed')
      setState(client, 'idle')
      send(client, { type: 'error', code: 'snapshot-failed', detail: 'The snapshot could not be read; subscribe again' })
    }
  }

  /** Replays the retained events after the client's last one, as they were delivered live. */
  function resume(client: LiveClient, subscription: LiveSubscription, fromEventId: number, missed: LiveEvent[]): void {
    const subscriptionEpoch = ++client.subscriptionEpoch
    client.held = []
    client.heldBytes = 0
    setState(client, 'live')
    send(client, { type: 'resumed', subscriptionEpoch, epoch, fromEventId, lastEventId: ring.lastId })
    for (const event of missed) {
      if (client.state !== 'live') return // overflowed: a resync snapshot follows instead
      const action = routeChange(subscription, client.viewer.organizationId, event.change, event.previous)
      if (action) deliver(client, viewOf(event, action, client.viewer.organizationId))
    }
  }

  function subscribe(client: LiveClient, message: SubscribeMessage): void {
    const now = clock()
    client.subscribeTimes = client.subscribeTimes.filter((time) => time > now - 60_000)
    if (client.subscribeTimes.length >= liveLimits.maxSubscribesPerMinute) {
      return send(client, { type: 'error', code: 'rate-limited', detail: `At most ${liveLimits.maxSubscribesPerMinute} subscriptions per minute` })
    }
    client.subscribeTimes.push(now)
    const subscription: LiveSubscription = { layers: new Set(message.layers), roomId: message.roomId, bbox: message.bbox }
    client.subscription = subscription
    if (message.resumeFrom && message.resumeFrom.epoch === epoch) {
      const missed = ring.after(message.resumeFrom.eventId, now)
      if (missed) return resume(client, subscription, message.resumeFrom.eventId, missed)
    }
    void snapshot(client, subscription)
  }

  function reject(client: LiveClient, code: LiveErrorCode, detail: string): void {
    client.invalidMessages++
    send(client, { type: 'error', code, detail })
    if (client.invalidMessages >= liveLimits.maxInvalidMessages) {
      flush()
      expel(client, liveCloseCodes.policyViolation, 'too many invalid messages')
    }
  }

  function onMessage(client: LiveClient, data: RawData, isBinary: boolean): void {
    if (isBinary) return reject(client, 'malformed-message', 'Send JSON in text frames, not binary ones')
    const reading = readClientMessage(data.toString())
    if (!reading.ok) return reject(client, reading.code, reading.detail)
    const message = reading.message
    if (message.type === 'ping') return send(client, { type: 'pong', ...(message.nonce === undefined ? {} : { nonce: message.nonce }) })
    subscribe(client, message)
  }

  /** Closes a connection, and cuts it if the close handshake does not complete promptly. */
  function expel(client: LiveClient, code: number, reason: string): void {
    if (client.closed) return
    client.socket.close(code, reason)
    setTimeout(() => client.socket.terminate(), 1000).unref()
  }

  function remove(client: LiveClient): void {
    client.closed = true
    clients.delete(client)
    clientsByOrganization.get(client.viewer.organizationId)?.delete(client)
    dirty.delete(client)
    watched.delete(client)
    client.roomWaiter?.resolve(false)
    client.roomWaiter = null
  }

  function onChange(change: PictureChange): void {
    const key = `${change.layer}\u0000${change.id}`
    const event: LiveEvent = { eventId: 0, change, previous: extents.get(key) }
    if (change.kind === 'delete') extents.delete(key)
    else extents.set(key, { roomIds: change.roomIds, bbox: change.bbox })
    event.eventId = ring.push(event, clock())
    for (const organizationId of concernedOrganizations(change)) {
      const audience = clientsByOrganization.get(organizationId)
      if (!audience) continue
      for (const client of audience) {
        if (!client.subscription || client.state === 'idle' || client.state === 'lagging') continue
        const action = routeChange(client.subscription, organizationId, change, event.previous)
        if (action) deliver(client, viewOf(event, action, organizationId))
      }
    }
  }

  const unsubscribe = bus.subscribe(onChange)

  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (client.socket.readyState !== WebSocket.OPEN) continue // closing: its 'close' event removes it
      if (!client.alive) {
        client.socket.terminate()
        continue
      }
      client.alive = false
      client.socket.ping()
    }
  }, options.heartbeatMs ?? 30_000).unref()

  const sessionCheck = setInterval(() => {
    for (const client of clients) {
      client.stillValid().then((valid) => {
        if (valid || client.closed) return
        send(client, { type: 'error', code: 'session-expired', detail: 'Your session has ended; sign in again' })
        flush()
        expel(client, liveCloseCodes.policyViolation, 'session expired')
      }, (error: unknown) => log.error({ err: error }, 'live session check failed'))
    }
  }, options.sessionCheckMs ?? 60_000).unref()

  return {
    /** The server epoch: changes when the process restarts, invalidating event ids. */
    epoch,

    /** Takes over an authenticated WebSocket: from here on the hub answers its messages. */
    accept(socket: WebSocket, viewer: LiveViewer, stillValid: () => Promise<boolean>): void {
      if (closing) {
        socket.close(liveCloseCodes.goingAway, 'server shutting down')
        return
      }
      const client = new LiveClient(socket, { organizationId: viewer.organizationId, username: viewer.username }, stillValid)
      clients.add(client)
      let audience = clientsByOrganization.get(viewer.organizationId)
      if (!audience) clientsByOrganization.set(viewer.organizationId, (audience = new Set()))
      audience.add(client)
      socket.on('message', (data, isBinary) => onMessage(client, data, isBinary))
      socket.on('pong', () => {
        client.alive = true
      })
      socket.on('close', (code) => {
        remove(client)
        log.info({ username: viewer.username, organizationId: viewer.organizationId, code }, 'live client disconnected')
      })
      log.info({ username: viewer.username, organizationId: viewer.organizationId }, 'live client connected')
    },

    /** Counters for tests and benchmarks. */
    stats(): LiveStats {
      return { epoch, lastEventId: ring.lastId, clients: clients.size, lagging: [...clients].filter((client) => client.state === 'lagging').length, ...counters }
    },

    /** Stops listening to the bus and closes every connection (1001), cutting those that do not close within `graceMs`. */
    async close(graceMs = 1000): Promise<void> {
      closing = true
      unsubscribe()
      clearInterval(heartbeat)
      clearInterval(sessionCheck)
      if (watchTimer) clearInterval(watchTimer)
      watchTimer = null
      const open = [...clients]
      const closed = open.map((client) => new Promise<void>((resolve) => {
        if (client.socket.readyState === WebSocket.CLOSED) return resolve()
        client.socket.once('close', () => resolve())
        client.socket.close(liveCloseCodes.goingAway, 'server shutting down')
      }))
      const cut = setTimeout(() => open.forEach((client) => client.socket.terminate()), graceMs)
      await Promise.all(closed)
      clearTimeout(cut)
    },
  }
}
