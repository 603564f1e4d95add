import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { once } from 'node:events'
import { WebSocket, WebSocketServer } from 'ws'
import { EventBus } from '../platform/event-bus.ts'
import type { LayerRegistry } from './layer-source.ts'
import type { PictureChange } from './picture-change.ts'
import { createLiveHub, type LiveHubOptions } from './live-hub.ts'
import { serverFrameSchema, type ServerMessage } from './live-messages.ts'

/** A hub behind a bare WebSocket server (no HTTP stack, no database): each connection is accepted as a Peshmerga viewer. */
async function startHub(options: Partial<LiveHubOptions> & { stillValid?: () => Promise<boolean> }) {
  const bus = new EventBus<PictureChange>()
  const hub = createLiveHub({ bus, layers: new Map(), retentionEvents: 1000, retentionMinutes: 10, clientQueueBytes: 64 * 1024, ...options })
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await once(server, 'listening')
  server.on('connection', (socket) => hub.accept(socket, { organizationId: 'peshmerga', username: 'pesh.watch' }, options.stillValid ?? (async () => true)))
  const port = (server.address() as { port: number }).port
  const connect = async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}`)
    const messages: ServerMessage[] = []
    socket.on('message', (data) => messages.push(...serverFrameSchema.parse(JSON.parse(data.toString()))))
    await once(socket, 'open')
    return { socket, messages }
  }
  const stop = async () => {
    await hub.close(200)
    server.close()
  }
  return { bus, hub, connect, stop }
}

const waitFor = async (condition: () => boolean, what: string, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const stops: Array<() => Promise<void>> = []
after(async () => {
  for (const stop of stops) await stop()
})

test('a connection whose session has ended is told so and closed with 1008', { timeout: 30_000 }, async () => {
  let valid = true
  const { connect, stop } = await startHub({ sessionCheckMs: 50, stillValid: async () => valid })
  stops.push(stop)
  const client = await connect()
  client.socket.send(JSON.stringify({ type: 'ping' }))
  await waitFor(() => client.messages.some((m) => m.type === 'pong'), 'pong')
  valid = false
  const [code] = await once(client.socket, 'close')
  assert.equal(code, 1008)
  assert.ok(client.messages.some((m) => m.type === 'error' && m.code === 'session-expired'))
})

test('a snapshot that cannot be read ends in an error message, and the connection stays usable', { timeout: 30_000 }, async () => {
  const layers: LayerRegistry = new Map([['units', {
    layer: 'units',
    list: async function* () {
      yield* []
      throw new Error('storage is gone')
    },
    toFeature: () => { throw new Error('unused') },
  }]])
  const { connect, stop } = await startHub({ layers })
  stops.push(stop)
  const client = await connect()
  client.socket.send(JSON.stringify({ type: 'subscribe', layers: ['units'] }))
  await waitFor(() => client.messages.some((m) => m.type === 'error'), 'an error')
  assert.ok(client.messages.some((m) => m.type === 'error' && m.code === 'snapshot-failed'))
  assert.ok(!client.messages.some((m) => m.type === 'snapshot-end'))
  client.socket.send(JSON.stringify({ type: 'ping' }))
  await waitFor(() => client.messages.some((m) => m.type === 'pong'), 'pong')
})

test('a client that stays unable to drain is disconnected after the lag timeout', { timeout: 30_000 }, async () => {
  const { bus, connect, stop, hub } = await startHub({ lagTimeoutMs: 300, clientQueueBytes: 16 * 1024 })
  stops.push(stop)
  const client = await connect()
  client.socket.send(JSON.stringify({ type: 'subscribe', layers: ['coverage'] }))
  await waitFor(() => client.messages.some((m) => m.type === 'snapshot-end'), 'snapshot-end')
  client.socket.pause()
  const payload = 'x'.repeat(10_000)
  // Keep publishing until the kernel's buffers are full and the hub gives up on the client.
  const deadline = Date.now() + 10_000
  for (let index = 0; hub.stats().clients > 0 && Date.now() < deadline; index++) {
    bus.publish({ layer: 'coverage', kind: 'upsert', id: `c${index}`, releasedTo: ['peshmerga'], roomIds: [], bbox: null, data: { payload } })
    await new Promise((resolve) => setTimeout(resolve, index % 100 === 99 ? 5 : 0))
  }
  assert.equal(hub.stats().clients, 0, 'the server dropped the client')
  assert.ok(hub.stats().resyncs >= 1)
  const closed = once(client.socket, 'close')
  client.socket.resume()
  await closed
})

test('a connection that stops answering pings is cut, one that answers is kept', { timeout: 30_000 }, async () => {
  const { connect, stop, hub } = await startHub({ heartbeatMs: 50 })
  stops.push(stop)
  const answering = await connect()
  const silent = await connect()
  silent.socket.pause()
  await waitFor(() => hub.stats().clients === 1, 'the silent client to be cut')
  assert.equal(answering.socket.readyState, WebSocket.OPEN)
})

test('closing the hub tells every client to go away with 1001', { timeout: 30_000 }, async () => {
  const { connect, stop } = await startHub({})
  const clients = await Promise.all([connect(), connect()])
  const closes = clients.map((client) => once(client.socket, 'close'))
  await stop()
  const codes = (await Promise.all(closes)).map(([code]) => code)
  assert.deepEqual(codes, [1001, 1001])
})
