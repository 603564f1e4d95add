import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storageBackends } from '../platform/database/test-database.ts'
import { apiCaller, startTestTansiq, type ApiCaller, type TestTansiq } from '../server/test-harness.ts'
import type { PictureChange } from '../live/picture-change.ts'
import { activeAreasOfRoom } from './areas-store.ts'

/** A closed square ring of `size` degrees with its south-west corner at (west, south). */
function square(west: number, south: number, size: number): number[][] {
  const east = Number((west + size).toFixed(9))
  const north = Number((south + size).toFixed(9))
  return [[west, south], [east, south], [east, north], [west, north], [west, south]]
}

// The 0.1° × 0.1° square just east of Kifri (34.69 N, 44.96 E).
const kifriSquare = { type: 'Polygon', coordinates: [square(44.9, 34.7, 0.1)] }
const kifriArea = {
  kind: 'aor',
  names: { en: 'Kifri sector', ar: 'قاطع كفري', ckb: 'کەرتی کفری' },
  geometry: kifriSquare,
  validFrom: '2025-03-01T00:00:00Z',
}

for (const backend of storageBackends()) {
  describe(`areas of responsibility over HTTP on ${backend}`, () => {
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
      assert.equal((await call('admin', 'POST', '/api/rooms', { id: 'diyala', names: { ...names, en: 'Diyala room' }, memberOrganizationIds: ['iraqi-army', 'joc'] })).status, 201)
    })
    after(async () => {
      await tansiq.close()
    })

    test('an area is created from a Polygon, stored as a MultiPolygon with its area, extent and validity, audited and published', async () => {
      const created = await call('pesh.watch', 'POST', '/api/areas', { ...kifriArea, roomId: 'kirkuk' })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      const area = created.body
      assert.equal(area.organizationId, 'peshmerga')
      assert.equal(area.kind, 'aor')
      assert.equal(area.roomId, 'kirkuk')
      assert.equal(area.names.ckb, 'کەرتی کفری')
      assert.equal(area.geometry.type, 'MultiPolygon')
      assert.deepEqual(area.geometry.coordinates, [kifriSquare.coordinates])
      assert.deepEqual(area.bbox.map((value: number) => Number(value.toFixed(6))), [44.9, 34.7, 45, 34.8])
      assert.equal(area.validFrom, '2025-03-01T00:00:00.000Z')
      assert.equal(area.validTo, null)
      assert.deepEqual(area.release, { scope: 'originator', organizationIds: [], roomId: null, releasedTo: ['peshmerga'] })
      assert.equal(area.version, 1)
      assert.deepEqual((await call('pesh.liaison', 'GET', `/api/areas/${area.id}`)).body, area)

      const audit = await auditEntries('pesh.commander')
      assert.ok(audit.some((entry) => entry.action === 'area.created' && entry.objectId === area.id))
      const change = changes.find((event) => event.id === area.id)!
      assert.equal(change.layer, 'areas')
      assert.deepEqual(change.releasedTo, ['peshmerga'])
      assert.deepEqual(change.roomIds, ['kirkuk'])
      assert.deepEqual(change.bbox, area.bbox)
      assert.deepEqual((change.data as { release: unknown }).release, { scope: 'originator' }, 'other organizations get no release details')
      assert.deepEqual(change.originator, { organizationId: 'peshmerga', data: area })
    })

    test('the area of a 0.1° square near Kifri is about 101.5 km² on the ellipsoid, and a MultiPolygon adds its parts', async () => {
      const single = await call('pesh.watch', 'POST', '/api/areas', { ...kifriArea, names: { en: 'Area probe' } })
      assert.ok(Math.abs(single.body.areaKm2 - 101.5) / 101.5 < 0.01, `area ${single.body.areaKm2} km²`)
      const double = await call('pesh.watch', 'POST', '/api/areas', {
        ...kifriArea, names: { en: 'Two parts' },
        geometry: { type: 'MultiPolygon', coordinates: [[square(44.9, 34.7, 0.1)], [square(45.2, 34.7, 0.1)]] },
      })
      assert.equal(double.status, 201, JSON.stringify(double.body))
      assert.equal(double.body.geometry.coordinates.length, 2)
      assert.ok(Math.abs(double.body.areaKm2 - 2 * single.body.areaKm2) < 0.05, `two squares ${double.body.areaKm2} km²`)
      const holed = await call('pesh.watch', 'POST', '/api/areas', {
        ...kifriArea, names: { en: 'With a hole' },
        geometry: { type: 'Polygon', coordinates: [square(44.9, 34.7, 0.1), square(44.925, 34.725, 0.05).reverse()] },
      })
      assert.equal(holed.status, 201, JSON.stringify(holed.body))
      assert.ok(Math.abs(holed.body.areaKm2 - 0.75 * single.body.areaKm2) < 0.05, `square with a quarter-size hole ${holed.body.areaKm2} km²`)
    })

    test('an area is changed with its version, a stale version is a conflict, and a change is audited and published', async () => {
      const created = (await call('pesh.watch', 'POST', '/api/areas', { ...kifriArea, names: { en: 'To change' } })).body
      const moved = await call('pesh.watch', 'PATCH', `/api/areas/${created.id}`, {
        version: 1, kind: 'joint-security-area', names: { en: 'Changed', ar: 'معدل', ckb: 'گۆڕاو' },
        geometry: { type: 'Polygon', coordinates: [square(44.9, 34.7, 0.2)] }, validTo: '2025-04-01T00:00:00Z',
      })
      assert.equal(moved.status, 200, JSON.stringify(moved.body))
      assert.equal(moved.body.version, 2)
      assert.equal(moved.body.kind, 'joint-security-area')
      assert.equal(moved.body.names.en, 'Changed')
      assert.ok(Math.abs(moved.body.areaKm2 - 4 * 101.5) / (4 * 101.5) < 0.01, `area ${moved.body.areaKm2}`)
      assert.equal(moved.body.validTo, '2025-04-01T00:00:00.000Z')
      assert.equal(moved.body.validFrom, '2025-03-01T00:00:00.000Z', 'what a change leaves out is kept')
      const stale = await call('pesh.watch', 'PATCH', `/api/areas/${created.id}`, { version: 1, names: { en: 'Lost update' } })
      assert.equal(stale.status, 409)
      assert.equal(stale.body.code, 'conflict')
      const reopened = await call('pesh.watch', 'PATCH', `/api/areas/${created.id}`, { validTo: null })
      assert.equal(reopened.body.validTo, null)
      assert.ok((await auditEntries('pesh.watch')).filter((entry) => entry.action === 'area.updated' && entry.objectId === created.id).length === 2)
      const last = changes.filter((event) => event.id === created.id).at(-1)!
      assert.equal((last.originator!.data as { version: number }).version, 3)
    })

    test('an area is deleted by its organization only, audited, and its deletion tells those who saw it', async () => {
      const commander = await call('pesh.commander', 'POST', '/api/areas', { ...kifriArea, names: { en: 'Short-lived' }, roomId: 'kirkuk', release: { scope: 'room', roomId: 'kirkuk' } })
      assert.equal(commander.status, 201, JSON.stringify(commander.body))
      const id = commander.body.id as string
      assert.equal((await call('army.watch', 'GET', `/api/areas/${id}`)).status, 200)
      assert.equal((await call('army.watch', 'DELETE', `/api/areas/${id}`)).status, 403)
      assert.equal((await call('army.watch', 'PATCH', `/api/areas/${id}`, { names: { en: 'Hijacked' } })).status, 403)
      assert.equal((await call('pesh.watch', 'DELETE', `/api/areas/${id}`)).status, 204)
      assert.equal((await call('pesh.watch', 'GET', `/api/areas/${id}`)).status, 404)
      assert.equal((await call('pesh.watch', 'DELETE', `/api/areas/${id}`)).status, 404)
      const deletion = changes.filter((event) => event.id === id).at(-1)!
      assert.equal(deletion.kind, 'delete')
      assert.deepEqual(deletion.releasedTo, [])
      assert.deepEqual([...deletion.previouslyReleasedTo!], ['iraqi-army', 'joc', 'peshmerga'])
      assert.deepEqual(deletion.roomIds, ['kirkuk'])
      assert.ok(deletion.bbox)
      assert.ok((await auditEntries('army.watch')).some((entry) => entry.action === 'area.deleted' && entry.objectId === id), 'the deletion is visible to those it was released to')
    })

    test('another organization never sees an area not released to it, by id, in lists or through any filter', async () => {
      const hidden = (await call('pesh.watch', 'POST', '/api/areas', { ...kifriArea, names: { en: 'Hidden' }, roomId: 'kirkuk' })).body
      assert.equal((await call('army.watch', 'GET', `/api/areas/${hidden.id}`)).status, 404)
      for (const query of ['', '?roomId=kirkuk', '?bbox=44,34,46,36', '?activeAt=2025-03-15T00:00:00Z', '?kind=aor']) {
        const list = await call('army.watch', 'GET', `/api/areas${query}`)
        assert.equal(list.status, 200)
        assert.equal(list.body.some((area: { id: string }) => area.id === hidden.id), false, `listed through "${query}"`)
      }
      assert.equal((await call('army.watch', 'PATCH', `/api/areas/${hidden.id}`, { names: { en: 'x' } })).status, 404)
      assert.equal((await call('army.watch', 'DELETE', `/api/areas/${hidden.id}`)).status, 404)
      assert.equal((await call('army.commander', 'PUT', `/api/areas/${hidden.id}/release`, { release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })).status, 404)
      assert.equal((await auditEntries('army.commander')).some((entry) => entry.objectId === hidden.id), false, 'nor in the audit view')
      const layer = tansiq.layers.get('areas')!
      const seen: string[] = []
      for await (const area of layer.list({ organizationId: 'iraqi-army' }, {})) seen.push((area as { id: string }).id)
      assert.equal(seen.includes(hidden.id), false, 'nor in the layer read by snapshots and exports')
      assert.equal((await activeAreasOfRoom(tansiq.database, { organizationId: 'iraqi-army' }, 'kirkuk', new Date('2025-03-15T00:00:00Z'))).some((area) => area.id === hidden.id), false)
    })

    test('widening the release needs the originator\'s commander; narrowing is published with who saw it before', async () => {
      const id = (await call('pesh.watch', 'POST', '/api/areas', { ...kifriArea, names: { en: 'Release probe' } })).body.id as string
      const widenByWatch = await call('pesh.watch', 'PUT', `/api/areas/${id}/release`, { release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })
      assert.equal(widenByWatch.status, 403)
      const widened = await call('pesh.commander', 'PUT', `/api/areas/${id}/release`, { release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })
      assert.equal(widened.status, 200)
      assert.deepEqual(widened.body.release.releasedTo, ['iraqi-army', 'peshmerga'])
      const seen = await call('army.watch', 'GET', `/api/areas/${id}`)
      assert.equal(seen.status, 200)
      assert.deepEqual(seen.body.release, { scope: 'organizations' }, 'other organizations do not see the release list')
      assert.deepEqual(changes.filter((event) => event.id === id).at(-1)!.releasedTo, ['iraqi-army', 'peshmerga'])
      const narrowed = await call('pesh.watch', 'PUT', `/api/areas/${id}/release`, { release: { scope: 'originator' } })
      assert.equal(narrowed.status, 200)
      assert.equal((await call('army.watch', 'GET', `/api/areas/${id}`)).status, 404)
      const last = changes.filter((event) => event.id === id).at(-1)!
      assert.deepEqual(last.releasedTo, ['peshmerga'])
      assert.deepEqual([...last.previouslyReleasedTo!].sort(), ['iraqi-army', 'peshmerga'])
      const entries = await auditEntries('pesh.commander')
      assert.equal(entries.filter((entry) => entry.action === 'area.release-changed' && entry.objectId === id).length, 2)
    })

    test('an area released to a room follows the room\'s membership, and each change of membership is published', async () => {
      const created = await call('pesh.commander', 'POST', '/api/areas', { ...kifriArea, kind: 'joint-security-area', names: { en: 'Room area' }, roomId: 'kirkuk', release: { scope: 'room', roomId: 'kirkuk' } })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      const id = created.body.id as string
      assert.deepEqual(created.body.release.releasedTo, ['iraqi-army', 'joc', 'peshmerga'])
      assert.equal((await call('cts.liaison', 'GET', `/api/areas/${id}`)).status, 404)
      await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc', 'cts'] })
      assert.equal((await call('cts.liaison', 'GET', `/api/areas/${id}`)).status, 200)
      assert.deepEqual(changes.filter((event) => event.id === id).at(-1)!.releasedTo, ['cts', 'iraqi-army', 'joc', 'peshmerga'])
      await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: ['peshmerga', 'joc'] })
      assert.equal((await call('cts.liaison', 'GET', `/api/areas/${id}`)).status, 404)
      assert.equal((await call('army.watch', 'GET', `/api/areas/${id}`)).status, 404)
      const narrowed = changes.filter((event) => event.id === id).at(-1)!
      assert.deepEqual(narrowed.releasedTo, ['joc', 'peshmerga'])
      assert.deepEqual([...narrowed.previouslyReleasedTo!].sort(), ['cts', 'iraqi-army', 'joc', 'peshmerga'])
      await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc'] })
      assert.equal((await call('army.watch', 'GET', `/api/areas/${id}`)).status, 200)
    })

    test('areas are filtered by room, kind, intersecting box and time of validity', async () => {
      const release = { scope: 'room', roomId: 'kirkuk' }
      const march = (await call('pesh.commander', 'POST', '/api/areas', { ...kifriArea, names: { en: 'March JSA' }, kind: 'joint-security-area', roomId: 'kirkuk', release, validTo: '2025-04-01T00:00:00Z' })).body
      const april = (await call('pesh.commander', 'POST', '/api/areas', {
        ...kifriArea, names: { en: 'April AOR' }, geometry: { type: 'Polygon', coordinates: [square(44.3, 35.3, 0.1)] }, roomId: 'kirkuk', release,
        validFrom: '2025-04-01T00:00:00Z',
      })).body
      const ids = async (query: string) => ((await call('army.watch', 'GET', `/api/areas${query}`)).body as Array<{ id: string }>).map((area) => area.id)
      const both = [march.id, april.id]
      const has = (list: string[]) => both.map((id) => list.includes(id))
      assert.deepEqual(has(await ids('?roomId=kirkuk')), [true, true])
      assert.deepEqual(has(await ids('?roomId=diyala')), [false, false])
      assert.deepEqual(has(await ids('?kind=joint-security-area')), [true, false])
      assert.deepEqual(has(await ids('?bbox=44.95,34.75,45.5,35')), [true, false], 'the box cuts the March square only')
      assert.deepEqual(has(await ids('?bbox=44.0,35.0,44.35,35.35')), [false, true])
      assert.deepEqual(has(await ids('?activeAt=2025-03-31T23:59:59Z')), [true, false])
      assert.deepEqual(has(await ids('?activeAt=2025-04-01T00:00:00Z')), [false, true], 'the end is exclusive, the start inclusive')
      assert.deepEqual(has(await ids('?activeAt=2025-04-01T00:00:00%2B03:00')), [true, false], 'a time with an offset is read in its zone')
      const inForce = await tansiq.areas.activeInRoom({ organizationId: 'iraqi-army' }, 'kirkuk', new Date('2025-03-10T00:00:00Z'), 'joint-security-area')
      assert.ok(inForce.some((area) => area.id === march.id))
      assert.ok(inForce.every((area) => area.kind === 'joint-security-area' && area.validFrom <= '2025-03-10T00:00:00.000Z'))
      assert.equal((await call('army.watch', 'GET', '/api/areas?limit=1')).body.length, 1)
      const badBox = await call('army.watch', 'GET', '/api/areas?bbox=45,34,44,35')
      assert.equal(badBox.status, 400)
      assert.match(badBox.body.detail, /west < east/)
      assert.equal((await call('army.watch', 'GET', '/api/areas?activeAt=yesterday')).status, 400)
    })

    test('an area may name a unit of its own organization only', async () => {
      const own = await call('pesh.watch', 'POST', '/api/units', { names: { en: 'Kifri battalion' }, echelon: 'battalion', sidc: 'SFGPUCI----F---' })
      assert.equal(own.status, 201)
      const withUnit = await call('pesh.watch', 'POST', '/api/areas', { ...kifriArea, names: { en: 'Battalion AOR' }, unitId: own.body.id })
      assert.equal(withUnit.status, 201)
      assert.equal(withUnit.body.unitId, own.body.id)
      const theirs = await call('army.commander', 'POST', '/api/units', { names: { en: 'Army battalion' }, echelon: 'battalion', sidc: 'SFGPUCI----F---', release: { scope: 'organizations', organizationIds: ['peshmerga'] } })
      assert.equal(theirs.status, 201)
      const foreign = await call('pesh.watch', 'POST', '/api/areas', { ...kifriArea, names: { en: 'Foreign unit' }, unitId: theirs.body.id })
      assert.equal(foreign.status, 422)
      assert.match(foreign.body.detail, /belongs to iraqi-army/)
      const unseen = await call('army.commander', 'POST', '/api/units', { names: { en: 'Unseen battalion' }, echelon: 'battalion', sidc: 'SFGPUCI----F---' })
      const unknown = await call('pesh.watch', 'POST', '/api/areas', { ...kifriArea, names: { en: 'Unseen unit' }, unitId: unseen.body.id })
      assert.equal(unknown.status, 422)
      assert.match(unknown.body.detail, /Unknown unit/, 'a unit not released to the organization is not revealed')
      assert.equal((await call('pesh.watch', 'PATCH', `/api/areas/${withUnit.body.id}`, { unitId: theirs.body.id })).status, 422)
      const notMember = await call('pesh.watch', 'POST', '/api/areas', { ...kifriArea, names: { en: 'Not my room' }, roomId: 'diyala' })
      assert.equal(notMember.status, 422)
      assert.equal((await call('pesh.watch', 'POST', '/api/areas', { ...kifriArea, names: { en: 'No room' }, roomId: 'atlantis' })).status, 422)
    })

    test('invalid geometries and bad input are refused with a clear problem, and nothing is written', async () => {
      const countAreas = async () => ((await call('pesh.watch', 'GET', '/api/areas?limit=5000')).body as unknown[]).length
      const countCreated = async () => (await auditEntries('pesh.watch')).filter((entry) => entry.action === 'area.created').length
      const areasBefore = await countAreas()
      const createdBefore = await countCreated()
      const refuse = async (payload: unknown, status: number, code: string, detail: RegExp, user = 'pesh.watch') => {
        const response = await call(user, 'POST', '/api/areas', payload)
        assert.equal(response.status, status, JSON.stringify(response.body))
        assert.equal(response.body.code, code)
        assert.match(response.body.detail, detail)
      }
      const polygon = (ring: unknown) => ({ ...kifriArea, geometry: { type: 'Polygon', coordinates: [ring] } })

      await refuse(polygon([[44.9, 34.7], [45.0, 34.8], [45.0, 34.7], [44.9, 34.8], [44.9, 34.7]]), 400, 'invalid-geometry', /The area is not valid: Self-intersection\[/)
      await refuse(polygon([[44.9, 34.7], [45.0, 34.7], [45.0, 34.8], [44.9, 34.8]]), 400, 'validation-failed', /must be closed/)
      await refuse(polygon([[44.9, 34.7], [45.0, 34.7], [44.9, 34.7]]), 400, 'validation-failed', /at least 4 positions/)
      await refuse(polygon([[44.9, 34.7], [190, 34.7], [45.0, 34.8], [44.9, 34.7]]), 400, 'validation-failed', /geometry\/coordinates\/0\/1\/0: .*180/)
      await refuse(polygon([[44.9, 34.7], [45.0, 95], [45.0, 34.8], [44.9, 34.7]]), 400, 'validation-failed', /geometry\/coordinates\/0\/1\/1: .*90/)
      const overlapping = { type: 'MultiPolygon', coordinates: [[square(44.9, 34.7, 0.1)], [square(44.95, 34.75, 0.1)]] }
      await refuse({ ...kifriArea, geometry: overlapping }, 400, 'invalid-geometry', /Self-intersection/)
      const many = Array.from({ length: 100_001 }, (_, index) => {
        const angle = (2 * Math.PI * index) / 100_000
        return [Number((45 + 0.1 * Math.cos(angle)).toFixed(6)), Number((34.7 + 0.1 * Math.sin(angle)).toFixed(6))]
      })
      many[many.length - 1] = many[0]!
      await refuse(polygon(many), 400, 'validation-failed', /100001 vertices; at most 100000/)
      await refuse({ ...kifriArea, geometry: { type: 'LineString', coordinates: [[44.9, 34.7], [45, 34.8]] } }, 400, 'validation-failed', /geometry/)
      await refuse({ ...kifriArea, validFrom: '2025-03-02T00:00:00Z', validTo: '2025-03-01T00:00:00Z' }, 400, 'validation-failed', /validTo .* must be after validFrom/)
      await refuse({ ...kifriArea, validTo: '2025-03-01T00:00:00Z' }, 400, 'validation-failed', /must be after validFrom/)
      await refuse({ ...kifriArea, validFrom: '20250-03-01T00:00:00Z' }, 400, 'validation-failed', /validFrom/)
      await refuse({ ...kifriArea, validFrom: '2025-03-01' }, 400, 'validation-failed', /validFrom/)
      await refuse({ ...kifriArea, kind: 'zone' }, 400, 'validation-failed', /kind/)
      await refuse({ ...kifriArea, colour: 'red' }, 400, 'validation-failed', /colour/)
      await refuse({ ...kifriArea, release: { scope: 'organizations', organizationIds: ['nobody'] } }, 422, 'unprocessable', /nobody/)
      await refuse(kifriArea, 403, 'forbidden', /viewer/, 'coalition.viewer')
      await refuse({ ...kifriArea, release: { scope: 'organizations', organizationIds: ['iraqi-army'] } }, 403, 'forbidden', /commander/)

      assert.equal(await countAreas(), areasBefore)
      assert.equal(await countCreated(), createdBefore)
    })

    test('a bad change leaves the stored area as it was', async () => {
      const area = (await call('pesh.watch', 'POST', '/api/areas', { ...kifriArea, names: { en: 'Kept' }, validTo: '2025-03-10T00:00:00Z' })).body
      const bowTie = { type: 'Polygon', coordinates: [[[44.9, 34.7], [45.0, 34.8], [45.0, 34.7], [44.9, 34.8], [44.9, 34.7]]] }
      const badGeometry = await call('pesh.watch', 'PATCH', `/api/areas/${area.id}`, { names: { en: 'Changed' }, geometry: bowTie })
      assert.equal(badGeometry.status, 400)
      assert.equal(badGeometry.body.code, 'invalid-geometry')
      const startAfterEnd = await call('pesh.watch', 'PATCH', `/api/areas/${area.id}`, { names: { en: 'Changed' }, validFrom: '2025-03-20T00:00:00Z' })
      assert.equal(startAfterEnd.status, 400)
      assert.match(startAfterEnd.body.detail, /validTo \(2025-03-10T00:00:00.000Z\) must be after validFrom \(2025-03-20T00:00:00.000Z\)/)
      assert.equal((await call('coalition.viewer', 'PATCH', `/api/areas/${area.id}`, { names: { en: 'Viewer' } })).status, 403)
      assert.equal((await call('coalition.viewer', 'DELETE', `/api/areas/${area.id}`)).status, 403)
      assert.deepEqual((await call('pesh.watch', 'GET', `/api/areas/${area.id}`)).body, area)
      assert.equal((await auditEntries('pesh.watch')).some((entry) => entry.action === 'area.updated' && entry.objectId === area.id), false)
    })

    test('positions with an altitude are accepted and stored in two dimensions', async () => {
      const ring = square(44.9, 34.7, 0.1).map(([lon, lat]) => [lon, lat, 350])
      const created = await call('pesh.watch', 'POST', '/api/areas', { ...kifriArea, names: { en: '3D input' }, geometry: { type: 'Polygon', coordinates: [ring] } })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      assert.deepEqual(created.body.geometry.coordinates, [kifriSquare.coordinates])
    })
  })
}
