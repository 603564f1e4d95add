import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storageBackends } from '../platform/database/test-database.ts'
import { apiCaller, startTestTansiq, type ApiCaller, type TestTansiq } from '../server/test-harness.ts'
import type { PictureChange } from '../live/picture-change.ts'

// A phase line from Kifri north-west towards Tuz Khurmatu.
const phaseLine = {
  names: { en: 'Phase line Kifri–Tuz', ar: 'خط المرحلة كفري–طوز', ckb: 'هێڵی قۆناغی کفری–توز' },
  geometry: { type: 'LineString', coordinates: [[44.96, 34.69], [44.8, 34.8], [44.65, 34.88]] },
  validFrom: '2025-03-01T00:00:00Z',
}

for (const backend of storageBackends()) {
  describe(`coordination lines over HTTP on ${backend}`, () => {
    let tansiq: TestTansiq
    const changes: PictureChange[] = []
    let call: ApiCaller
    const auditEntries = async (user: string) => (await call(user, 'GET', '/api/audit?limit=500')).body as Array<{ action: string; objectId: string }>

    before(async () => {
      tansiq = await startTestTansiq(backend)
      call = apiCaller(tansiq)
      tansiq.bus.subscribe((change) => changes.push(change))
      const names = { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' }
      assert.equal((await call('admin', 'POST', '/api/rooms', { id: 'kirkuk', names, memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc'] })).status, 201)
    })
    after(async () => {
      await tansiq.close()
    })

    test('a line is created, read, changed with its version, and deleted, each step audited and published', async () => {
      const created = await call('pesh.watch', 'POST', '/api/coordination-lines', { ...phaseLine, roomId: 'kirkuk' })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      const line = created.body
      assert.equal(line.organizationId, 'peshmerga')
      assert.equal(line.roomId, 'kirkuk')
      assert.deepEqual(line.geometry, phaseLine.geometry)
      assert.ok(line.lengthKm > 34 && line.lengthKm < 36, `length ${line.lengthKm} km`)
      assert.deepEqual(line.bbox, [44.65, 34.69, 44.96, 34.88])
      assert.equal(line.validFrom, '2025-03-01T00:00:00.000Z')
      assert.deepEqual(line.release.releasedTo, ['peshmerga'])
      assert.deepEqual((await call('pesh.liaison', 'GET', `/api/coordination-lines/${line.id}`)).body, line)

      const changed = await call('pesh.watch', 'PATCH', `/api/coordination-lines/${line.id}`, { version: 1, names: { en: 'Phase line RED' }, geometry: { type: 'LineString', coordinates: [[44.96, 34.69], [44.65, 34.88]] }, validTo: '2025-06-01T00:00:00Z' })
      assert.equal(changed.status, 200, JSON.stringify(changed.body))
      assert.equal(changed.body.version, 2)
      assert.equal(changed.body.names.en, 'Phase line RED')
      assert.equal(changed.body.geometry.coordinates.length, 2)
      assert.ok(changed.body.lengthKm < line.lengthKm, 'the straight line is shorter')
      assert.equal(changed.body.validTo, '2025-06-01T00:00:00.000Z')
      assert.equal((await call('pesh.watch', 'PATCH', `/api/coordination-lines/${line.id}`, { version: 1, names: { en: 'Stale' } })).status, 409)

      assert.equal((await call('pesh.watch', 'DELETE', `/api/coordination-lines/${line.id}`)).status, 204)
      assert.equal((await call('pesh.watch', 'GET', `/api/coordination-lines/${line.id}`)).status, 404)

      const actions = (await auditEntries('pesh.watch')).filter((entry) => entry.objectId === line.id).map((entry) => entry.action).sort()
      assert.deepEqual(actions, ['coordination-line.created', 'coordination-line.deleted', 'coordination-line.updated'])
      const events = changes.filter((event) => event.id === line.id)
      assert.deepEqual(events.map((event) => [event.layer, event.kind]), [['coordination-lines', 'upsert'], ['coordination-lines', 'upsert'], ['coordination-lines', 'delete']])
      assert.deepEqual(events[0]!.releasedTo, ['peshmerga'])
      assert.deepEqual(events[0]!.roomIds, ['kirkuk'])
      assert.deepEqual(events[2]!.previouslyReleasedTo, ['peshmerga'])
    })

    test('another organization never sees a line not released to it; widening needs the commander and narrowing is published', async () => {
      const id = (await call('pesh.watch', 'POST', '/api/coordination-lines', { ...phaseLine, names: { en: 'Hidden line' }, roomId: 'kirkuk' })).body.id as string
      assert.equal((await call('army.watch', 'GET', `/api/coordination-lines/${id}`)).status, 404)
      for (const query of ['', '?roomId=kirkuk', '?bbox=44,34,46,36', '?activeAt=2025-03-15T00:00:00Z']) {
        assert.equal(((await call('army.watch', 'GET', `/api/coordination-lines${query}`)).body as Array<{ id: string }>).some((line) => line.id === id), false, `listed through "${query}"`)
      }
      assert.equal((await call('army.watch', 'PATCH', `/api/coordination-lines/${id}`, { names: { en: 'x' } })).status, 404)
      assert.equal((await call('pesh.watch', 'PUT', `/api/coordination-lines/${id}/release`, { release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })).status, 403)
      assert.equal((await call('pesh.commander', 'PUT', `/api/coordination-lines/${id}/release`, { release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })).status, 200)
      const seen = await call('army.watch', 'GET', `/api/coordination-lines/${id}`)
      assert.equal(seen.status, 200)
      assert.deepEqual(seen.body.release, { scope: 'organizations' })
      assert.equal((await call('army.watch', 'DELETE', `/api/coordination-lines/${id}`)).status, 403)
      assert.equal((await call('pesh.watch', 'PUT', `/api/coordination-lines/${id}/release`, { release: { scope: 'originator' } })).status, 200)
      assert.equal((await call('army.watch', 'GET', `/api/coordination-lines/${id}`)).status, 404)
      const last = changes.filter((event) => event.id === id).at(-1)!
      assert.deepEqual(last.releasedTo, ['peshmerga'])
      assert.deepEqual([...last.previouslyReleasedTo!].sort(), ['iraqi-army', 'peshmerga'])
      assert.equal((await auditEntries('pesh.commander')).filter((entry) => entry.action === 'coordination-line.release-changed' && entry.objectId === id).length, 2)
    })

    test('a line released to a room follows the room\'s membership', async () => {
      const created = await call('pesh.commander', 'POST', '/api/coordination-lines', { ...phaseLine, names: { en: 'Room line' }, release: { scope: 'room', roomId: 'kirkuk' } })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      const id = created.body.id as string
      assert.equal((await call('cts.liaison', 'GET', `/api/coordination-lines/${id}`)).status, 404)
      await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc', 'cts'] })
      assert.equal((await call('cts.liaison', 'GET', `/api/coordination-lines/${id}`)).status, 200)
      await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc'] })
      assert.equal((await call('cts.liaison', 'GET', `/api/coordination-lines/${id}`)).status, 404)
      const last = changes.filter((event) => event.id === id).at(-1)!
      assert.deepEqual(last.releasedTo, ['iraqi-army', 'joc', 'peshmerga'])
      assert.deepEqual([...last.previouslyReleasedTo!].sort(), ['cts', 'iraqi-army', 'joc', 'peshmerga'])
      assert.deepEqual(last.roomIds, ['kirkuk'], 'the room it is released to')
    })

    test('lines are filtered by intersecting box and time of validity', async () => {
      const id = (await call('pesh.watch', 'POST', '/api/coordination-lines', { ...phaseLine, names: { en: 'Filtered line' }, validTo: '2025-04-01T00:00:00Z' })).body.id as string
      const listed = async (query: string) => ((await call('pesh.watch', 'GET', `/api/coordination-lines${query}`)).body as Array<{ id: string }>).some((line) => line.id === id)
      assert.equal(await listed('?bbox=44.7,34.8,44.9,34.9'), true)
      assert.equal(await listed('?bbox=45.5,35.5,46,36'), false)
      assert.equal(await listed('?activeAt=2025-03-31T23:59:59Z'), true)
      assert.equal(await listed('?activeAt=2025-04-01T00:00:00Z'), false)
      assert.equal(await listed('?activeAt=2025-02-28T00:00:00Z'), false)
    })

    test('a line with fewer than two distinct points, bad coordinates or a bad window is refused, and nothing is written', async () => {
      const count = async () => ((await call('pesh.watch', 'GET', '/api/coordination-lines?limit=5000')).body as unknown[]).length
      const createdBefore = (await auditEntries('pesh.watch')).filter((entry) => entry.action === 'coordination-line.created').length
      const linesBefore = await count()
      const refuse = async (payload: unknown, status: number, code: string, detail: RegExp, user = 'pesh.watch') => {
        const response = await call(user, 'POST', '/api/coordination-lines', payload)
        assert.equal(response.status, status, JSON.stringify(response.body))
        assert.equal(response.body.code, code)
        assert.match(response.body.detail, detail)
      }
      const line = (coordinates: unknown) => ({ ...phaseLine, geometry: { type: 'LineString', coordinates } })
      await refuse(line([[44.96, 34.69], [44.96, 34.69]]), 400, 'invalid-geometry', /at least 2 distinct points; this one has 1/)
      await refuse(line([[44.96, 34.69, 10], [44.96, 34.69, 900], [44.96, 34.69]]), 400, 'invalid-geometry', /at least 2 distinct points/)
      await refuse(line([[44.96, 34.69]]), 400, 'validation-failed', /at least 2 positions/)
      await refuse(line([[44.96, 34.69], [-181, 34.8]]), 400, 'validation-failed', /coordinates\/1\/0/)
      await refuse(line([[44.96, 34.69], ['44.8', 34.8]]), 400, 'validation-failed', /coordinates\/1/)
      await refuse(line(Array.from({ length: 100_001 }, (_, index) => [44 + index / 100_001, 34.5])), 400, 'validation-failed', /100001 vertices/)
      await refuse({ ...phaseLine, validTo: '2025-02-01T00:00:00Z' }, 400, 'validation-failed', /must be after validFrom/)
      await refuse({ ...phaseLine, geometry: { type: 'Polygon', coordinates: [[[44, 34], [45, 34], [45, 35], [44, 34]]] } }, 400, 'validation-failed', /geometry/)
      await refuse(phaseLine, 403, 'forbidden', /viewer/, 'coalition.viewer')
      await refuse({ ...phaseLine, roomId: 'atlantis' }, 422, 'unprocessable', /Unknown room atlantis/)
      assert.equal(await count(), linesBefore)
      assert.equal((await auditEntries('pesh.watch')).filter((entry) => entry.action === 'coordination-line.created').length, createdBefore)

      const kept = (await call('pesh.watch', 'POST', '/api/coordination-lines', { ...phaseLine, names: { en: 'Kept line' } })).body
      const degenerate = await call('pesh.watch', 'PATCH', `/api/coordination-lines/${kept.id}`, { geometry: { type: 'LineString', coordinates: [[45, 35], [45, 35]] } })
      assert.equal(degenerate.status, 400)
      assert.deepEqual((await call('pesh.watch', 'GET', `/api/coordination-lines/${kept.id}`)).body, kept)
    })
  })
}
