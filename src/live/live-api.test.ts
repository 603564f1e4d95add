import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { WebSocket } from 'ws'
import { storageBackends } from '../platform/database/test-database.ts'
import { startTestTansiq, type TestTansiq } from '../server/test-harness.ts'
import type { PictureChange } from './picture-change.ts'
import { serverFrameSchema, type ServerMessage } from './live-messages.ts'

type Delta = Extract<ServerMessage, { type: 'delta' }>

/** A live client over a real socket that checks every frame against the shared schema. */
class LiveTestClient {
  readonly messages: ServerMessage[] = []
  private cursor = 0
  private wake: (() => void) | null = null
  closeCode: number | null = null
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data, isBinary) => {
      assert.equal(isBinary, false, 'the server sends text frames')
      this.messages.push(...serverFrameSchema.parse(JSON.parse(data.toString())))
      this.wake?.()
    })
    socket.on('close', (code) => {
      this.closeCode = code
      this.wake?.()
    })
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<LiveTestClient> {
    const socket = new WebSocket(url, { headers })
    const client = new LiveTestClient(socket)
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(client))
      socket.once('error', reject)
    })
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message))
  }

  /** The next message (after those already taken) that satisfies `predicate`; skipped ones are consumed. */
  async next(predicate: (message: ServerMessage) => boolean, what: string, timeoutMs = 10_000): Promise<ServerMessage> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      while (this.cursor < this.messages.length) {
        const message = this.messages[this.cursor++]!
        if (predicate(message)) return message
      }
      if (this.closeCode !== null) throw new Error(`socket closed (${this.closeCode}) while waiting for ${what}`)
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.messages.slice(-5))}`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.wake = null
    }
  }

  nextOfType<T extends ServerMessage['type']>(type: T, timeoutMs?: number): Promise<Extract<ServerMessage, { type: T }>> {
    return this.next((message) => message.type === type, type, timeoutMs) as Promise<Extract<ServerMessage, { type: T }>>
  }

  /** Subscribes and collects the snapshot; returns its items by layer and the last event id. */
  async subscribe(subscription: Record<string, unknown>): Promise<{ items: Array<{ id: string } & Record<string, unknown>>; lastEventId: number; epoch: string }> {
    this.send({ type: 'subscribe', ...subscription })
    const begin = await this.nextOfType('snapshot-begin')
    const items: Array<{ id: string } & Record<string, unknown>> = []
    for (;;) {
      const message = await this.next((m) => m.type === 'snapshot' || m.type === 'snapshot-end', 'snapshot')
      if (message.type === 'snapshot-end') {
        assert.equal(message.subscriptionEpoch, begin.subscriptionEpoch)
        return { items, lastEventId: message.lastEventId, epoch: message.epoch }
      }
      if (message.type === 'snapshot') items.push(...(message.items as typeof items))
    }
  }

  /** Deltas received so far and not yet taken. */
  takeDeltas(): Delta[] {
    const deltas = this.messages.slice(this.cursor).filter((message): message is Delta => message.type === 'delta')
    this.cursor = this.messages.length
    return deltas
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return
    await new Promise<void>((resolve) => {
      this.socket.once('close', () => resolve())
      this.socket.close()
    })
  }
}

/** The server's answer to an upgrade it refused: status, content type, body — once the server has closed the connection. */
function refusedUpgrade(url: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: { code?: string } }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers })
    socket.once('open', () => reject(new Error('the upgrade was accepted')))
    socket.once('unexpected-response', (request, response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      // Resolves only when the server hangs up: a refused upgrade must not leave a connection open.
      request.socket!.once('close', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body: JSON.parse(body) }))
      response.resume()
    })
    socket.once('error', () => {})
  })
}

const brigade = { names: { en: 'Live probe' }, echelon: 'brigade', sidc: 'SFGPUCI----H---' }

/** A synthetic change on a layer no capability serves here, to drive the hub directly. */
function coverageChange(id: string, overrides: Partial<PictureChange> = {}): PictureChange {
  return { layer: 'coverage', kind: 'upsert', id, releasedTo: ['peshmerga', 'iraqi-army', 'cts'], roomIds: [], bbox: null, data: { id }, ...overrides }
}

for (const backend of storageBackends()) {
  // Bounded, so that a regression that leaves a socket open fails here instead of stalling the whole run.
  describe(`the live picture over WebSocket on ${backend}`, { timeout: 240_000 }, () => {
    let tansiq: TestTansiq
    let url: string
    let closed = false
    const tokens: Record<string, string> = {}
    const open: LiveTestClient[] = []

    const call = async (user: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, payload?: unknown) => {
      tokens[user] ??= (await tansiq.login(user)).token
      const response = await tansiq.app.inject({ method, url: path, headers: { authorization: `Bearer ${tokens[user]}` }, ...(payload === undefined ? {} : { payload: payload as object }) })
      return { status: response.statusCode, body: response.body ? response.json() : null }
    }
    const connect = async (user: string) => {
      tokens[user] ??= (await tansiq.login(user)).token
      const client = await LiveTestClient.open(url, { authorization: `Bearer ${tokens[user]}` })
      open.push(client)
      return client
    }
    /** Publishes a change only `organization` may see and waits until `client` has it: everything published before has arrived. */
    const barrier = async (client: LiveTestClient, organization: string) => {
      const id = `barrier-${Math.random().toString(36).slice(2)}`
      tansiq.bus.publish(coverageChange(id, { releasedTo: [organization], bbox: [44.5, 35.5, 44.5, 35.5] }))
      await client.next((message) => message.type === 'delta' && message.id === id, `barrier ${id}`)
    }
    const createUnit = async (user: string, body: Record<string, unknown>) => {
      const created = await call(user, 'POST', '/api/units', { ...brigade, ...body })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      return created.body as { id: string; version: number }
    }

    before(async () => {
      tansiq = await startTestTansiq(backend, { LIVE_RETENTION_EVENTS: '300', LIVE_CLIENT_QUEUE_BYTES: '262144' })
      await tansiq.app.listen({ port: 0, host: '127.0.0.1' })
      const address = tansiq.app.server.address()
      assert.ok(address && typeof address === 'object')
      url = `ws://127.0.0.1:${address.port}/api/live`
      const room = await call('admin', 'POST', '/api/rooms', {
        id: 'kirkuk', names: { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' }, memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc'],
        areaOfInterest: { type: 'Polygon', coordinates: [[[43.8, 34.5], [45.5, 34.5], [45.5, 35.8], [43.8, 35.8], [43.8, 34.5]]] },
      })
      assert.equal(room.status, 201, JSON.stringify(room.body))
    })
    after(async () => {
      // Cut rather than close: a client left paused by a failed test would never finish a close handshake.
      for (const client of open) client.socket.terminate()
      if (!closed) await tansiq.close()
    }, { timeout: 30_000 })

    test('an upgrade without a valid session is refused with 401 problem+json, and a plain GET asks for an upgrade', async () => {
      const anonymous = await refusedUpgrade(url)
      assert.equal(anonymous.status, 401)
      assert.match(anonymous.type, /application\/problem\+json/)
      assert.equal(anonymous.body.code, 'unauthenticated')
      assert.equal((await refusedUpgrade(url, { authorization: `Bearer ${'x'.repeat(40)}` })).body.code, 'session-expired')
      assert.equal((await refusedUpgrade(`${url}?token=${'y'.repeat(40)}`)).status, 401)
      const plain = await tansiq.app.inject({ method: 'GET', url: '/api/live', headers: { authorization: `Bearer ${(await tansiq.login('pesh.watch')).token}` } })
      assert.equal(plain.statusCode, 426)
      assert.equal(plain.json().code, 'upgrade-required')
    })

    test('a browser may authenticate with ?token= or its session cookie, but a cookie from another origin is refused', async () => {
      const session = await tansiq.login('army.watch')
      const byToken = await LiveTestClient.open(`${url}?token=${session.token}`)
      open.push(byToken)
      await byToken.subscribe({ layers: ['units'] })
      const host = new URL(url).host
      const byCookie = await LiveTestClient.open(url, { cookie: session.cookie, origin: `http://${host}` })
      open.push(byCookie)
      await byCookie.subscribe({ layers: ['units'] })
      const foreign = await refusedUpgrade(url, { cookie: session.cookie, origin: 'https://evil.example' })
      assert.equal(foreign.status, 403)
      assert.equal(foreign.body.code, 'csrf-rejected')
    })

    test('a subscriber gets a snapshot of the units released to its organization only, then a delta on each create and change', async () => {
      const hidden = await createUnit('pesh.watch', { names: { en: 'Peshmerga only' } })
      const shared = await createUnit('pesh.commander', { names: { en: 'Shared with the army' }, release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })
      const army = await connect('army.watch')
      const snapshot = await army.subscribe({ layers: ['units'] })
      const ids = snapshot.items.map((item) => item.id)
      assert.ok(ids.includes(shared.id))
      assert.ok(!ids.includes(hidden.id), 'a unit not released to the army is not in its snapshot')
      assert.deepEqual(snapshot.items.find((item) => item.id === shared.id)!.release, { scope: 'organizations' }, 'others see the scope only')

      const created = await createUnit('pesh.commander', { names: { en: 'Created live' }, release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })
      const upsert = await army.next((m) => m.type === 'delta' && m.id === created.id, 'created unit') as Delta
      assert.equal(upsert.kind, 'upsert')
      assert.ok(upsert.eventId > snapshot.lastEventId)
      assert.equal((upsert.data as { names: { en: string } }).names.en, 'Created live')
      assert.deepEqual((upsert.data as { release: unknown }).release, { scope: 'organizations' })

      assert.equal((await call('pesh.watch', 'PATCH', `/api/units/${created.id}`, { status: 'moving' })).status, 200)
      const changed = await army.next((m) => m.type === 'delta' && m.id === created.id, 'changed unit') as Delta
      assert.equal((changed.data as { status: string }).status, 'moving')
      assert.ok(changed.eventId > upsert.eventId)
    })

    test('the originator receives its own view with release details, other organizations the shared view', async () => {
      const pesh = await connect('pesh.watch')
      await pesh.subscribe({ layers: ['units'] })
      const army = await connect('army.watch')
      await army.subscribe({ layers: ['units'] })
      const created = await createUnit('pesh.commander', { names: { en: 'Two views' }, release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })
      const own = await pesh.next((m) => m.type === 'delta' && m.id === created.id, 'own view') as Delta
      const other = await army.next((m) => m.type === 'delta' && m.id === created.id, 'shared view') as Delta
      assert.deepEqual((own.data as { release: { releasedTo: string[] } }).release.releasedTo, ['iraqi-army', 'peshmerga'])
      assert.deepEqual((other.data as { release: unknown }).release, { scope: 'organizations' })
      assert.equal(own.eventId, other.eventId)
    })

    test('another organization never receives an unreleased unit, in its snapshot or as a delta', async () => {
      const before = await createUnit('pesh.watch', { names: { en: 'Secret before' } })
      const cts = await connect('cts.liaison')
      const snapshot = await cts.subscribe({ layers: ['units', 'rooms', 'positions', 'coverage'] })
      assert.ok(!snapshot.items.some((item) => item.id === before.id))
      const secret = await createUnit('pesh.watch', { names: { en: 'Secret after' } })
      const toArmy = await createUnit('pesh.commander', { names: { en: 'Army only' }, release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })
      await call('pesh.watch', 'PATCH', `/api/units/${secret.id}`, { status: 'halted' })
      await call('pesh.watch', 'DELETE', `/api/units/${toArmy.id}`)
      await barrier(cts, 'cts')
      const leaked = cts.messages.filter((m) => m.type === 'delta' && [before.id, secret.id, toArmy.id].includes(m.id) && m.kind === 'upsert')
      assert.deepEqual(leaked, [])
      assert.ok(!JSON.stringify(cts.messages).includes('Secret after'), 'not a byte of the unreleased unit reaches the client')
    })

    test('narrowing a release sends a delete without the object to the organization that lost it', async () => {
      const unit = await createUnit('pesh.commander', { names: { en: 'Narrowed' }, release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })
      const army = await connect('army.watch')
      const snapshot = await army.subscribe({ layers: ['units'] })
      assert.ok(snapshot.items.some((item) => item.id === unit.id))
      const pesh = await connect('pesh.watch')
      await pesh.subscribe({ layers: ['units'] })
      assert.equal((await call('pesh.watch', 'PUT', `/api/units/${unit.id}/release`, { release: { scope: 'originator' } })).status, 200)
      const removal = await army.next((m) => m.type === 'delta' && m.id === unit.id, 'removal') as Delta
      assert.equal(removal.kind, 'delete')
      assert.equal(removal.data, null)
      const kept = await pesh.next((m) => m.type === 'delta' && m.id === unit.id, 'originator update') as Delta
      assert.equal(kept.kind, 'upsert')
    })

    test('a room subscription receives the units of that room only', async () => {
      const inRoom = await createUnit('pesh.commander', { names: { en: 'In Kirkuk' }, homeRoomId: 'kirkuk', release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })
      const elsewhere = await createUnit('pesh.commander', { names: { en: 'No room' }, release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })
      const army = await connect('army.watch')
      const snapshot = await army.subscribe({ layers: ['units'], roomId: 'kirkuk' })
      assert.ok(snapshot.items.some((item) => item.id === inRoom.id))
      assert.ok(!snapshot.items.some((item) => item.id === elsewhere.id))
      await call('pesh.watch', 'PATCH', `/api/units/${elsewhere.id}`, { status: 'halted' })
      await call('pesh.watch', 'PATCH', `/api/units/${inRoom.id}`, { status: 'halted' })
      const delta = await army.next((m) => m.type === 'delta' && m.layer === 'units', 'a room delta') as Delta
      assert.equal(delta.id, inRoom.id, 'the change outside the room was not sent')
      // Moving the unit to no room takes it out of the room view.
      await call('pesh.watch', 'PATCH', `/api/units/${inRoom.id}`, { homeRoomId: null })
      const gone = await army.next((m) => m.type === 'delta' && m.id === inRoom.id, 'left the room') as Delta
      assert.equal(gone.kind, 'delete')
    })

    test('a bounding-box subscription receives what lies inside the box, and a removal when an object moves out', async () => {
      const inside = await createUnit('pesh.commander', { names: { en: 'Inside box' }, release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })
      const outside = await createUnit('pesh.commander', { names: { en: 'Outside box' }, release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })
      await tansiq.database.execute(`insert into unit_positions (unit_id, position, reported_at, source) values
        ('${inside.id}', st_setsrid(st_makepoint(44.39, 35.47), 4326), now(), 'test'), ('${outside.id}', st_setsrid(st_makepoint(47.5, 33.3), 4326), now(), 'test')`)
      const army = await connect('army.watch')
      const snapshot = await army.subscribe({ layers: ['units', 'coverage'], bbox: [44, 35, 45, 36] })
      assert.ok(snapshot.items.some((item) => item.id === inside.id))
      assert.ok(!snapshot.items.some((item) => item.id === outside.id))

      tansiq.bus.publish(coverageChange('far', { bbox: [47, 33, 47.1, 33.1] }))
      tansiq.bus.publish(coverageChange('nowhere'))
      tansiq.bus.publish(coverageChange('near', { bbox: [44.5, 35.5, 44.5, 35.5] }))
      tansiq.bus.publish(coverageChange('straddling', { bbox: [43, 34, 44.2, 35.2] }))
      tansiq.bus.publish(coverageChange('near', { bbox: [46, 35.5, 46, 35.5] }))
      await barrier(army, 'iraqi-army')
      const seen = army.messages.filter((m): m is Delta => m.type === 'delta' && ['far', 'nowhere', 'near', 'straddling'].includes(m.id)).map((delta) => `${delta.kind}:${delta.id}`)
      assert.deepEqual(seen, ['upsert:near', 'upsert:straddling', 'delete:near'])
    })

    test('a client that resumes with its last event id gets exactly the events it missed, once, then live ones', async () => {
      const army = await connect('army.watch')
      const { epoch } = await army.subscribe({ layers: ['coverage'] })
      tansiq.bus.publish(coverageChange('r1'))
      const first = await army.next((m) => m.type === 'delta' && m.id === 'r1', 'r1') as Delta
      await army.close()
      tansiq.bus.publish(coverageChange('r2'))
      tansiq.bus.publish(coverageChange('secret', { releasedTo: ['peshmerga'] }))
      tansiq.bus.publish(coverageChange('r3', { kind: 'delete', releasedTo: [], previouslyReleasedTo: ['iraqi-army'] }))
      tansiq.bus.publish({ ...coverageChange('other-layer'), layer: 'reports' })
      tansiq.bus.publish(coverageChange('r4'))

      const again = await connect('army.watch')
      again.send({ type: 'subscribe', layers: ['coverage'], resumeFrom: { epoch, eventId: first.eventId } })
      const resumed = await again.nextOfType('resumed')
      assert.equal(resumed.fromEventId, first.eventId)
      tansiq.bus.publish(coverageChange('r5'))
      await again.next((m) => m.type === 'delta' && m.id === 'r5', 'r5')
      const deltas = again.messages.filter((m): m is Delta => m.type === 'delta')
      assert.deepEqual(deltas.map((delta) => `${delta.kind}:${delta.id}`), ['upsert:r2', 'delete:r3', 'upsert:r4', 'upsert:r5'])
      assert.ok(!again.messages.some((m) => m.type === 'snapshot-begin'), 'no snapshot when the missed events are still retained')
      const ids = deltas.map((delta) => delta.eventId)
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b))
      assert.ok(ids.every((id) => id > first.eventId))
    })

    test('a resume from another server epoch, or from beyond the retained events, gets a fresh snapshot', async () => {
      const army = await connect('army.watch')
      army.send({ type: 'subscribe', layers: ['units'], resumeFrom: { epoch: 'an-old-server', eventId: 3 } })
      await army.nextOfType('snapshot-begin')
      await army.nextOfType('snapshot-end')

      const { epoch, lastEventId } = await army.subscribe({ layers: ['coverage'] })
      for (let index = 0; index < 350; index++) tansiq.bus.publish(coverageChange(`flood-${index}`, { releasedTo: ['joc'] }))
      army.send({ type: 'subscribe', layers: ['coverage'], resumeFrom: { epoch, eventId: lastEventId } })
      await army.nextOfType('snapshot-begin')
      army.send({ type: 'subscribe', layers: ['coverage'], resumeFrom: { epoch, eventId: tansiq.live.stats().lastEventId + 10 } })
      await army.nextOfType('snapshot-begin')
    })

    test('each change is serialised once per view, however many clients receive it', async () => {
      const clients = await Promise.all(['army.watch', 'army.liaison', 'army.commander', 'pesh.watch'].map(connect))
      await Promise.all(clients.map((client) => client.subscribe({ layers: ['coverage'] })))
      const serialised = { shared: 0, originator: 0 }
      tansiq.bus.publish(coverageChange('counted', {
        releasedTo: ['iraqi-army', 'peshmerga'],
        data: { toJSON: () => ++serialised.shared && { view: 'shared' } },
        originator: { organizationId: 'peshmerga', data: { toJSON: () => ++serialised.originator && { view: 'originator' } } },
      }))
      const received = await Promise.all(clients.map((client) => client.next((m) => m.type === 'delta' && m.id === 'counted', 'counted') as Promise<Delta>))
      assert.deepEqual(received.map((delta) => (delta.data as { view: string }).view), ['shared', 'shared', 'shared', 'originator'])
      assert.deepEqual(serialised, { shared: 1, originator: 1 })
    })

    test('a client that never reads is resynchronised while a healthy client keeps receiving every change promptly', async () => {
      const healthy = await connect('army.watch')
      await healthy.subscribe({ layers: ['coverage'] })
      const slow = await connect('army.liaison')
      await slow.subscribe({ layers: ['coverage'] })
      slow.socket.pause()
      const payload = 'x'.repeat(5000)
      const total = 5000
      let lagged = false
      const started = Date.now()
      for (let index = 0; index < total; index++) {
        tansiq.bus.publish(coverageChange(`bulk-${index}`, { releasedTo: ['iraqi-army'], data: { index, payload, at: Date.now() } }))
        if (index % 10 === 9) await nextTurn()
        lagged ||= tansiq.live.stats().lagging > 0
      }
      const last = await healthy.next((m) => m.type === 'delta' && m.id === `bulk-${total - 1}`, 'the last bulk change', 20_000) as Delta
      assert.ok(Date.now() - (last.data as { at: number }).at < 10_000, 'the healthy client was not held back by the slow one')
      const received = healthy.messages.filter((m): m is Delta => m.type === 'delta' && m.id.startsWith('bulk-'))
      assert.equal(received.length, total, 'the healthy client lost nothing')
      assert.ok(lagged || tansiq.live.stats().lagging > 0, 'the slow client was dropped to a resync')
      assert.ok(tansiq.live.stats().resyncs >= 1)
      assert.ok(Date.now() - started < 30_000)

      slow.socket.resume()
      await slow.nextOfType('resync', 20_000)
      const begin = await slow.nextOfType('snapshot-begin')
      const end = await slow.nextOfType('snapshot-end')
      assert.equal(end.subscriptionEpoch, begin.subscriptionEpoch)
      const bulkSeen = slow.messages.filter((m) => m.type === 'delta' && m.id.startsWith('bulk-')).length
      assert.ok(bulkSeen < total, `the slow client's queue was dropped (${bulkSeen} of ${total} arrived)`)
      tansiq.bus.publish(coverageChange('after-resync', { releasedTo: ['iraqi-army'] }))
      await slow.next((m) => m.type === 'delta' && m.id === 'after-resync', 'a delta after the resync')
    })

    test('invalid messages get an error with a stable code and the connection stays open; repeated garbage closes it with 1008', async () => {
      const client = await connect('joc.watch')
      client.send('not json')
      assert.equal((await client.nextOfType('error')).code, 'malformed-message')
      client.send({ type: 'subscribe' })
      const missingLayers = await client.nextOfType('error')
      assert.equal(missingLayers.code, 'invalid-message')
      assert.match(missingLayers.detail, /layers/)
      client.send({ type: 'subscribe', layers: ['units'], bbox: [45, 36, 44, 35] })
      assert.equal((await client.nextOfType('error')).code, 'invalid-message')
      client.send({ type: 'launch' })
      assert.equal((await client.nextOfType('error')).code, 'invalid-message')
      client.socket.send(Buffer.from('{"type":"ping"}'), { binary: true })
      assert.equal((await client.nextOfType('error')).code, 'malformed-message')
      client.send({ type: 'ping', nonce: 'n1' })
      assert.equal((await client.nextOfType('pong')).nonce, 'n1')
      for (let index = 0; index < 6; index++) client.send('{')
      await new Promise<void>((resolve) => (client.closeCode !== null ? resolve() : client.socket.once('close', () => resolve())))
      assert.equal(client.closeCode, 1008)
    })

    test('closing the server closes every live socket with 1001', async () => {
      const client = await connect('pesh.watch')
      await client.subscribe({ layers: ['units'] })
      closed = true
      await tansiq.close()
      await new Promise<void>((resolve) => (client.closeCode !== null ? resolve() : client.socket.once('close', () => resolve())))
      assert.equal(client.closeCode, 1001)
    })
  })
}
