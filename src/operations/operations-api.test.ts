import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { WebSocket } from 'ws'
import { storageBackends } from '../platform/database/test-database.ts'
import { apiCaller, startTestTansiq, testPassword, type ApiCaller, type TestTansiq } from '../server/test-harness.ts'
import type { PictureChange } from '../live/picture-change.ts'
import { createApprovedReferenceOperation, referenceGeometry, referenceOperationNames, type ReferenceOperation } from './operation-test-fixture.ts'

const hour = 3_600_000
const minute = 60_000
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString()

// A CTS sector across the Peshmerga's Kifri axis, east of the villages.
const ctsSector = { type: 'Polygon', coordinates: [[[44.86, 34.72], [44.92, 34.72], [44.92, 34.78], [44.86, 34.78], [44.86, 34.72]]] }
// A CTS route through the villages, from Kirkuk's side towards Kifri.
const ctsRoute = { type: 'LineString', coordinates: [[44.7, 34.86], [44.8, 34.79], [44.9, 34.66]] }
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR photo of the Balkana checkpoint')])

interface Step { kind: string; organizationId: string | null }

/** A live client that collects every message of a real socket. */
async function liveClient(url: string, token: string): Promise<{ messages: Array<Record<string, unknown>>; socket: WebSocket; waitFor(predicate: (message: Record<string, unknown>) => boolean, what: string): Promise<Record<string, unknown>> }> {
  const socket = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } })
  const messages: Array<Record<string, unknown>> = []
  socket.on('message', (data) => messages.push(...(JSON.parse(data.toString()) as Array<Record<string, unknown>>)))
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  return {
    messages, socket,
    async waitFor(predicate, what) {
      const deadline = Date.now() + 10_000
      for (;;) {
        const found = messages.find(predicate)
        if (found) return found
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
  }
}

for (const backend of storageBackends()) {
  describe(`joint operations over HTTP on ${backend}`, { timeout: 300_000 }, () => {
    let tansiq: TestTansiq
    let call: ApiCaller
    let reference: ReferenceOperation
    let ctsSectorId: string
    const changes: PictureChange[] = []
    const count = async (table: string) => Number((await tansiq.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n)
    const counts = async () => ({
      operations: await count('operations'), approvals: await count('operation_approvals'), log: await count('operation_log'), photos: await count('operation_log_photos'),
      movements: await count('movements'), audit: await count(`audit_log where object_type = 'operation'`),
    })

    /** A plan like the reference one, for the bad-input cases (units of the reference operation). */
    const plan = (overrides: Record<string, unknown> = {}) => {
      const hHour = Date.parse(reference.hHour)
      return {
        roomId: 'kirkuk',
        names: { ar: 'عملية الفجر', ckb: 'ئۆپەراسیۆنی بەرەبەیان', en: 'Dawn' },
        hHour: reference.hHour,
        window: { start: new Date(hHour - 2 * hour).toISOString(), end: new Date(hHour + 12 * hour).toISOString() },
        participants: [
          { organizationId: 'peshmerga', role: 'lead', unitIds: [reference.units.peshmerga], liaison: { name: 'Capt. Karwan', radio: 'Dawn net' } },
          { organizationId: 'iraqi-army', role: 'participant', unitIds: [reference.units.army], liaison: { name: 'Capt. Mustafa', radio: 'Dawn net' } },
        ],
        objectiveAreas: [{ key: 'villages', name: 'Villages', geometry: referenceGeometry.objectiveArea }],
        axes: [{ key: 'kifri-axis', name: 'Kifri axis', geometry: referenceGeometry.peshmergaAxis }],
        phases: [{ name: 'Advance', startOffsetMinutes: 0, endOffsetMinutes: 180, axisKeys: ['kifri-axis'] }],
        ...overrides,
      }
    }
    const draft = async (overrides: Record<string, unknown> = {}) => {
      const created = await call('pesh.commander', 'POST', '/api/operations', plan(overrides))
      assert.equal(created.status, 201, JSON.stringify(created.body))
      return created.body as { id: string; planRevision: number }
    }
    const proposed = async (overrides: Record<string, unknown> = {}) => {
      const { id } = await draft(overrides)
      const answer = await call('pesh.watch', 'POST', `/api/operations/${id}/propose`, {})
      assert.equal(answer.status, 200, JSON.stringify(answer.body))
      return answer.body as { id: string; planRevision: number; status: string }
    }

    before(async () => {
      tansiq = await startTestTansiq(backend, { MOVEMENT_CHECK_SECONDS: '0' })
      tansiq.bus.subscribe((change) => changes.push(change))
      call = apiCaller(tansiq)
      const room = await call('admin', 'POST', '/api/rooms', {
        id: 'kirkuk', names: { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' },
        memberOrganizationIds: ['peshmerga', 'iraqi-army', 'cts', 'joc', 'coalition'],
      })
      assert.equal(room.status, 201, JSON.stringify(room.body))
      // The CTS sector is the CTS's alone: the deconfliction weighs it all the same.
      const sector = await call('cts.commander', 'POST', '/api/areas', { kind: 'aor', names: { en: 'CTS Kifri road sector' }, geometry: ctsSector, roomId: 'kirkuk', validFrom: at(-24 * hour) })
      assert.equal(sector.status, 201, JSON.stringify(sector.body))
      ctsSectorId = sector.body.id
      const coalitionCommander = await call('admin', 'POST', '/api/users', { username: 'coalition.commander', displayName: 'Coalition liaison commander', organizationId: 'coalition', role: 'commander', password: testPassword })
      assert.equal(coalitionCommander.status, 201, JSON.stringify(coalitionCommander.body))
      await tansiq.movements.settled()
      reference = await createApprovedReferenceOperation(tansiq)
    })
    after(async () => {
      await tansiq.close()
    })

    test('Black Earth: planned by the Peshmerga with the army and coalition support, approved by both commanders, released to every participant', async () => {
      const operation = reference.operation
      assert.equal(operation.status, 'approved')
      assert.deepEqual(operation.names, referenceOperationNames)
      assert.equal(operation.organizationId, 'peshmerga')
      assert.equal(operation.planRevision, 1)
      assert.deepEqual(operation.participants.map((participant: { organizationId: string; role: string; approves: boolean }) => [participant.organizationId, participant.role, participant.approves]),
        [['peshmerga', 'lead', true], ['iraqi-army', 'participant', true], ['coalition', 'support', false]])
      assert.deepEqual(operation.approvals.map((approval: { organizationId: string; approvedBy: string; planRevision: number }) => [approval.organizationId, approval.approvedBy, approval.planRevision]),
        [['peshmerga', 'pesh.commander', 1], ['iraqi-army', 'army.commander', 1]])
      assert.deepEqual(operation.pendingApprovals, [])
      const byLead = (await call('pesh.watch', 'GET', `/api/operations/${reference.operationId}`)).body
      assert.deepEqual(byLead.release, { scope: 'organizations', organizationIds: ['coalition', 'iraqi-army'], roomId: null, releasedTo: ['coalition', 'iraqi-army', 'peshmerga'] })
      assert.equal(operation.objectiveAreas[0].geometry.type, 'MultiPolygon')
      assert.ok(operation.objectiveAreas[0].areaKm2 > 100 && operation.objectiveAreas[0].areaKm2 < 130, `${operation.objectiveAreas[0].areaKm2} km²`)
      assert.deepEqual(operation.axes.map((axis: { key: string; organizationId: string; unitIds: string[] }) => [axis.key, axis.organizationId, axis.unitIds]),
        [['kifri-axis', 'peshmerga', [reference.units.peshmerga]], ['tuz-axis', 'iraqi-army', [reference.units.army]]])
      assert.deepEqual(operation.phases.map((phase: { ordinal: number; start: string; end: string }) => [phase.ordinal, phase.start, phase.end]), [
        [1, reference.hHour, new Date(Date.parse(reference.hHour) + 4 * hour).toISOString()],
        [2, new Date(Date.parse(reference.hHour) + 4 * hour).toISOString(), new Date(Date.parse(reference.hHour) + 12 * hour).toISOString()],
        [3, new Date(Date.parse(reference.hHour) + 12 * hour).toISOString(), new Date(Date.parse(reference.hHour) + 16 * hour).toISOString()],
      ])
      // The coalition (a viewer) sees the plan; the CTS, not a participant, does not.
      const byCoalition = await call('coalition.viewer', 'GET', `/api/operations/${reference.operationId}`)
      assert.equal(byCoalition.status, 200)
      assert.deepEqual(byCoalition.body.release, { scope: 'organizations' })
      assert.equal((await call('cts.commander', 'GET', `/api/operations/${reference.operationId}`)).status, 404)
      assert.deepEqual((await call('cts.commander', 'GET', '/api/operations')).body.filter((listed: { id: string }) => listed.id === reference.operationId), [])
      assert.equal((await call('army.watch', 'GET', '/api/operations?status=approved')).body.some((listed: { id: string }) => listed.id === reference.operationId), true)

      const audit = (await call('pesh.commander', 'GET', '/api/audit?limit=500')).body as Array<{ action: string; objectId: string; actorUsername?: string }>
      for (const action of ['operation.created', 'operation.proposed', 'operation.approved']) {
        assert.ok(audit.some((entry) => entry.action === action && entry.objectId === reference.operationId), action)
      }
      // The map: each objective area and axis, live to every participant, in the room.
      const features = changes.filter((change) => change.layer === 'operations' && (change.data as { operationId?: string } | null)?.operationId === reference.operationId)
      assert.ok(features.length >= 3)
      const last = features.at(-1)!
      assert.deepEqual([...last.releasedTo], ['coalition', 'iraqi-army', 'peshmerga'])
      assert.deepEqual(last.roomIds, ['kirkuk'])
      assert.equal((last.data as { operation: { status: string } }).operation.status, 'approved')
      const layer = tansiq.layers.get('operations')!
      const onMap: Array<{ id: string; kind: string }> = []
      for await (const feature of layer.list({ organizationId: 'coalition' }, { roomId: 'kirkuk' })) onMap.push(feature as { id: string; kind: string })
      assert.deepEqual(onMap.filter((feature) => operation.axes.some((axis: { id: string }) => axis.id === feature.id) || operation.objectiveAreas[0].id === feature.id).length, 3)
      onMap.length = 0
      for await (const feature of layer.list({ organizationId: 'cts' }, {})) onMap.push(feature as { id: string; kind: string })
      assert.equal(onMap.length, 0, 'nothing of the operation reaches the CTS map')
    })

    test('the routes are described in the OpenAPI document, with the plan\'s schema', async () => {
      const document = (await tansiq.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
      for (const [path, method] of [['/api/operations', 'get'], ['/api/operations', 'post'], ['/api/operations/{id}', 'get'], ['/api/operations/{id}', 'patch'],
        ['/api/operations/{id}/propose', 'post'], ['/api/operations/{id}/approve', 'post'], ['/api/operations/{id}/start', 'post'], ['/api/operations/{id}/complete', 'post'],
        ['/api/operations/{id}/cancel', 'post'], ['/api/operations/{id}/log', 'get'], ['/api/operations/{id}/log', 'post'], ['/api/operations/{id}/log/{entryId}/photo', 'get']] as const) {
        assert.ok(document.paths[path]?.[method], `${method} ${path}`)
      }
      const body = document.paths['/api/operations'].post.requestBody.content['application/json'].schema
      assert.deepEqual(Object.keys(body.properties).sort(), ['axes', 'hHour', 'names', 'objective', 'objectiveAreas', 'participants', 'phases', 'release', 'roomId', 'window'])
      assert.equal(body.additionalProperties, false)
    })

    test('the approval notifies a movement for each axis in each phase; the Kifri axis crosses the CTS sector: the CTS is told, acknowledges, and the movement is cleared; the operation\'s own objects never conflict', async () => {
      const produced = reference.operation.movements as Array<{ id: string; organizationId: string; axisKey: string; phaseOrdinal: number; status: string; plannedStart: string; affectedOrganizationIds: string[] }>
      assert.deepEqual(produced.map((movement) => [movement.axisKey, movement.phaseOrdinal, movement.organizationId]),
        [['kifri-axis', 1, 'peshmerga'], ['tuz-axis', 1, 'iraqi-army'], ['kifri-axis', 3, 'peshmerga']])
      assert.equal(produced[0]!.plannedStart, reference.hHour)
      const kifri = produced[0]!
      assert.deepEqual(kifri.affectedOrganizationIds, ['cts'])
      const movement = (await call('pesh.watch', 'GET', `/api/movements/${kifri.id}`)).body
      assert.equal(movement.operationId, reference.operationId)
      assert.equal(movement.status, 'submitted')
      assert.deepEqual(movement.unitIds, [reference.units.peshmerga])
      assert.deepEqual(movement.size, { vehicles: 40, personnel: 300 })
      assert.equal(movement.liaison.name, 'Lt. Col. Hemin Aziz')
      assert.match(movement.purpose, /Black Earth .*الأرض السوداء/)
      // The army's axis ends a kilometre and a half from the Peshmerga's, both cross the villages: none of it is a finding.
      assert.deepEqual(movement.findings.map((finding: { counterpart: { type: string; id: string; organizationId: string }; crosses: boolean }) => [finding.counterpart.type, finding.counterpart.id, finding.counterpart.organizationId, finding.crosses]),
        [['area', ctsSectorId, 'cts', true]])
      const armyMovement = (await call('army.watch', 'GET', `/api/movements/${produced[1]!.id}`)).body
      assert.deepEqual(armyMovement.findings, [], 'the army\'s axis meets only objects of the same operation')
      assert.equal(armyMovement.status, 'cleared')
      assert.deepEqual((movement.timeline as Step[]).map((step) => step.organizationId ? `${step.kind}:${step.organizationId}` : step.kind), ['created:peshmerga', 'submitted', 'findings-computed', 'notified:cts'])

      // The CTS was told: it sees the movement and its own sector's finding, and acknowledges.
      const byCts = await call('cts.liaison', 'GET', `/api/movements/${kifri.id}`)
      assert.equal(byCts.status, 200)
      assert.equal(byCts.body.findings.length, 1)
      const acknowledged = await call('cts.liaison', 'POST', `/api/movements/${kifri.id}/acknowledge`, { note: 'The Kifri road checkpoint is told' })
      assert.equal(acknowledged.status, 200, JSON.stringify(acknowledged.body))
      assert.equal(acknowledged.body.status, 'cleared')
      // An operation's movement is amended through the operation's plan only.
      const amended = await call('pesh.watch', 'PATCH', `/api/movements/${kifri.id}`, { purpose: 'Elsewhere' })
      assert.equal(amended.status, 409)
      assert.match(amended.body.detail, /amend the operation/)
    })

    test('a CTS movement through the villages during the window meets the operation: its objective area and axes are findings of type operation, conflicted until the Peshmerga and the army acknowledge', async () => {
      const start = new Date(Date.parse(reference.hHour) + 5 * hour).toISOString()
      const created = await call('cts.liaison', 'POST', '/api/movements', {
        roomId: 'kirkuk', unitIds: [(await call('cts.commander', 'POST', '/api/units', { names: { en: 'CTS convoy' }, echelon: 'company', sidc: 'SFGPUCI----E---' })).body.id],
        route: ctsRoute, plannedStart: start, plannedEnd: new Date(Date.parse(start) + 2 * hour).toISOString(), size: { vehicles: 6, personnel: 30 },
        purpose: 'Supply run to the Kifri checkpoint', liaison: { name: 'Lt. Saif', radio: 'CTS net 2' }, submit: true,
      })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      const operationFindings = (created.body.findings as Array<{ counterpart: { type: string; id: string; organizationId: string } }>).filter((finding) => finding.counterpart.type === 'operation')
      // The objective area is the lead's; each axis is its own organization's (the route crosses the army's and passes near the Peshmerga's).
      const [objective] = reference.operation.objectiveAreas
      const [kifriAxis, tuzAxis] = reference.operation.axes
      assert.deepEqual(operationFindings.map((finding) => [finding.counterpart.id, finding.counterpart.organizationId]).sort(),
        [[objective.id, 'peshmerga'], [kifriAxis.id, 'peshmerga'], [tuzAxis.id, 'iraqi-army']].sort())
      assert.equal(created.body.status, 'conflicted')
      assert.deepEqual(created.body.parties.map((party: { organizationId: string; affected: boolean }) => [party.organizationId, party.affected]), [['iraqi-army', true], ['peshmerga', true]])
      const byPeshmerga = await call('pesh.liaison', 'POST', `/api/movements/${created.body.id}/acknowledge`, {})
      assert.equal(byPeshmerga.body.status, 'conflicted', 'the army has not acknowledged yet')
      const byArmy = await call('army.liaison', 'POST', `/api/movements/${created.body.id}/acknowledge`, {})
      assert.equal(byArmy.body.status, 'cleared')
      await call('cts.liaison', 'POST', `/api/movements/${created.body.id}/cancel`, {})
      await tansiq.movements.settled()
    })

    test('approval by a non-commander, by a non-participant, by support, of a stale revision, twice or of a draft, and a start before every approval: clear problems, nothing recorded', async () => {
      const inRoom = await proposed({ release: { scope: 'room', roomId: 'kirkuk' }, participants: [...plan().participants, { organizationId: 'coalition', role: 'support', unitIds: [] }] })
      const url = `/api/operations/${inRoom.id}/approve`
      const before = await counts()
      const byWatch = await call('army.watch', 'POST', url, { planRevision: 1 })
      assert.equal(byWatch.status, 403)
      assert.equal(byWatch.body.code, 'forbidden')
      assert.match(byWatch.body.detail, /commander of iraqi-army/)
      const byOutsider = await call('cts.commander', 'POST', url, { planRevision: 1 })
      assert.equal(byOutsider.status, 403)
      assert.equal(byOutsider.body.code, 'not-participant')
      const bySupport = await call('coalition.commander', 'POST', url, { planRevision: 1 })
      assert.equal(bySupport.status, 403)
      assert.match(bySupport.body.detail, /support/)
      const stale = await call('army.commander', 'POST', url, { planRevision: 7 })
      assert.equal(stale.status, 409)
      assert.equal(stale.body.code, 'stale-plan-revision')
      assert.equal((await call('army.commander', 'POST', url, {})).status, 400, 'the revision approved is required')
      assert.deepEqual(await counts(), before)

      const first = await call('pesh.commander', 'POST', url, { planRevision: 1 })
      assert.equal(first.body.status, 'proposed')
      assert.deepEqual(first.body.pendingApprovals, ['iraqi-army'])
      assert.equal((await call('pesh.commander', 'POST', url, { planRevision: 1 })).body.code, 'conflict', 'an organization approves a revision once')
      const early = await call('pesh.commander', 'POST', `/api/operations/${inRoom.id}/start`, {})
      assert.equal(early.status, 409)
      assert.equal(early.body.code, 'approvals-pending')
      assert.match(early.body.detail, /iraqi-army/)

      // Amending after proposal makes a new revision: the lead's approval no longer counts; the army's approval of revision 1 is stale.
      const amended = await call('pesh.watch', 'PATCH', `/api/operations/${inRoom.id}`, { objective: 'Clear the villages and hand them over to the army' })
      assert.equal(amended.status, 200, JSON.stringify(amended.body))
      assert.equal(amended.body.planRevision, 2)
      assert.deepEqual(amended.body.pendingApprovals, ['iraqi-army', 'peshmerga'])
      const staleAfterAmendment = await call('army.commander', 'POST', url, { planRevision: 1 })
      assert.equal(staleAfterAmendment.body.code, 'stale-plan-revision')

      const aDraft = await draft()
      const draftApproval = await call('army.commander', 'POST', `/api/operations/${aDraft.id}/approve`, { planRevision: 1 })
      assert.equal(draftApproval.status, 409)
      assert.match(draftApproval.body.detail, /draft operation cannot be approved/)
      assert.equal((await call('army.commander', 'POST', `/api/operations/${aDraft.id}/propose`, {})).status, 403, 'only the lead proposes')
    })

    test('an amendment after approval voids the approvals and cancels the movements; the new approval notifies them again', async () => {
      const operation = await proposed()
      await call('pesh.commander', 'POST', `/api/operations/${operation.id}/approve`, { planRevision: 1 })
      const approved = await call('army.commander', 'POST', `/api/operations/${operation.id}/approve`, { planRevision: 1 })
      assert.equal(approved.body.status, 'approved')
      const waiting = ['submitted', 'cleared', 'conflicted']
      const [first] = approved.body.movements
      assert.ok(waiting.includes(first.status), first.status)
      assert.equal((await call('army.watch', 'PATCH', `/api/operations/${operation.id}`, { objective: 'x' })).status, 403, 'only the lead amends')
      const amended = await call('pesh.watch', 'PATCH', `/api/operations/${operation.id}`, { phases: [{ name: 'Advance', startOffsetMinutes: 30, endOffsetMinutes: 240, axisKeys: ['kifri-axis'] }] })
      assert.equal(amended.status, 200, JSON.stringify(amended.body))
      assert.equal(amended.body.status, 'proposed')
      assert.equal(amended.body.planRevision, 2)
      assert.deepEqual(amended.body.movements.map((movement: { status: string }) => movement.status), ['cancelled'])
      assert.equal(amended.body.axes[0].id, approved.body.axes[0].id, 'a feature keeps its id across amendments')
      await call('pesh.commander', 'POST', `/api/operations/${operation.id}/approve`, { planRevision: 2 })
      const again = await call('army.commander', 'POST', `/api/operations/${operation.id}/approve`, { planRevision: 2 })
      assert.equal(again.body.status, 'approved')
      assert.deepEqual(again.body.movements.map((movement: { status: string; plannedStart: string }) => [waiting.includes(movement.status) ? 'waiting' : movement.status, movement.plannedStart]),
        [['cancelled', reference.hHour], ['waiting', new Date(Date.parse(reference.hHour) + 30 * minute).toISOString()]])

      const cancelled = await call('pesh.commander', 'POST', `/api/operations/${operation.id}/cancel`, { reason: 'Weather' })
      assert.equal(cancelled.body.status, 'cancelled')
      assert.equal(cancelled.body.cancelReason, 'Weather')
      assert.deepEqual(cancelled.body.movements.map((movement: { status: string }) => movement.status), ['cancelled', 'cancelled'])
      const removal = changes.filter((change) => change.layer === 'operations' && change.id === approved.body.axes[0].id).at(-1)!
      assert.equal(removal.kind, 'delete')
      assert.equal((await call('pesh.commander', 'PATCH', `/api/operations/${operation.id}`, { objective: 'x' })).status, 409)
      await tansiq.movements.settled()
    })

    test('a plan with phases outside the window, foreign units, an axis of support, unknown axes or a targeting field is refused with nothing recorded', async () => {
      const before = await counts()
      const outside = await call('pesh.commander', 'POST', '/api/operations', plan({ phases: [{ name: 'Too late', startOffsetMinutes: 600, endOffsetMinutes: 900, axisKeys: [] }] }))
      assert.equal(outside.status, 422)
      assert.equal(outside.body.code, 'plan-invalid')
      assert.match(outside.body.detail, /Phase 1 \(Too late\) runs .* outside the operation's window/)
      assert.equal(outside.body.problems[0].path, 'phases.0')
      const foreignUnit = await call('pesh.commander', 'POST', '/api/operations', plan({ participants: [
        { organizationId: 'peshmerga', role: 'lead', unitIds: [reference.units.army], liaison: { name: 'Capt. Karwan', radio: 'net' } },
        { organizationId: 'iraqi-army', role: 'participant', unitIds: [] },
      ] }))
      assert.equal(foreignUnit.status, 422)
      assert.match(foreignUnit.body.detail, /belongs to iraqi-army, not to peshmerga/)
      const supportAxis = await call('pesh.commander', 'POST', '/api/operations', plan({
        participants: [...plan().participants, { organizationId: 'coalition', role: 'support', unitIds: [] }],
        axes: [{ key: 'air-axis', name: 'Support axis', organizationId: 'coalition', geometry: referenceGeometry.armyAxis }], phases: [],
      }))
      assert.equal(supportAxis.status, 422)
      assert.match(supportAxis.body.detail, /supports the operation/)
      const unknownAxis = await call('pesh.commander', 'POST', '/api/operations', plan({ phases: [{ name: 'Advance', startOffsetMinutes: 0, endOffsetMinutes: 60, axisKeys: ['nowhere'] }] }))
      assert.match(unknownAxis.body.detail, /not an axis of the operation/)
      const notLead = await call('pesh.commander', 'POST', '/api/operations', plan({ participants: [{ organizationId: 'iraqi-army', role: 'lead', unitIds: [] }, { organizationId: 'peshmerga', role: 'participant', unitIds: [] }] }))
      assert.equal(notLead.status, 422)
      const outsider = await call('pesh.commander', 'POST', '/api/operations', plan({ participants: [...plan().participants, { organizationId: 'asayish', role: 'participant', unitIds: [] }] }))
      assert.match(outsider.body.detail, /asayish is not a member of room kirkuk/)
      const targeting = await call('pesh.commander', 'POST', '/api/operations', { ...plan(), targets: [{ name: 'Cave complex', point: [44.8, 34.8] }] })
      assert.equal(targeting.status, 400)
      assert.equal(targeting.body.code, 'validation-failed')
      const strike = await call('pesh.commander', 'POST', '/api/operations', plan({ participants: [...plan().participants, { organizationId: 'coalition', role: 'support', unitIds: [], strikeRequests: ['x'] }] }))
      assert.equal(strike.status, 400)
      const byViewer = await call('coalition.viewer', 'POST', '/api/operations', plan())
      assert.equal(byViewer.status, 403)
      const widened = await call('pesh.watch', 'POST', '/api/operations', plan({ release: { scope: 'organizations', organizationIds: ['joc'] } }))
      assert.equal(widened.status, 403, 'releasing beyond the participants needs the commander')
      const selfCrossing = await call('pesh.commander', 'POST', '/api/operations', plan({ objectiveAreas: [{ key: 'bow', name: 'Bow tie', geometry: { type: 'Polygon', coordinates: [[[44.7, 34.7], [44.8, 34.8], [44.8, 34.7], [44.7, 34.8], [44.7, 34.7]]] } }] }))
      assert.equal(selfCrossing.status, 400)
      assert.equal(selfCrossing.body.code, 'invalid-geometry')
      assert.deepEqual(await counts(), before)

      // Amendments are checked the same way.
      const operation = await draft()
      const afterDraft = await counts()
      const amended = await call('pesh.commander', 'PATCH', `/api/operations/${operation.id}`, { hHour: new Date(Date.parse(reference.hHour) + 11 * hour).toISOString() })
      assert.equal(amended.status, 422)
      assert.match(amended.body.detail, /outside the operation's window/)
      assert.deepEqual(await counts(), afterDraft)
    })

    test('an operation approved with less notice than the room asks notifies its movements with a justification that refers to it; a room release follows the room\'s members', async () => {
      const hHour = new Date(Math.ceil((Date.now() + 2 * hour) / minute) * minute)
      const soon = await proposed({
        hHour: hHour.toISOString(), window: { start: new Date(hHour.getTime() - hour).toISOString(), end: new Date(hHour.getTime() + 6 * hour).toISOString() },
        release: { scope: 'room', roomId: 'kirkuk' },
      })
      await call('pesh.commander', 'POST', `/api/operations/${soon.id}/approve`, { planRevision: 1 })
      const approved = await call('army.commander', 'POST', `/api/operations/${soon.id}/approve`, { planRevision: 1 })
      assert.equal(approved.status, 200, JSON.stringify(approved.body))
      const movement = (await call('pesh.watch', 'GET', `/api/movements/${approved.body.movements[0].id}`)).body
      assert.equal(movement.notice.requiredMinutes, 24 * 60)
      assert.ok(movement.notice.givenMinutes <= 121 && movement.notice.givenMinutes > 100, String(movement.notice.givenMinutes))
      assert.match(movement.notice.justification, new RegExp(`Notified by joint operation Dawn \\(${soon.id}\\) when every participating organization approved revision 1`))

      const room = await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: ['peshmerga', 'iraqi-army', 'cts', 'joc', 'coalition', 'asayish'] })
      assert.equal(room.status, 200, JSON.stringify(room.body))
      const releasedTo = async () => (await tansiq.database.query<{ released_to: string[] }>('select released_to from operations where id = $1', [soon.id]))[0]!.released_to
      for (let attempt = 0; attempt < 100 && !(await releasedTo()).includes('asayish'); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 50))
      assert.deepEqual(await releasedTo(), ['asayish', 'coalition', 'cts', 'iraqi-army', 'joc', 'peshmerga'])
      await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: ['peshmerga', 'iraqi-army', 'cts', 'joc', 'coalition'] })
      for (let attempt = 0; attempt < 100 && (await releasedTo()).includes('asayish'); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 50))
      assert.deepEqual(await releasedTo(), ['coalition', 'cts', 'iraqi-army', 'joc', 'peshmerga'])
      await call('pesh.commander', 'POST', `/api/operations/${soon.id}/cancel`, {})
      await tansiq.movements.settled()
    })

    test('the live log: participants write entries with a place, unit and photo, live to those the operation is released to; others cannot write; every entry is audited', async () => {
      const id = reference.operationId
      const url = `/api/operations/${id}/log`
      const port = await tansiq.app.listen({ port: 0, host: '127.0.0.1' }).then(() => (tansiq.app.server.address() as { port: number }).port)
      const liveUrl = `ws://127.0.0.1:${port}/api/live`
      const army = await liveClient(liveUrl, (await tansiq.login('army.watch')).token)
      const outsider = await liveClient(liveUrl, (await tansiq.login('cts.liaison')).token)
      try {
        for (const client of [army, outsider]) {
          client.socket.send(JSON.stringify({ type: 'subscribe', layers: ['operations', 'operation-log'], roomId: 'kirkuk' }))
          await client.waitFor((message) => message.type === 'snapshot-end', 'the snapshot')
        }
        const snapshot = army.messages.filter((message) => message.type === 'snapshot' && message.layer === 'operations').flatMap((message) => message.items as Array<{ operationId: string }>)
        assert.ok(snapshot.some((feature) => feature.operationId === id), 'the army\'s map shows the operation')

        const before = await counts()
        // The log opens once the operation is approved; the coalition's viewer and the CTS may not write.
        const byViewer = await call('coalition.viewer', 'POST', url, { text: 'Air picture clear over Qurijay' })
        assert.equal(byViewer.status, 403)
        assert.equal((await call('cts.liaison', 'POST', url, { text: 'Not ours' })).status, 404)
        const badPhoto = await call('pesh.watch', 'POST', url, { text: 'Photo', photo: { contentType: 'image/png', data: Buffer.from('<script>alert(1)</script>').toString('base64') } })
        assert.equal(badPhoto.status, 415)
        assert.match(badPhoto.body.detail, /not image\/png/)
        const future = await call('pesh.watch', 'POST', url, { text: 'Later', at: at(2 * hour) })
        assert.equal(future.status, 400)
        const foreignUnit = await call('pesh.watch', 'POST', url, { text: 'Unit', unitId: '00000000-0000-4000-8000-000000000000' })
        assert.equal(foreignUnit.status, 422)
        assert.deepEqual(await counts(), before)

        const started = await call('pesh.commander', 'POST', `/api/operations/${id}/start`, {})
        assert.equal(started.status, 200, JSON.stringify(started.body))
        assert.equal(started.body.status, 'active')
        const text = 'وصلت قوات البيشمركة إلى مشارف قرية بلكانة — هێزەکانی پێشمەرگە گەیشتنە نزیک گوندی بەلکانە'
        const entry = await call('pesh.watch', 'POST', url, {
          text, location: { type: 'Point', coordinates: [44.8, 34.79] }, unitId: reference.units.peshmerga,
          photo: { contentType: 'image/png', fileName: 'بلكانة.png', data: png.toString('base64') },
        })
        assert.equal(entry.status, 201, JSON.stringify(entry.body))
        assert.equal(entry.body.text, text)
        assert.equal(entry.body.organizationId, 'peshmerga')
        assert.equal(entry.body.photo.contentType, 'image/png')
        assert.equal(entry.body.photo.sizeBytes, png.length)
        const armyEntry = await call('army.liaison', 'POST', url, { text: 'The 52nd Brigade holds the Tuz Khurmatu road junction', unitId: reference.units.army })
        assert.equal(armyEntry.status, 201)

        // Live: the army's client gets the entry; the CTS's does not.
        const delta = await army.waitFor((message) => message.type === 'delta' && message.layer === 'operation-log' && message.id === entry.body.id, 'the log entry')
        assert.equal((delta.data as { text: string }).text, text)
        await army.waitFor((message) => message.type === 'delta' && message.layer === 'operation-log' && message.id === armyEntry.body.id, 'the army\'s entry')
        assert.equal(outsider.messages.some((message) => message.type === 'delta' && (message.layer === 'operation-log' || message.layer === 'operations')), false)

        const log = await call('coalition.viewer', 'GET', url)
        assert.equal(log.status, 200)
        assert.deepEqual(log.body.map((listed: { id: string }) => listed.id), [entry.body.id, armyEntry.body.id])
        assert.equal((await call('cts.liaison', 'GET', url)).status, 404)
        const photo = await tansiq.app.inject({ method: 'GET', url: `${url}/${entry.body.id}/photo`, headers: { authorization: (await tansiq.login('coalition.viewer')).authorization } })
        assert.equal(photo.statusCode, 200)
        assert.equal(photo.headers['content-type'], 'image/png')
        assert.equal(photo.headers['x-content-type-options'], 'nosniff')
        assert.match(String(photo.headers['content-disposition']), /^attachment;/)
        assert.deepEqual(photo.rawPayload, png)
        const hidden = await tansiq.app.inject({ method: 'GET', url: `${url}/${entry.body.id}/photo`, headers: { authorization: (await tansiq.login('cts.liaison')).authorization } })
        assert.equal(hidden.statusCode, 404)

        const audit = (await call('army.commander', 'GET', '/api/audit?limit=500')).body as Array<{ action: string; objectId: string }>
        assert.equal(audit.filter((entry) => entry.action === 'operation.log-entry-added' && entry.objectId === id).length, 2)

        const completed = await call('pesh.watch', 'POST', `/api/operations/${id}/complete`, {})
        assert.equal(completed.body.status, 'completed')
        assert.ok(completed.body.movements.every((movement: { status: string }) => movement.status === 'cancelled' || movement.status === 'completed'))
        assert.equal((await call('pesh.watch', 'POST', url, { text: 'After the end' })).status, 409, 'the log closes with the operation')
      } finally {
        army.socket.terminate()
        outsider.socket.terminate()
      }
    })
  })
}
