// Property: whatever organizations create, however they widen and narrow releases and however
// room memberships change, no read path — REST get, list and search, exports, audit views, the
// live WebSocket snapshot and deltas — ever returns an object not released to the reader's
// organization; and every released object is there. Generated with fast-check, on both backends.
// Joint operations take part too: planned by a lead with participants from its room, taken
// through their lifecycle, their release changed, their log written and results claimed; their
// REST reads (get, list, log, results), the layers 'operations', 'operation-log' and
// 'operation-results' (exports, live snapshots and deltas) must follow the operation's release
// (its participants always see it), and a live client that loses sight of one is told to drop it.
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

const planStages = ['draft', 'proposed', 'approved', 'active'] as const

type Operation =
  | { op: 'create'; kind: Kind; organization: Organization; release: Release }
  | { op: 'release'; pick: number; release: Release }
  | { op: 'members'; room: (typeof rooms)[number]; members: Organization[] }
  | { op: 'delete'; pick: number }
  // Joint operations: planned (and taken as far as `stage`), released anew, moved on, cancelled, logged in, claimed for.
  | { op: 'plan'; lead: Organization; room: number; others: Organization[]; release: Release; stage: (typeof planStages)[number]; objective?: boolean }
  | { op: 'op-release'; pick: number; release: Release }
  | { op: 'op-advance'; pick: number }
  | { op: 'op-cancel'; pick: number }
  | { op: 'op-log'; pick: number; writer: number }
  | { op: 'op-claims'; pick: number; writer: number; killed: number }

const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('create' as const), kind: fc.constantFrom(...kinds), organization: fc.constantFrom(...organizations), release: releaseArbitrary }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('release' as const), pick: fc.nat(), release: releaseArbitrary }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('members' as const), room: fc.constantFrom(...rooms), members: fc.subarray([...organizations], { minLength: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('plan' as const), lead: fc.constantFrom(...organizations), room: fc.nat(), others: fc.subarray([...organizations], { minLength: 1 }),
      release: releaseArbitrary, stage: fc.constantFrom(...planStages), objective: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('op-release' as const), pick: fc.nat(), release: releaseArbitrary }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('op-advance' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('op-cancel' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('op-log' as const), pick: fc.nat(), writer: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('op-claims' as const), pick: fc.nat(), writer: fc.nat(), killed: fc.nat({ max: 40 }) }) },
)

const operationLayers = ['operations', 'operation-log', 'operation-results'] as const
type OperationLayer = (typeof operationLayers)[number]
type OperationStatus = 'draft' | 'proposed' | 'approved' | 'active' | 'completed' | 'cancelled'

/** A joint operation as the model knows it: who leads and takes part, its release and status, the ids of what it shows on each layer. */
interface ModelJointOperation {
  id: string
  lead: Organization
  participants: Organization[]
  room: (typeof rooms)[number]
  release: Release
  status: OperationStatus
  featureIds: string[]
  logIds: string[]
  claimsRecorded: number
  everReleasedTo: Set<string>
}

interface Delta { layer: string; kind: string; id: string; data: { version?: number } | null }

interface ModelObject { id: string; kind: Kind; owner: Organization; release: Release; deleted: boolean; everReleasedTo: Set<string>; releasedAtVersion: Map<number, Set<string>> }

for (const backend of storageBackends()) {
  describe(`releasability holds on every read path on ${backend}`, () => {
    let tansiq: TestTansiq
    let baseUrl: string
    const tokens: Record<string, string> = {}
    const members: Record<string, Organization[]> = { alpha: ['peshmerga', 'iraqi-army'], bravo: ['joc'] }
    const objects: ModelObject[] = []
    const deltas: Record<Organization, Delta[]> = { peshmerga: [], 'iraqi-army': [], cts: [], joc: [] }
    const sockets: WebSocket[] = []
    const jointOperations: ModelJointOperation[] = []
    /** What each reader's live client holds of the operation layers, from its deltas ('layer id'). */
    const liveViews: Record<Organization, Set<string>> = { peshmerga: new Set(), 'iraqi-army': new Set(), cts: new Set(), joc: new Set() }
    const deltasSeen: Record<Organization, number> = { peshmerga: 0, 'iraqi-army': 0, cts: 0, joc: 0 }
    const pongs: Record<Organization, Set<string>> = { peshmerga: new Set(), 'iraqi-army': new Set(), cts: new Set(), joc: new Set() }
    const liveSockets: Partial<Record<Organization, WebSocket>> = {}
    let pingCount = 0
    /** How often each kind of step took effect (reported, so a change that makes them rare is noticed). */
    const applied: Record<string, number> = {}

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

    /** Who a joint operation is released to: its lead, its participants and whom its release names. */
    const operationReleasedTo = (joint: ModelJointOperation): Set<string> => {
      const set = new Set<string>([joint.lead, ...joint.participants])
      if (joint.release.scope === 'organizations') joint.release.organizationIds.forEach((id) => set.add(id))
      if (joint.release.scope === 'room') members[joint.release.roomId]!.forEach((id) => set.add(id))
      return set
    }
    const rememberOperation = (joint: ModelJointOperation) => operationReleasedTo(joint).forEach((id) => joint.everReleasedTo.add(id))
    /** What each operation layer should hold for a reader: 'layer id' of every object of the operations released to it. */
    const expectedOnLayers = (reader: Organization): Record<OperationLayer, Set<string>> => {
      const expected: Record<OperationLayer, Set<string>> = { operations: new Set(), 'operation-log': new Set(), 'operation-results': new Set() }
      for (const joint of jointOperations) {
        if (!operationReleasedTo(joint).has(reader)) continue
        if (joint.status !== 'cancelled') joint.featureIds.forEach((id) => expected.operations.add(id))
        joint.logIds.forEach((id) => expected['operation-log'].add(id))
        if (['approved', 'active', 'completed'].includes(joint.status)) expected['operation-results'].add(joint.id)
      }
      return expected
    }
    /** The joint operation an object of an operation layer belongs to. */
    const operationOf = (layer: string, id: string): ModelJointOperation | undefined => jointOperations.find((joint) =>
      (layer === 'operations' && joint.featureIds.includes(id)) || (layer === 'operation-log' && joint.logIds.includes(id)) || (layer === 'operation-results' && joint.id === id))
    const pickOperation = (pick: number, statuses: readonly OperationStatus[]) => {
      const candidates = jointOperations.filter((joint) => statuses.includes(joint.status))
      // Counted from the latest, so that pick 0 is the operation planned last.
      return candidates.length === 0 ? undefined : candidates[candidates.length - 1 - (pick % candidates.length)]!
    }
    const planStep = async (joint: ModelJointOperation): Promise<void> => {
      const lead = creators[joint.lead]
      const url = `/api/operations/${joint.id}`
      if (joint.status === 'draft') {
        const response = await call(lead, 'POST', `${url}/propose`, {})
        assert.equal(response.status, 200, response.body)
        joint.status = 'proposed'
      } else if (joint.status === 'proposed') {
        const { planRevision } = (await call(lead, 'GET', url)).json() as { planRevision: number }
        for (const organization of [...joint.participants].sort()) {
          const response = await call(creators[organization], 'POST', `${url}/approve`, { planRevision })
          assert.equal(response.status, 200, response.body)
        }
        joint.status = 'approved'
      } else if (joint.status === 'approved' || joint.status === 'active') {
        const response = await call(lead, 'POST', `${url}/${joint.status === 'approved' ? 'start' : 'complete'}`, {})
        assert.equal(response.status, 200, response.body)
        joint.status = joint.status === 'approved' ? 'active' : 'completed'
      }
    }

    /** Waits until what the last change set off has been published and delivered: room re-releases, results republished, every client's queue. */
    async function settle(): Promise<void> {
      // A room's new members re-release its operations after the change (bus 'rooms'): wait until stored.
      for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
        const stored = jointOperations.length === 0 ? [] : await tansiq.database.query<{ id: string; released_to: string[] }>('select id::text as id, released_to from operations where id = any($1::uuid[])', [jointOperations.map((joint) => joint.id)])
        const current = stored.every((row) => {
          const joint = jointOperations.find((candidate) => candidate.id === row.id)!
          return [...row.released_to].sort().join() === [...operationReleasedTo(joint)].sort().join()
        })
        if (current) break
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      await new Promise((resolve) => setTimeout(resolve, 10))
      await tansiq.operationResults.settled()
      // A pong leaves after every delta queued before it.
      const nonce = `barrier-${++pingCount}`
      for (const reader of organizations) liveSockets[reader]!.send(JSON.stringify({ type: 'ping', nonce }))
      for (const deadline = Date.now() + 10_000; !organizations.every((reader) => pongs[reader].has(nonce));) {
        if (Date.now() > deadline) throw new Error('no pong from the live clients')
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    }

    /**
     * The operation layers' deltas each reader received since the last look: every upsert is of an
     * operation released to the reader before or after the step that sent it; the client's view is
     * kept to check later that it drops what it lost sight of.
     */
    function takeOperationDeltas(releasedBefore: Map<string, Set<string>>): void {
      for (const reader of organizations) {
        const received = deltas[reader].slice(deltasSeen[reader])
        deltasSeen[reader] = deltas[reader].length
        for (const delta of received) {
          if (!(operationLayers as readonly string[]).includes(delta.layer)) continue
          const key = `${delta.layer} ${delta.id}`
          if (delta.kind !== 'upsert') {
            liveViews[reader].delete(key)
            continue
          }
          liveViews[reader].add(key)
          const joint = operationOf(delta.layer, delta.id)
          if (!joint) continue
          const released = operationReleasedTo(joint).has(reader) || (releasedBefore.get(joint.id)?.has(reader) ?? false)
          assert.ok(released, `${reader} received ${delta.layer} ${delta.id} of operation ${joint.id} live while it was not released to it`)
        }
      }
    }

    async function applyJoint(operation: Extract<Operation, { op: 'plan' | 'op-release' | 'op-advance' | 'op-cancel' | 'op-log' | 'op-claims' }>): Promise<void> {
      if (operation.op === 'plan') {
        // An operation is planned in a room its lead sits in with others, its participants from that room.
        const leadRooms = rooms.filter((room) => members[room]!.includes(operation.lead) && members[room]!.length > 1)
        if (leadRooms.length === 0) return
        const room = leadRooms[operation.room % leadRooms.length]!
        const roomMembers = members[room]!
        const chosen = operation.others.filter((organization) => organization !== operation.lead && roomMembers.includes(organization))
        const participants = [operation.lead, ...(chosen.length > 0 ? chosen : roomMembers.filter((organization) => organization !== operation.lead))]
        const index = jointOperations.length
        const hHour = Date.now() + 86_400_000
        const response = await call(creators[operation.lead], 'POST', '/api/operations', {
          roomId: room,
          names: { ar: `عملية ${index}`, ckb: `ئۆپەراسیۆنی ${index}`, en: `Operation ${index}` },
          hHour: new Date(hHour).toISOString(), window: { start: new Date(hHour - 3_600_000).toISOString(), end: new Date(hHour + 6 * 3_600_000).toISOString() },
          participants: participants.map((organizationId) => ({ organizationId, role: organizationId === operation.lead ? 'lead' : 'participant', unitIds: [] })),
          // With or without an objective area: an operation without map features must withdraw its
          // results and log from a live client that lost sight of it just the same.
          objectiveAreas: operation.objective === false ? [] : [{ key: 'objective', name: `Objective ${index}`, geometry: geometryOf(index + 50) }],
          release: operation.release,
        })
        assert.equal(response.status, 201, response.body)
        const created = response.json() as { id: string; objectiveAreas: Array<{ id: string }> }
        const joint: ModelJointOperation = {
          id: created.id, lead: operation.lead, participants, room, release: operation.release, status: 'draft',
          featureIds: created.objectiveAreas.map((area) => area.id), logIds: [], claimsRecorded: 0, everReleasedTo: new Set(),
        }
        jointOperations.push(joint)
        rememberOperation(joint)
        while (joint.status !== operation.stage) await planStep(joint)
      } else if (operation.op === 'op-release') {
        const joint = pickOperation(operation.pick, ['draft', 'proposed', 'approved'])
        if (!joint) return
        const response = await call(creators[joint.lead], 'PATCH', `/api/operations/${joint.id}`, { release: operation.release })
        // The amended plan is checked again: its lead and participants must still sit in its room.
        if (![joint.lead, ...joint.participants].every((organization) => members[joint.room]!.includes(organization))) {
          assert.equal(response.status, 422, response.body)
          return
        }
        assert.equal(response.status, 200, response.body)
        joint.release = operation.release
        if (joint.status === 'approved') joint.status = 'proposed'
        rememberOperation(joint)
      } else if (operation.op === 'op-advance') {
        const joint = pickOperation(operation.pick, ['draft', 'proposed', 'approved', 'active'])
        if (joint) await planStep(joint)
      } else if (operation.op === 'op-cancel') {
        const joint = pickOperation(operation.pick, ['draft', 'proposed', 'approved', 'active'])
        if (!joint) return
        const response = await call(creators[joint.lead], 'POST', `/api/operations/${joint.id}/cancel`, { reason: 'Called off' })
        assert.equal(response.status, 200, response.body)
        joint.status = 'cancelled'
      } else if (operation.op === 'op-log') {
        const joint = pickOperation(operation.pick, ['approved', 'active'])
        if (!joint) return
        const writer = joint.participants[operation.writer % joint.participants.length]!
        const response = await call(readers[writer], 'POST', `/api/operations/${joint.id}/log`, { text: `Entry ${joint.logIds.length} of ${writer}`, location: { type: 'Point', coordinates: [44.8, 34.8] } })
        assert.equal(response.status, 201, response.body)
        joint.logIds.push(response.json().id)
      } else {
        const joint = pickOperation(operation.pick, ['approved', 'active'])
        if (!joint) return
        const writer = joint.participants[operation.writer % joint.participants.length]!
        const response = await call(readers[writer], 'PUT', `/api/operations/${joint.id}/results/claims/${writer}`, { results: [{ item: 'militant', action: 'killed', count: operation.killed }] })
        assert.equal(response.status, 200, response.body)
        joint.claimsRecorded += 1
      }
    }

    async function apply(operation: Operation): Promise<void> {
      const before = JSON.stringify([objects.map((object) => [object.release, object.deleted]), jointOperations.map((joint) => [joint.status, joint.release, joint.logIds.length, joint.claimsRecorded])])
      await applyStep(operation)
      if (operation.op === 'members' || JSON.stringify([objects.map((object) => [object.release, object.deleted]), jointOperations.map((joint) => [joint.status, joint.release, joint.logIds.length, joint.claimsRecorded])]) !== before) {
        applied[operation.op] = (applied[operation.op] ?? 0) + 1
      }
    }

    async function applyStep(operation: Operation): Promise<void> {
      if (operation.op !== 'create' && operation.op !== 'release' && operation.op !== 'members' && operation.op !== 'delete') {
        await applyJoint(operation)
      } else if (operation.op === 'create') {
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
        jointOperations.forEach(rememberOperation)
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
      for (const reader of organizations) await checkOperationReadPaths(reader)
      // A fresh live snapshot holds exactly what is released.
      for (const reader of organizations) {
        const snapshot = await liveSnapshot(readers[reader])
        const expected = objects.filter((object) => !object.deleted && releasedTo(object).has(reader)).map((object) => object.id).sort()
        assert.deepEqual(snapshot.filter((item) => objects.some((object) => object.id === item.id)).map((item) => item.id).sort(), expected, `${reader} live snapshot`)
        const onLayers = expectedOnLayers(reader)
        for (const layer of operationLayers) {
          const seen = snapshot.filter((item) => item.layer === layer && operationOf(layer, item.id)).map((item) => item.id).sort()
          assert.deepEqual(seen, [...onLayers[layer]].sort(), `${reader} live snapshot of ${layer}`)
        }
      }
    }

    /** The operations' read paths for one reader: REST get, list, log and results; exports of the three layers; audit; the live client's view. */
    async function checkOperationReadPaths(reader: Organization): Promise<void> {
      const user = readers[reader]
      const released = jointOperations.filter((joint) => operationReleasedTo(joint).has(reader))
      const listed = (await call(user, 'GET', '/api/operations?limit=1000')).json() as Array<{ id: string }>
      assert.deepEqual(listed.map((item) => item.id).filter((id) => jointOperations.some((joint) => joint.id === id)).sort(), released.map((joint) => joint.id).sort(), `${reader} lists operations`)
      for (const joint of jointOperations) {
        const visible = operationReleasedTo(joint).has(reader)
        const url = `/api/operations/${joint.id}`
        assert.equal((await call(user, 'GET', url)).status, visible ? 200 : 404, `${reader} GET operation ${joint.id}`)
        assert.equal((await call(user, 'GET', `${url}/results`)).status, visible ? 200 : 404, `${reader} GET the results of operation ${joint.id}`)
        const log = await call(user, 'GET', `${url}/log`)
        assert.equal(log.status, visible ? 200 : 404, `${reader} GET the log of operation ${joint.id}`)
        if (visible) assert.deepEqual((log.json() as Array<{ id: string }>).map((entry) => entry.id).sort(), [...joint.logIds].sort(), `${reader} reads the log of operation ${joint.id}`)
      }
      const expected = expectedOnLayers(reader)
      for (const layer of operationLayers) {
        const exported = (await call(user, 'GET', `/api/exports/${layer}.geojson`)).json() as { features: Array<{ id: string }> }
        assert.deepEqual(exported.features.map((feature) => feature.id).filter((id) => operationOf(layer, id)).sort(), [...expected[layer]].sort(), `${reader} exports ${layer}`)
        // What the live client still holds after its deltas: never an object of an operation it lost sight of.
        for (const key of liveViews[reader]) {
          const [keyLayer, id] = key.split(' ') as [string, string]
          const joint = keyLayer === layer ? operationOf(layer, id) : undefined
          if (joint) assert.ok(expected[layer].has(id), `${reader}'s live client still holds ${layer} ${id} of operation ${joint.id} (status ${joint.status}), which the layer no longer gives it: no delete was sent`)
        }
      }
      const entries = (await call(user, 'GET', '/api/audit?limit=500')).json() as Array<{ objectId: string; action: string }>
      for (const entry of entries) {
        const joint = jointOperations.find((candidate) => candidate.id === entry.objectId)
        if (joint) assert.ok(joint.everReleasedTo.has(reader), `${reader} sees the audit entry ${entry.action} of operation ${joint.id}, never released to it`)
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

    async function liveSnapshot(user: string): Promise<Array<{ layer: string; id: string }>> {
      tokens[user] ??= (await tansiq.login(user)).authorization
      const socket = await connect(user)
      const ids: Array<{ layer: string; id: string }> = []
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no snapshot-end')), 20_000)
        socket.on('message', (frame) => {
          for (const message of JSON.parse(String(frame)) as Array<{ type: string; layer?: string; items?: Array<{ id: string }> }>) {
            if (message.type === 'snapshot') ids.push(...message.items!.map((item) => ({ layer: message.layer!, id: item.id })))
            if (message.type === 'snapshot-end') {
              clearTimeout(timer)
              resolve()
            }
          }
        })
        socket.send(JSON.stringify({ type: 'subscribe', layers: ['units', 'areas', 'reports', ...operationLayers] }))
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
        liveSockets[reader] = socket
        socket.on('message', (frame) => {
          for (const message of JSON.parse(String(frame)) as Array<{ type: string; layer: string; kind: string; id: string; data: { version?: number } | null; nonce?: string }>) {
            if (message.type === 'delta') deltas[reader].push(message)
            if (message.type === 'pong' && message.nonce) pongs[reader].add(message.nonce)
          }
        })
        socket.send(JSON.stringify({ type: 'subscribe', layers: ['units', 'areas', 'reports', ...operationLayers] }))
      }
    })
    after(async () => {
      sockets.forEach((socket) => socket.terminate())
      await tansiq.close()
    })

    test('no read path returns an object not released to the reader, and every released object is returned', async (t) => {
      t.after(() => t.diagnostic(`steps that took effect: ${Object.entries(applied).map(([op, count]) => `${op} ${count}`).join(', ')}; ${jointOperations.length} joint operations (${jointOperations.map((joint) => joint.status).join(' ')}), ${jointOperations.reduce((sum, joint) => sum + joint.logIds.length, 0)} log entries`))
      await fc.assert(
        fc.asyncProperty(fc.array(operationArbitrary, { minLength: 3, maxLength: 10 }), async (operations) => {
          for (const operation of operations) {
            const releasedBefore = new Map(jointOperations.map((joint) => [joint.id, operationReleasedTo(joint)]))
            await apply(operation)
            await settle()
            takeOperationDeltas(releasedBefore)
          }
          await new Promise((resolve) => setTimeout(resolve, 100)) // let live deltas arrive
          await settle()
          takeOperationDeltas(new Map())
          await checkReadPaths()
        }),
        {
          numRuns: Number(process.env.RELEASABILITY_RUNS ?? 8), endOnFailure: true, seed: process.env.RELEASABILITY_SEED ? Number(process.env.RELEASABILITY_SEED) : undefined,
          // Always tried first. An operation the JOC sees logs an entry and gets results, then its release narrows: the JOC must be told to drop them.
          examples: [[[
            { op: 'plan', lead: 'peshmerga', room: 0, others: ['iraqi-army'], release: { scope: 'organizations', organizationIds: ['joc'] }, stage: 'approved' },
            { op: 'op-log', pick: 0, writer: 1 },
            { op: 'op-claims', pick: 0, writer: 0, killed: 12 },
            { op: 'op-release', pick: 0, release: { scope: 'originator' } },
          ]], [[
            // The same for an operation without objective areas or axes (no map features to carry the change).
            { op: 'plan', lead: 'peshmerga', room: 0, others: ['iraqi-army'], release: { scope: 'organizations', organizationIds: ['joc'] }, stage: 'approved', objective: false },
            { op: 'op-log', pick: 0, writer: 1 },
            { op: 'op-claims', pick: 0, writer: 0, killed: 12 },
            { op: 'op-release', pick: 0, release: { scope: 'originator' } },
          ]], [[
            // An active operation released to its room, which the CTS joins and leaves: the CTS must drop its log and results.
            { op: 'members', room: 'alpha', members: ['peshmerga', 'iraqi-army', 'cts'] },
            { op: 'plan', lead: 'peshmerga', room: 0, others: ['iraqi-army'], release: { scope: 'room', roomId: 'alpha' }, stage: 'active' },
            { op: 'op-log', pick: 0, writer: 0 },
            { op: 'op-claims', pick: 0, writer: 1, killed: 15 },
            { op: 'members', room: 'alpha', members: ['peshmerga', 'iraqi-army'] },
          ]]],
        },
      )
    })
  })
}
