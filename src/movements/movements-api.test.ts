import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { storageBackends } from '../platform/database/test-database.ts'
import { apiCaller, startTestTansiq, type ApiCaller, type TestTansiq } from '../server/test-harness.ts'
import type { PictureChange } from '../live/picture-change.ts'

interface Step { kind: string; organizationId: string | null; detail: Record<string, unknown> }

const hour = 3_600_000
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString()

// Kifri (34.69 N, 44.96 E) towards Tuz Khurmatu (34.88 N, 44.63 E), through the army's sector around Tuz.
const kifriToTuz = { type: 'LineString', coordinates: [[44.96, 34.69], [44.85, 34.76], [44.72, 34.83], [44.63, 34.88]] }
const tuzSector = { type: 'Polygon', coordinates: [[[44.55, 34.8], [44.8, 34.8], [44.8, 35.0], [44.55, 35.0], [44.55, 34.8]]] }
// A route far to the south-east (Jalawla–Khanaqin), crossing nobody's sector at first.
const jalawlaRoute = { type: 'LineString', coordinates: [[45.16, 34.27], [45.3, 34.33], [45.43, 34.34]] }
// A sector created later across the Jalawla route.
const jalawlaSector = { type: 'Polygon', coordinates: [[[45.25, 34.25], [45.35, 34.25], [45.35, 34.4], [45.25, 34.4], [45.25, 34.25]]] }

for (const backend of storageBackends()) {
  describe(`coordinated movements over HTTP on ${backend}`, () => {
    let tansiq: TestTansiq
    const changes: PictureChange[] = []
    let call: ApiCaller
    const count = async (table: string) => Number((await tansiq.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n)
    // Audit entries of movements only: a first login of a user is audited too.
    const counts = async () => ({ movements: await count('movements'), timeline: await count('movement_timeline'), parties: await count('movement_parties'), findings: await count('movement_findings'), audit: await count(`audit_log where object_type = 'movement'`) })
    let peshUnit: string
    let armyUnit: string
    let armyRoomUnit: string
    let armySector: string
    const movement = (overrides: Record<string, unknown> = {}) => ({
      roomId: 'kirkuk', unitIds: [peshUnit], route: kifriToTuz, plannedStart: at(48 * hour), plannedEnd: at(54 * hour),
      size: { vehicles: 12, personnel: 80 }, purpose: 'Resupply of the Tuz Khurmatu positions', liaison: { name: 'Capt. Hemin', phone: '+964 750 000 0000', radio: 'Net 3' },
      precedence: 'routine', ...overrides,
    })
    const steps = (detail: { timeline: Step[] }) => detail.timeline.map((step) => step.organizationId ? `${step.kind}:${step.organizationId}` : step.kind)

    before(async () => {
      tansiq = await startTestTansiq(backend, { MOVEMENT_CHECK_SECONDS: '0' })
      call = apiCaller(tansiq)
      tansiq.bus.subscribe((change) => changes.push(change))
      const names = { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' }
      assert.equal((await call('admin', 'POST', '/api/rooms', { id: 'kirkuk', names, memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc'] })).status, 201)
      const pesh = await call('pesh.watch', 'POST', '/api/units', { names: { en: '2nd Peshmerga Brigade' }, echelon: 'brigade', sidc: 'SFGPUCI----H---' })
      const army = await call('army.watch', 'POST', '/api/units', { names: { en: '8th Iraqi Army Division' }, echelon: 'division', sidc: 'SFGPUCI----I---' })
      peshUnit = pesh.body.id
      armyUnit = army.body.id
      // A unit the army shares with the room: the Peshmerga see it, and still may not notify its movement.
      const shared = await call('army.commander', 'POST', '/api/units', { names: { en: '8th Division liaison cell' }, echelon: 'company', sidc: 'SFGPUCI----E---', release: { scope: 'room', roomId: 'kirkuk' } })
      assert.equal(shared.status, 201, JSON.stringify(shared.body))
      armyRoomUnit = shared.body.id
      // The army's sector is released to the army alone: the deconfliction must weigh it all the same.
      const sector = await call('army.commander', 'POST', '/api/areas', { kind: 'aor', names: { en: 'Tuz Khurmatu sector' }, geometry: tuzSector, roomId: 'kirkuk', validFrom: at(-24 * hour) })
      assert.equal(sector.status, 201, JSON.stringify(sector.body))
      armySector = sector.body.id
      await tansiq.movements.settled()
    })
    after(async () => {
      await tansiq.close()
    })

    test('a Peshmerga movement from Kifri towards Tuz Khurmatu crossing the army\'s sector makes the army affected; its liaison acknowledges and it is cleared', async () => {
      const created = await call('pesh.watch', 'POST', '/api/movements', { ...movement(), submit: true })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      const notified = created.body
      assert.equal(notified.status, 'submitted')
      assert.equal(notified.organizationId, 'peshmerga')
      assert.ok(notified.lengthKm > 35 && notified.lengthKm < 39, `route of ${notified.lengthKm} km`)
      assert.deepEqual(notified.parties.map((party: { organizationId: string; affected: boolean; answer: unknown }) => [party.organizationId, party.affected, party.answer]), [['iraqi-army', true, null]])
      assert.deepEqual(notified.release.releasedTo, ['iraqi-army', 'joc', 'peshmerga'])
      assert.equal(notified.findings.length, 1)
      const [finding] = notified.findings
      assert.deepEqual(finding.counterpart, { type: 'area', id: armySector, organizationId: 'iraqi-army' })
      assert.equal(finding.crosses, true)
      assert.equal(finding.distanceMeters, 0)
      assert.equal(finding.overlap.type, 'LineString')
      assert.equal(finding.overlapFrom, notified.plannedStart)
      assert.equal(finding.overlapTo, notified.plannedEnd)
      assert.deepEqual(steps(notified), ['created', 'submitted', 'findings-computed', 'notified:iraqi-army'])

      // The army sees the movement and the finding on its own sector; the JOC sees the movement, not the army's sector; the CTS sees nothing.
      const byArmy = await call('army.liaison', 'GET', `/api/movements/${notified.id}`)
      assert.equal(byArmy.status, 200)
      assert.equal(byArmy.body.findings.length, 1)
      assert.deepEqual(byArmy.body.release, { scope: 'room' })
      const byJoc = await call('joc.watch', 'GET', `/api/movements/${notified.id}`)
      assert.equal(byJoc.status, 200)
      assert.deepEqual(byJoc.body.findings, [], 'the army\'s sector is not released to the JOC')
      assert.equal((await call('cts.liaison', 'GET', `/api/movements/${notified.id}`)).status, 404)

      const live = changes.filter((change) => change.layer === 'movements' && change.id === notified.id).at(-1)!
      assert.deepEqual([...live.releasedTo], ['iraqi-army', 'joc', 'peshmerga'])
      assert.deepEqual(live.roomIds, ['kirkuk'])

      const acknowledged = await call('army.liaison', 'POST', `/api/movements/${notified.id}/acknowledge`, { note: 'Checkpoint at the southern entrance informed' })
      assert.equal(acknowledged.status, 200, JSON.stringify(acknowledged.body))
      assert.equal(acknowledged.body.status, 'cleared')
      const party = acknowledged.body.parties[0]
      assert.equal(party.answer, 'acknowledged')
      assert.equal(party.answeredBy, 'army.liaison')
      assert.equal(party.reason, 'Checkpoint at the southern entrance informed')
      assert.deepEqual(steps(acknowledged.body).slice(-2), ['acknowledged:iraqi-army', 'status-changed'])
      const audit = (await call('pesh.commander', 'GET', '/api/audit?limit=200')).body as Array<{ action: string; objectId: string }>
      for (const action of ['movement.created', 'movement.submitted', 'movement.findings-computed', 'movement.notified', 'movement.acknowledged', 'movement.status-changed']) {
        assert.ok(audit.some((entry) => entry.action === action && entry.objectId === notified.id), action)
      }
      const lastLive = changes.filter((change) => change.layer === 'movements' && change.id === notified.id).at(-1)!
      assert.equal((lastLive.data as { status: string }).status, 'cleared')

      // A cleared movement starts, then completes.
      assert.equal((await call('army.watch', 'POST', `/api/movements/${notified.id}/start`)).status, 403, 'only the author starts it')
      assert.equal((await call('pesh.watch', 'POST', `/api/movements/${notified.id}/start`)).body.status, 'active')
      assert.equal((await call('pesh.watch', 'POST', `/api/movements/${notified.id}/complete`)).body.status, 'completed')
      const late = await call('pesh.watch', 'PATCH', `/api/movements/${notified.id}`, { purpose: 'Too late' })
      assert.equal(late.status, 409)
      assert.match(late.body.detail, /completed movement cannot be amended/)
    })

    test('an objection with a reason makes the movement conflicted; an acknowledgement that replaces it clears it', async () => {
      const created = await call('pesh.liaison', 'POST', '/api/movements', { ...movement(), submit: true })
      const id = created.body.id
      assert.equal((await call('army.watch', 'POST', `/api/movements/${id}/object`, {})).status, 400, 'an objection needs a reason')
      const objected = await call('army.watch', 'POST', `/api/movements/${id}/object`, { reason: 'An operation is under way at Tuz that day' })
      assert.equal(objected.status, 200)
      assert.equal(objected.body.status, 'conflicted')
      assert.equal(objected.body.parties[0].answer, 'objected')
      assert.equal(objected.body.parties[0].reason, 'An operation is under way at Tuz that day')
      assert.equal((await call('pesh.watch', 'POST', `/api/movements/${id}/start`)).status, 409, 'a conflicted movement does not start')
      const commander = await call('army.commander', 'POST', `/api/movements/${id}/acknowledge`, {})
      assert.equal(commander.body.status, 'cleared', 'the commander of the affected organization may answer too')
      assert.deepEqual(steps(commander.body).filter((kind) => kind.startsWith('objected') || kind.startsWith('acknowledged') || kind === 'status-changed'),
        ['objected:iraqi-army', 'status-changed', 'acknowledged:iraqi-army', 'status-changed'])
    })

    test('an amendment is a new notice: the analysis runs again and answers are asked again', async () => {
      const created = await call('pesh.watch', 'POST', '/api/movements', { ...movement(), submit: true })
      const id = created.body.id
      await call('army.liaison', 'POST', `/api/movements/${id}/acknowledge`, {})
      assert.equal((await call('army.watch', 'PATCH', `/api/movements/${id}`, { purpose: 'Hijack' })).status, 403, 'only the author organization amends')
      assert.equal((await call('pesh.watch', 'PATCH', `/api/movements/${id}`, { purpose: 'x', version: 1 })).status, 409, 'a stale version')
      const amended = await call('pesh.watch', 'PATCH', `/api/movements/${id}`, { route: jalawlaRoute })
      assert.equal(amended.status, 200, JSON.stringify(amended.body))
      assert.equal(amended.body.planRevision, 2)
      assert.deepEqual(amended.body.findings, [], 'the Jalawla route crosses nobody\'s sector')
      assert.equal(amended.body.status, 'cleared')
      const party = amended.body.parties[0]
      assert.deepEqual([party.organizationId, party.affected, party.answer], ['iraqi-army', false, null])
      assert.deepEqual(steps(amended.body).slice(-4), ['amended', 'answers-reset', 'findings-changed', 'no-longer-affected:iraqi-army'])
      assert.equal((await call('army.liaison', 'GET', `/api/movements/${id}`)).status, 200, 'an organization once told keeps sight of the movement')
      const back = await call('pesh.watch', 'PATCH', `/api/movements/${id}`, { route: kifriToTuz })
      assert.equal(back.body.status, 'submitted', 'affected again, the army must answer the new plan')
      assert.deepEqual(steps(back.body).slice(-3), ['findings-changed', 'notified:iraqi-army', 'status-changed'])
      await call('pesh.watch', 'POST', `/api/movements/${id}/cancel`, { reason: 'Plan changed' })
    })

    test('a new area of responsibility across the route after submission adds a finding, tells its holder live, and shows it the movement', async () => {
      const created = await call('pesh.watch', 'POST', '/api/movements', { ...movement({ route: jalawlaRoute }), submit: true })
      assert.equal(created.body.status, 'cleared', 'nobody affected: cleared at once')
      const id = created.body.id
      assert.equal((await call('cts.liaison', 'GET', `/api/movements/${id}`)).status, 404)
      const seen = changes.length
      const sector = await call('cts.liaison', 'POST', '/api/areas', { kind: 'aor', names: { en: 'Jalawla CTS sector' }, geometry: jalawlaSector, validFrom: at(-hour) })
      assert.equal(sector.status, 201, JSON.stringify(sector.body))
      await tansiq.movements.settled()
      const after = await call('pesh.watch', 'GET', `/api/movements/${id}`)
      assert.equal(after.body.status, 'submitted')
      assert.deepEqual(after.body.findings.map((finding: { counterpart: unknown }) => finding.counterpart), [{ type: 'area', id: sector.body.id, organizationId: 'cts' }])
      assert.deepEqual(after.body.parties.map((party: { organizationId: string }) => party.organizationId), ['cts'])
      assert.deepEqual(steps(after.body).slice(-3), ['findings-changed', 'notified:cts', 'status-changed'])
      const live = changes.slice(seen).find((change) => change.layer === 'movements' && change.id === id)
      assert.ok(live, 'the movement is published live after the new finding')
      assert.ok(live.releasedTo.includes('cts') && live.releasedTo.includes('peshmerga'))
      assert.deepEqual((live.data as { steps: Step[] }).steps.map((step) => step.kind), ['findings-changed', 'notified', 'status-changed'])
      const byCts = await call('cts.liaison', 'GET', `/api/movements/${id}`)
      assert.equal(byCts.status, 200, 'an affected organization outside the room sees the movement')
      assert.equal(byCts.body.findings.length, 1)

      // The sector ends before the movement: the finding goes, CTS is no longer affected, the movement is cleared again.
      assert.equal((await call('cts.liaison', 'PATCH', `/api/areas/${sector.body.id}`, { validTo: at(2 * hour) })).status, 200)
      await tansiq.movements.settled()
      const ended = await call('pesh.watch', 'GET', `/api/movements/${id}`)
      assert.deepEqual(ended.body.findings, [])
      assert.equal(ended.body.status, 'cleared')
      assert.equal((await call('cts.liaison', 'GET', `/api/movements/${id}`)).status, 200, 'CTS was told: it keeps sight')
      await call('pesh.watch', 'POST', `/api/movements/${id}/cancel`, {})
    })

    test('an area deleted after submission leaves the findings, and its holder is no longer affected', async () => {
      const created = await call('pesh.watch', 'POST', '/api/movements', { ...movement({ route: jalawlaRoute }), submit: true })
      const id = created.body.id
      const sector = await call('army.watch', 'POST', '/api/areas', { kind: 'aor', names: { en: 'Temporary checkpoint sector' }, geometry: jalawlaSector, validFrom: at(-hour) })
      await tansiq.movements.settled()
      assert.deepEqual((await call('pesh.watch', 'GET', `/api/movements/${id}`)).body.parties.map((party: { organizationId: string; affected: boolean }) => [party.organizationId, party.affected]), [['iraqi-army', true]])
      assert.equal((await call('army.watch', 'DELETE', `/api/areas/${sector.body.id}`)).status, 204)
      await tansiq.movements.settled()
      const after = await call('pesh.watch', 'GET', `/api/movements/${id}`)
      assert.deepEqual(after.body.findings, [])
      assert.deepEqual(after.body.parties.map((party: { organizationId: string; affected: boolean }) => [party.organizationId, party.affected]), [['iraqi-army', false]])
      assert.equal(after.body.status, 'cleared')
      assert.deepEqual(steps(after.body).slice(-3), ['findings-changed', 'no-longer-affected:iraqi-army', 'status-changed'])
      await call('pesh.watch', 'POST', `/api/movements/${id}/cancel`, {})
    })

    test('a movement of another organization nearby in an overlapping window is a finding; one far in time is not', async () => {
      const pesh = await call('pesh.watch', 'POST', '/api/movements', { ...movement({ route: jalawlaRoute, plannedStart: at(72 * hour), plannedEnd: at(80 * hour) }), submit: true })
      assert.equal(pesh.body.status, 'cleared')
      const near = await call('army.watch', 'POST', '/api/movements', {
        ...movement({ unitIds: [armyUnit], route: { type: 'LineString', coordinates: [[45.16, 34.28], [45.3, 34.343]] }, plannedStart: at(78 * hour), plannedEnd: at(84 * hour), liaison: { name: 'Maj. Ali', radio: 'Net 7' } }), submit: true,
      })
      assert.equal(near.status, 201, JSON.stringify(near.body))
      assert.equal(near.body.status, 'conflicted', 'a force on the same road at the same time is a conflict until the Peshmerga acknowledge')
      const [finding] = near.body.findings
      assert.deepEqual(finding.counterpart, { type: 'movement', id: pesh.body.id, organizationId: 'peshmerga' })
      assert.equal(finding.crosses, false, 'the two roads run side by side, about a kilometre apart')
      assert.ok(finding.distanceMeters > 500 && finding.distanceMeters < 2000, `${finding.distanceMeters} m`)
      assert.equal(finding.overlap.type, 'LineString', 'the stretch of the army\'s road within 2 km of the Peshmerga\'s')
      assert.equal(finding.overlapFrom, near.body.plannedStart)
      assert.equal(finding.overlapTo, pesh.body.plannedEnd)
      const far = await call('army.watch', 'POST', '/api/movements', {
        ...movement({ unitIds: [armyUnit], route: { type: 'LineString', coordinates: [[45.16, 34.28], [45.3, 34.343]] }, plannedStart: at(200 * hour), plannedEnd: at(206 * hour) }), submit: true,
      })
      assert.equal(far.body.status, 'cleared')
      assert.deepEqual(far.body.findings, [])

      await tansiq.movements.settled()
      const peshAfter = await call('pesh.watch', 'GET', `/api/movements/${pesh.body.id}`)
      assert.deepEqual(peshAfter.body.findings.map((f: { counterpart: { id: string } }) => f.counterpart.id), [near.body.id], 'the analysis is mutual')
      assert.equal(peshAfter.body.status, 'conflicted')
      const resolved = await call('pesh.liaison', 'POST', `/api/movements/${near.body.id}/acknowledge`, { note: 'We pass first; convoy spacing agreed' })
      assert.equal(resolved.body.status, 'cleared')
      await call('army.watch', 'POST', `/api/movements/${near.body.id}/acknowledge`, {}).then((response) => assert.equal(response.status, 422, 'the author is not a party'))
      await call('army.liaison', 'POST', `/api/movements/${pesh.body.id}/acknowledge`, {})
      assert.equal((await call('pesh.watch', 'GET', `/api/movements/${pesh.body.id}`)).body.status, 'cleared')

      // Cancelling the army's movement removes it from the Peshmerga movement's findings.
      await call('army.watch', 'POST', `/api/movements/${near.body.id}/cancel`, {})
      await tansiq.movements.settled()
      const peshLast = await call('pesh.watch', 'GET', `/api/movements/${pesh.body.id}`)
      assert.deepEqual(peshLast.body.findings, [])
      assert.deepEqual(peshLast.body.parties.map((party: { organizationId: string; affected: boolean }) => [party.organizationId, party.affected]), [['iraqi-army', false]])
      await call('pesh.watch', 'POST', `/api/movements/${pesh.body.id}/cancel`, {})
      await call('army.watch', 'POST', `/api/movements/${far.body.id}/cancel`, {})
      await tansiq.movements.settled()
    })

    test('bad input is refused with a clear problem and nothing is recorded', async () => {
      await tansiq.movements.settled()
      const before = await counts()
      const refuse = async (user: string, url: string, body: unknown, status: number, pattern: RegExp) => {
        const response = await call(user, 'POST', url, body)
        assert.equal(response.status, status, `${url} ${JSON.stringify(body).slice(0, 120)} → ${JSON.stringify(response.body)}`)
        assert.match(JSON.stringify(response.body), pattern)
      }
      await refuse('pesh.watch', '/api/movements', movement({ route: { type: 'LineString', coordinates: [[44.9, 34.7], [44.9, 34.7], [44.9, 34.7]] } }), 400, /at least two distinct points/)
      await refuse('pesh.watch', '/api/movements', movement({ route: { type: 'LineString', coordinates: [[44.9, 34.7]] } }), 400, /validation-failed/)
      await refuse('pesh.watch', '/api/movements', movement({ route: { type: 'LineString', coordinates: [[10, 90], [20, 90]] } }), 400, /zero length/)
      await refuse('pesh.watch', '/api/movements', movement({ plannedStart: at(50 * hour), plannedEnd: at(49 * hour) }), 400, /end must come after the planned start/)
      await refuse('pesh.watch', '/api/movements', movement({ plannedStart: at(-3 * hour), plannedEnd: at(3 * hour), submit: true }), 422, /more than 60 minutes in the past/)
      await refuse('pesh.watch', '/api/movements', movement({ unitIds: [randomUUID()] }), 422, /Unknown unit/)
      await refuse('pesh.watch', '/api/movements', movement({ unitIds: [peshUnit, armyRoomUnit] }), 422, /belongs to iraqi-army/)
      await refuse('pesh.watch', '/api/movements', movement({ unitIds: [armyUnit] }), 422, /Unknown unit/)
      await refuse('pesh.watch', '/api/movements', movement({ route: undefined }), 400, /give a route/)
      await refuse('pesh.watch', '/api/movements', movement({ area: tuzSector }), 400, /not both/)
      await refuse('pesh.watch', '/api/movements', movement({ roomId: 'atlantis' }), 422, /Unknown room/)
      await refuse('pesh.watch', '/api/movements', movement({ liaison: { name: 'Nobody' } }), 400, /phone or radio/)
      await refuse('pesh.watch', '/api/movements', movement({ plannedStart: at(3 * hour), plannedEnd: at(5 * hour), submit: true }), 400, /notice-too-short/)
      await refuse('coalition.viewer', '/api/movements', movement(), 403, /cannot notify movements/)
      await refuse('pesh.watch', '/api/movements/preview', movement({ unitIds: [armyRoomUnit] }), 422, /belongs to iraqi-army/)
      assert.deepEqual(await counts(), before)

      // Answers: for another organization, by an organization not affected, without a reason.
      const created = await call('pesh.watch', 'POST', '/api/movements', { ...movement(), submit: true })
      const id = created.body.id
      const afterCreate = await counts()
      await refuse('army.liaison', `/api/movements/${id}/acknowledge`, { organizationId: 'peshmerga' }, 403, /answer for your own organization/)
      await refuse('army.liaison', `/api/movements/${id}/object`, { organizationId: 'joc', reason: 'no' }, 403, /answer for your own organization/)
      await refuse('joc.watch', `/api/movements/${id}/acknowledge`, {}, 422, /joc is not affected/)
      await refuse('cts.liaison', `/api/movements/${id}/acknowledge`, {}, 404, /No movement/)
      await refuse('army.liaison', `/api/movements/${id}/object`, { reason: '' }, 400, /validation-failed/)
      await refuse('pesh.watch', `/api/movements/${id}/submit`, {}, 409, /submitted movement cannot be submitted/)
      assert.deepEqual(await counts(), afterCreate)
      await call('pesh.watch', 'POST', `/api/movements/${id}/cancel`, {})
    })

    test('a shorter notice than the room\'s period needs a justification, which is recorded', async () => {
      const created = await call('pesh.watch', 'POST', '/api/movements', { ...movement({ plannedStart: at(3 * hour), plannedEnd: at(5 * hour), precedence: 'priority', noticeJustification: 'Casualty evacuation route must be opened today' }), submit: true })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      assert.equal(created.body.notice.requiredMinutes, 360)
      assert.ok(created.body.notice.givenMinutes >= 179 && created.body.notice.givenMinutes <= 180)
      assert.equal(created.body.notice.justification, 'Casualty evacuation route must be opened today')
      const submitted = created.body.timeline.find((step: Step) => step.kind === 'submitted')
      assert.equal((submitted.detail.notice as { justification: string }).justification, 'Casualty evacuation route must be opened today')
      // A flash movement needs no notice at all (default room periods).
      const flash = await call('pesh.watch', 'POST', '/api/movements', { ...movement({ plannedStart: at(60_000), plannedEnd: at(hour), precedence: 'flash', route: jalawlaRoute }), submit: true })
      assert.equal(flash.status, 201)
      assert.equal(flash.body.notice.justification, null)
      await call('pesh.watch', 'POST', `/api/movements/${created.body.id}/cancel`, {})
      await call('pesh.watch', 'POST', `/api/movements/${flash.body.id}/cancel`, {})
    })

    test('a movement within an area is weighed like a route: the sector it overlaps is a finding, its overlap a polygon', async () => {
      const patrol = { type: 'Polygon', coordinates: [[[44.7, 34.9], [44.9, 34.9], [44.9, 35.05], [44.7, 35.05], [44.7, 34.9]]] }
      const created = await call('pesh.watch', 'POST', '/api/movements', { ...movement({ route: undefined, area: patrol, purpose: 'Area patrol north-east of Tuz' }), submit: true })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      assert.equal(created.body.route, null)
      assert.equal(created.body.area.type, 'MultiPolygon')
      assert.ok(created.body.areaKm2 > 250 && created.body.areaKm2 < 320, `${created.body.areaKm2} km²`)
      const [finding] = created.body.findings
      assert.equal(finding.counterpart.id, armySector)
      assert.equal(finding.crosses, true)
      assert.equal(finding.overlap.type, 'Polygon')
      await call('pesh.watch', 'POST', `/api/movements/${created.body.id}/cancel`, {})
    })

    test('a justification given with a draft stands at its submission', async () => {
      const draft = await call('pesh.watch', 'POST', '/api/movements', movement({ plannedStart: at(2 * hour), plannedEnd: at(4 * hour), noticeJustification: 'Medical evacuation' }))
      assert.equal(draft.status, 201, JSON.stringify(draft.body))
      const submitted = await call('pesh.watch', 'POST', `/api/movements/${draft.body.id}/submit`)
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body))
      assert.equal(submitted.body.notice.justification, 'Medical evacuation')
      await call('pesh.watch', 'POST', `/api/movements/${draft.body.id}/cancel`, {})
    })

    test('a draft is the author\'s alone until submitted; the preview analyses a drawing without saving it', async () => {
      const before = await counts()
      const preview = await call('pesh.watch', 'POST', '/api/movements/preview', movement())
      assert.equal(preview.status, 200, JSON.stringify(preview.body))
      assert.deepEqual(preview.body.affectedOrganizationIds, ['iraqi-army'])
      assert.equal(preview.body.findings[0].counterpart.id, armySector)
      assert.equal(preview.body.bufferMeters, 2000)
      assert.equal(preview.body.notice.justificationRequired, false)
      assert.deepEqual(await counts(), before)

      const draft = await call('pesh.watch', 'POST', '/api/movements', movement())
      assert.equal(draft.body.status, 'draft')
      assert.deepEqual(draft.body.findings, [])
      assert.deepEqual(draft.body.release.releasedTo, ['peshmerga'])
      assert.equal((await call('army.liaison', 'GET', `/api/movements/${draft.body.id}`)).status, 404)
      const submitted = await call('pesh.watch', 'POST', `/api/movements/${draft.body.id}/submit`)
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body))
      assert.equal(submitted.body.status, 'submitted')
      assert.equal((await call('army.liaison', 'GET', `/api/movements/${draft.body.id}`)).status, 200)

      const affecting = await call('army.liaison', 'GET', '/api/movements?involvement=affecting-me&status=submitted')
      assert.ok(affecting.body.some((item: { id: string }) => item.id === draft.body.id))
      assert.ok(affecting.body.every((item: { status: string }) => item.status === 'submitted'))
      const mine = await call('army.liaison', 'GET', '/api/movements?involvement=mine')
      assert.ok(mine.body.every((item: { organizationId: string }) => item.organizationId === 'iraqi-army'))
      const window = await call('pesh.watch', 'GET', `/api/movements?roomId=kirkuk&from=${encodeURIComponent(at(100 * hour))}&to=${encodeURIComponent(at(101 * hour))}`)
      assert.ok(window.body.every((item: { plannedEnd: string; plannedStart: string }) => item.plannedEnd > at(100 * hour) && item.plannedStart < at(101 * hour)))
      assert.equal(window.body.some((item: { id: string }) => item.id === draft.body.id), false)

      const layer = tansiq.layers.get('movements')!
      const seenByCts: string[] = []
      for await (const item of layer.list({ organizationId: 'cts' }, { roomId: 'kirkuk' })) seenByCts.push((item as { id: string }).id)
      assert.equal(seenByCts.includes(draft.body.id), false, 'the layer filters by releasability')
      const feature = layer.toFeature((await call('pesh.watch', 'GET', `/api/movements/${draft.body.id}`)).body)
      assert.equal(feature.geometry?.type, 'LineString')
      await call('pesh.watch', 'POST', `/api/movements/${draft.body.id}/cancel`, {})
    })

    test('an organization that has not answered is reminded, then its commander is told, each step recorded and published; an unstarted window expires', async () => {
      const created = await call('pesh.watch', 'POST', '/api/movements', { ...movement(), submit: true })
      const id = created.body.id
      const start = new Date(created.body.plannedStart).getTime()
      const check = (minutesBeforeStart: number) => tansiq.movements.checkDeadlines(new Date(start - minutesBeforeStart * 60_000))
      assert.deepEqual((await check(180)).reminded.filter((due) => due.movementId === id), [])
      const seen = changes.length
      assert.deepEqual((await check(119)).reminded.filter((due) => due.movementId === id), [{ movementId: id, organizationId: 'iraqi-army' }])
      assert.deepEqual((await check(100)).reminded.filter((due) => due.movementId === id), [], 'reminded once')
      assert.deepEqual((await check(59)).escalated.filter((due) => due.movementId === id), [{ movementId: id, organizationId: 'iraqi-army' }])
      const detail = (await call('pesh.watch', 'GET', `/api/movements/${id}`)).body
      const escalated = detail.timeline.find((step: Step) => step.kind === 'escalated')
      assert.deepEqual(escalated.detail.toRoles, ['commander'])
      assert.equal(escalated.organizationId, 'iraqi-army')
      assert.ok(detail.parties[0].remindedAt && detail.parties[0].escalatedAt)
      const published = changes.slice(seen).filter((change) => change.layer === 'movements' && change.id === id)
      assert.deepEqual(published.map((change) => (change.data as { steps: Step[] }).steps.map((step) => step.kind)), [['reminded'], ['escalated']])
      assert.ok(published.every((change) => change.releasedTo.includes('iraqi-army')))
      const audit = (await call('army.commander', 'GET', '/api/audit?limit=300')).body as Array<{ action: string; objectId: string }>
      assert.ok(audit.some((entry) => entry.action === 'movement.escalated' && entry.objectId === id), 'the army sees the escalation in its audit view')

      const expired = await tansiq.movements.checkDeadlines(new Date(new Date(created.body.plannedEnd).getTime() + 60_000))
      assert.ok(expired.expired.includes(id))
      assert.equal((await call('pesh.watch', 'GET', `/api/movements/${id}`)).body.status, 'expired')
      await tansiq.movements.settled()
    })

    test('a member removed from the room loses sight of the room\'s movements unless it was told it is affected', async () => {
      const created = await call('pesh.watch', 'POST', '/api/movements', { ...movement(), submit: true })
      const id = created.body.id
      assert.equal((await call('joc.watch', 'GET', `/api/movements/${id}`)).status, 200)
      assert.equal((await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: ['peshmerga', 'cts'] })).status, 200)
      await tansiq.movements.settled()
      assert.equal((await call('joc.watch', 'GET', `/api/movements/${id}`)).status, 404)
      assert.equal((await call('army.liaison', 'GET', `/api/movements/${id}`)).status, 200, 'the army was told: it keeps sight')
      assert.equal((await call('cts.liaison', 'GET', `/api/movements/${id}`)).status, 200, 'a new member sees the room\'s movements')
      await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc'] })
      await tansiq.movements.settled()
      assert.equal((await call('joc.watch', 'GET', `/api/movements/${id}`)).status, 200)
    })
  })
}
