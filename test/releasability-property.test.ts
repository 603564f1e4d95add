// Property: whatever organizations create, however they widen and narrow releases and however
// room memberships change, no read path — REST get, list and search, exports, audit views, the
// live WebSocket snapshot and deltas — ever returns an object not released to the reader's
// organization; and every released object is there. Generated with fast-check, on both backends.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import WebSocket from 'ws'
import { storageBackends } from '../src/platform/database/test-database.ts'
import { startTestTansiq, type TestTansiq } from '../src/server/test-harness.ts'

const organizations = ['peshmerga', 'iraqi-army', 'cts', 'joc'] as const
type Organization = (typeof organizations)[number]
const creators: Record<Organization, string> = { peshmerga: 'pesh.commander', 'iraqi-army': 'army.commander', cts: 'cts.commander', joc: 'joc.commander' }
const readers: Record<Organization, string> = { peshmerga: 'pesh.watch', 'iraqi-army': 'army.watch', cts: 'cts.liaison', joc: 'joc.watch' }
const rooms = ['alpha', 'bravo'] as const
const kinds = ['unit', 'area', 'report'] as const
type Kind = (typeof kinds)[number]
const paths: Record<Kind, string> = { unit: 'units', area: 'areas', report: 'reports' }

type Release = { scope: 'originator' } | { scope: 'organizations'; organizationIds: Organization[] } | { scope: 'room'; roomId: (typeof rooms)[number] }

const releaseArbitrary: fc.Arbitrary<Release> = fc.oneof(
  fc.constant({ scope: 'originator' as const }),
  fc.subarray([...organizations], { minLength: 1 }).map((organizationIds) => ({ scope: 'organizations' as const, organizationIds })),
  fc.constantFrom(...rooms).map((roomId) => ({ scope: 'room' as const, roomId })),
)

type Operation =
  | { op: 'create'; kind: Kind; organization: Organization; release: Release }
  | { op: 'release'; pick: number; release: Release }
  | { op: 'members'; room: (typeof rooms)[number]; members: Organization[] }
  | { op: 'delete'; pick: number }

const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('create' as const), kind: fc.constantFrom(...kinds), organization: fc.constantFrom(...organizations), release: releaseArbitrary }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('release' as const), pick: fc.nat(), release: releaseArbitrary }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('members' as const), room: fc.constantFrom(...rooms), members: fc.subarray([...organizations], { minLength: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
)

interface ModelObject { id: string; kind: Kind; owner: Organization; release: Release; deleted: boolean; everReleasedTo: Set<string>; releasedAtVersion: Map<number, Set<string>> }

for (const backend of storageBackends()) {
  describe(`releasability holds on every read path on ${backend}`, () => {
    let tansiq: TestTansiq
    let baseUrl: string
    const tokens: Record<string, string> = {}
    const members: Record<string, Organization[]> = { alpha: ['peshmerga', 'iraqi-army'], bravo: ['joc'] }
    const objects: ModelObject[] = []
    const deltas: Record<Organization, Array<{ layer: string; kind: string; id: string; data: { version?: number } | null }>> = { peshmerga: [], 'iraqi-army': [], cts: [], joc: [] }
    const sockets: WebSocket[] = []

    const call = async (user: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
      tokens[user] ??= (await tansiq.login(user)).authorization
      const response = await tansiq.app.inject({ method, url, headers: { authorization: tokens[user]! }, ...(payload === undefined ? {} : { payload: payload as object }) })
      return { status: response.statusCode, body: response.body, json: () => JSON.parse(response.body) }
    }
    const releasedTo = (object: ModelObject): Set<string> => {
      const set = new Set<string>([object.owner])
      if (object.release.scope === 'organizations') object.release.organizationIds.forEach((id) => set.add(id))
      if (object.release.scope === 'room') members[object.release.roomId]!.forEach((id) => set.add(id))
      return set
    }
    const remember = async (object: ModelObject) => {
      const current = releasedTo(object)
      current.forEach((id) => object.everReleasedTo.add(id))
      const stored = await call(creators[object.owner], 'GET', `/api/${paths[object.kind]}/${object.id}`)
      if (stored.status === 200) object.releasedAtVersion.set(stored.json().version, current)
    }
    const geometryOf = (index: number) => {
      const west = 44.5 + (index % 10) * 0.03
      const south = 34.6 + Math.floor(index / 10) * 0.03
      return { type: 'Polygon', coordinates: [[[west, south], [west + 0.02, south], [west + 0.02, south + 0.02], [west, south + 0.02], [west, south]]] }
    }

    async function apply(operation: Operation): Promise<void> {
      if (operation.op === 'create') {
        const index = objects.length
        const common = { release: operation.release }
        const body = operation.kind === 'unit'
          ? { ...common, names: { en: `Unit ${index}` }, echelon: 'company', sidc: 'SFGPUCI----E---' }
          : operation.kind === 'area'
            ? { ...common, kind: 'aor', names: { en: `Area ${index}` }, geometry: geometryOf(index) }
            : { ...common, type: 'incident', title: `Report ${index}`, body: `Body of report ${index}`, occurredAt: new Date().toISOString(), location: { type: 'Point', coordinates: [44.8, 34.8] }, sourceReliability: 'B', informationCredibility: 2 }
        const response = await call(creators[operation.organization], 'POST', `/api/${paths[operation.kind]}`, body)
        assert.equal(response.status, 201, response.body)
        const object: ModelObject = { id: response.json().id, kind: operation.kind, owner: operation.organization, release: operation.release, deleted: false, everReleasedTo: new Set(), releasedAtVersion: new Map() }
        objects.push(object)
        await remember(object)
      } else if (operation.op === 'release') {
        const live = objects.filter((object) => !object.deleted)
        if (live.length === 0) return
        const object = live[operation.pick % live.length]!
        const response = await call(creators[object.owner], 'PUT', `/api/${paths[object.kind]}/${object.id}/release`, { release: operation.release })
        assert.equal(response.status, 200, response.body)
        object.release = operation.release
        await remember(object)
      } else if (operation.op === 'members') {
        const response = await call('admin', 'PATCH', `/api/rooms/${operation.room}`, { memberOrganizationIds: operation.members })
        assert.equal(response.status, 200, response.body)
        members[operation.room] = operation.members
        for (const object of objects) if (!object.deleted && object.release.scope === 'room' && object.release.roomId === operation.room) await remember(object)
      } else {
        const live = objects.filter((object) => !object.deleted)
        if (live.length === 0) return
        const object = live[operation.pick % live.length]!
        const response = await call(creators[object.owner], 'DELETE', `/api/${paths[object.kind]}/${object.id}`)
        assert.equal(response.status, 204, response.body)
        object.deleted = true
      }
    }

    async function checkReadPaths(): Promise<void> {
      for (const reader of organizations) {
        const expected = new Set(objects.filter((object) => !object.deleted && releasedTo(object).has(reader)).map((object) => object.id))
        const known = new Set(objects.map((object) => object.id))
        // Lists, and exports of each layer in each format.
        for (const kind of kinds) {
          const listed = (await call(readers[reader], 'GET', `/api/${paths[kind]}?limit=1000`)).json() as Array<{ id: string }>
          const listedIds = new Set(listed.map((item) => item.id).filter((id) => known.has(id)))
          const wanted = new Set(objects.filter((object) => object.kind === kind && expected.has(object.id)).map((object) => object.id))
          assert.deepEqual([...listedIds].sort(), [...wanted].sort(), `${reader} lists ${paths[kind]}`)
          const exported = (await call(readers[reader], 'GET', `/api/exports/${paths[kind]}.geojson`)).json() as { features: Array<{ id: string }> }
          assert.deepEqual(exported.features.map((feature) => feature.id).filter((id) => known.has(id)).sort(), [...wanted].sort(), `${reader} exports ${paths[kind]}`)
          const csv = (await call(readers[reader], 'GET', `/api/exports/${paths[kind]}.csv`)).body
          for (const object of objects) if (object.kind === kind && !expected.has(object.id)) assert.equal(csv.includes(object.id), false, `${reader} CSV leaks ${object.id}`)
        }
        // Get by id: 200 exactly when released.
        for (const object of objects) {
          const status = (await call(readers[reader], 'GET', `/api/${paths[object.kind]}/${object.id}`)).status
          assert.equal(status, expected.has(object.id) ? 200 : 404, `${reader} GET ${object.kind} ${object.id}`)
        }
        // Search.
        const found = (await call(readers[reader], 'GET', '/api/reports?q=Body%20of%20report&limit=1000')).json() as Array<{ id: string }>
        for (const report of found) if (known.has(report.id)) assert.ok(expected.has(report.id), `${reader} finds report ${report.id} by search`)
        // Audit views: never an entry about an object that was never released to the reader.
        const entries = (await call(readers[reader], 'GET', '/api/audit?limit=500')).json() as Array<{ objectId: string }>
        for (const entry of entries) {
          const object = objects.find((candidate) => candidate.id === entry.objectId)
          if (object) assert.ok(object.everReleasedTo.has(reader), `${reader} sees an audit entry of ${object.kind} ${object.id}, never released to it`)
        }
        // Live deltas: every upsert received was released to the reader at that version.
        for (const delta of deltas[reader]) {
          if (delta.kind !== 'upsert' || !known.has(delta.id)) continue
          const object = objects.find((candidate) => candidate.id === delta.id)!
          const version = delta.data?.version
          assert.ok(version !== undefined, 'live upserts carry the version')
          const released = object.releasedAtVersion.get(version)
          if (released) assert.ok(released.has(reader), `${reader} received ${object.kind} ${object.id} v${version} live while not released to it`)
          else assert.ok(object.everReleasedTo.has(reader), `${reader} received ${object.kind} ${object.id} live, never released to it`)
        }
      }
      // A fresh live snapshot holds exactly what is released.
      for (const reader of organizations) {
        const snapshot = await liveSnapshot(readers[reader])
        const expected = objects.filter((object) => !object.deleted && releasedTo(object).has(reader)).map((object) => object.id).sort()
        assert.deepEqual(snapshot.filter((id) => objects.some((object) => object.id === id)).sort(), expected, `${reader} live snapshot`)
      }
    }

    function connect(user: string): Promise<WebSocket> {
      const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/live`, { headers: { authorization: tokens[user]! } })
      sockets.push(socket)
      return new Promise((resolve, reject) => {
        socket.once('open', () => resolve(socket))
        socket.once('error', reject)
      })
    }

    async function liveSnapshot(user: string): Promise<string[]> {
      tokens[user] ??= (await tansiq.login(user)).authorization
      const socket = await connect(user)
      const ids: string[] = []
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no snapshot-end')), 20_000)
        socket.on('message', (frame) => {
          for (const message of JSON.parse(String(frame)) as Array<{ type: string; items?: Array<{ id: string }> }>) {
            if (message.type === 'snapshot') ids.push(...message.items!.map((item) => item.id))
            if (message.type === 'snapshot-end') {
              clearTimeout(timer)
              resolve()
            }
          }
        })
        socket.send(JSON.stringify({ type: 'subscribe', layers: ['units', 'areas', 'reports'] }))
      })
      socket.close()
      return ids
    }

    before(async () => {
      tansiq = await startTestTansiq(backend)
      baseUrl = await tansiq.app.listen({ port: 0, host: '127.0.0.1' })
      for (const room of rooms) {
        const created = await call('admin', 'POST', '/api/rooms', { id: room, names: { en: room, ar: room, ckb: room }, memberOrganizationIds: members[room] })
        assert.equal(created.status, 201, created.body)
      }
      for (const reader of organizations) {
        tokens[readers[reader]] ??= (await tansiq.login(readers[reader])).authorization
        const socket = await connect(readers[reader])
        socket.on('message', (frame) => {
          for (const message of JSON.parse(String(frame)) as Array<{ type: string; layer: string; kind: string; id: string; data: { version?: number } | null }>) {
            if (message.type === 'delta') deltas[reader].push(message)
          }
        })
        socket.send(JSON.stringify({ type: 'subscribe', layers: ['units', 'areas', 'reports'] }))
      }
    })
    after(async () => {
      sockets.forEach((socket) => socket.terminate())
      await tansiq.close()
    })

    test('no read path returns an object not released to the reader, and every released object is returned', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(operationArbitrary, { minLength: 3, maxLength: 10 }), async (operations) => {
          for (const operation of operations) await apply(operation)
          await new Promise((resolve) => setTimeout(resolve, 100)) // let live deltas arrive
          await checkReadPaths()
        }),
        { numRuns: Number(process.env.RELEASABILITY_RUNS ?? 8), endOnFailure: true, seed: process.env.RELEASABILITY_SEED ? Number(process.env.RELEASABILITY_SEED) : undefined },
      )
    })
  })
}
