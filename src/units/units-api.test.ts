import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storageBackends } from '../platform/database/test-database.ts'
import { apiCaller, startTestTansiq, type ApiCaller, type TestTansiq } from '../server/test-harness.ts'
import type { PictureChange } from '../live/picture-change.ts'

for (const backend of storageBackends()) {
  describe(`units and rooms over HTTP on ${backend}`, () => {
    let tansiq: TestTansiq
    const changes: PictureChange[] = []
    let call: ApiCaller
    const brigade = { names: { en: '2nd Peshmerga Brigade', ar: 'اللواء الثاني بيشمركة', ckb: 'لیوای دووی پێشمەرگە' }, echelon: 'brigade', sidc: 'SFGPUCI----H---' }

    before(async () => {
      tansiq = await startTestTansiq(backend)
      call = apiCaller(tansiq)
      tansiq.bus.subscribe((change) => changes.push(change))
      const room = await call('admin', 'POST', '/api/rooms', {
        id: 'kirkuk', names: { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' },
        memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc'],
        areaOfInterest: { type: 'Polygon', coordinates: [[[43.8, 34.5], [45.5, 34.5], [45.5, 35.8], [43.8, 35.8], [43.8, 34.5]]] },
      })
      assert.equal(room.status, 201, JSON.stringify(room.body))
    })
    after(async () => {
      await tansiq.close()
    })

    test('a unit is created for the creator\'s organization, released to it alone by default, and audited', async () => {
      const created = await call('pesh.watch', 'POST', '/api/units', brigade)
      assert.equal(created.status, 201, JSON.stringify(created.body))
      assert.equal(created.body.organizationId, 'peshmerga')
      assert.deepEqual(created.body.release, { scope: 'originator', organizationIds: [], roomId: null, releasedTo: ['peshmerga'] })
      assert.equal(created.body.names.ckb, 'لیوای دووی پێشمەرگە')
      const audit = await call('pesh.commander', 'GET', '/api/audit?limit=20')
      assert.ok(audit.body.some((entry: { action: string; objectId: string }) => entry.action === 'unit.created' && entry.objectId === created.body.id))
      const change = changes.find((event) => event.id === created.body.id)
      assert.deepEqual(change?.releasedTo, ['peshmerga'])
    })

    test('the map symbol of a code is SVG, without a session, cached by ETag; an unreadable code gets the unknown frame, a malformed one a problem', async () => {
      const symbol = (file: string, headers: Record<string, string> = {}) => tansiq.app.inject({ method: 'GET', url: `/api/unit-symbols/${file}`, headers })
      const friendly = await symbol('SFGPUCI----K---.svg')
      assert.equal(friendly.statusCode, 200, friendly.body)
      assert.match(String(friendly.headers['content-type']), /^image\/svg\+xml/)
      assert.match(friendly.body, /^<svg [^>]*width="[\d.]+" height="[\d.]+"/)
      assert.equal(friendly.headers['cache-control'], 'public, max-age=86400')
      const again = await symbol('SFGPUCI----K---.svg', { 'if-none-match': String(friendly.headers.etag) })
      assert.equal(again.statusCode, 304)
      // Hostile and friendly differ (frame and colour); a numeric code is drawn too.
      const hostile = await symbol('SHGPUCI----K---.svg')
      assert.notEqual(hostile.body, friendly.body)
      assert.equal((await symbol('10031000001211000000.svg')).statusCode, 200)
      const unreadable = await symbol('SZZZZZZZZZZZZZZ.svg')
      assert.equal(unreadable.statusCode, 200)
      assert.equal(unreadable.body, (await symbol('SUGP-----------.svg')).body)
      const malformed = await symbol('not-a-code.svg')
      assert.equal(malformed.statusCode, 400)
      assert.equal(malformed.json().code, 'validation-failed')
      assert.equal((await symbol('SFGPUCI----K---.gif')).statusCode, 400)
      // The file name is documented as the string it is, though the route reads it into code and format.
      const documented = (await tansiq.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths['/api/unit-symbols/{file}'].get
      const file = documented.parameters.find((parameter: { name: string }) => parameter.name === 'file')
      assert.deepEqual([file.in, file.schema.type], ['path', 'string'])
      assert.match(file.description, /\.svg or \.png/)
    })

    test('the map symbol as PNG is the SVG drawn at the screen\'s pixel ratio; a scale out of 1–3 is a problem', async () => {
      const symbol = (file: string) => tansiq.app.inject({ method: 'GET', url: `/api/unit-symbols/${file}` })
      const svg = (await symbol('SFGPUCI----K---.svg')).body
      const [, svgWidth, svgHeight] = /width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.map(Number)
      for (const scale of [1, 2, 3]) {
        const png = await symbol(`SFGPUCI----K---.png?scale=${scale}`)
        assert.equal(png.statusCode, 200, png.body)
        assert.equal(png.headers['content-type'], 'image/png')
        const bytes = png.rawPayload
        assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature')
        // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
        const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
        assert.ok(Math.abs(width - svgWidth! * scale) <= 1 && Math.abs(height - svgHeight! * scale) <= 1, `${width} × ${height} at scale ${scale}, the SVG ${svgWidth} × ${svgHeight}`)
      }
      const hostile = await symbol('SHGPUCI----K---.png?scale=2')
      assert.notDeepEqual(hostile.rawPayload, (await symbol('SFGPUCI----K---.png?scale=2')).rawPayload)
      assert.equal((await symbol('SFGPUCI----K---.png')).rawPayload.readUInt32BE(16), (await symbol('SFGPUCI----K---.png?scale=1')).rawPayload.readUInt32BE(16), 'scale 1 by default')
      for (const scale of ['0', '4', '1.5', 'x']) {
        const refused = await symbol(`SFGPUCI----K---.png?scale=${scale}`)
        assert.equal(refused.statusCode, 400, `scale ${scale}`)
        assert.equal(refused.json().code, 'validation-failed')
      }
    })

    test('an organization never sees a unit not released to it, by id or in lists', async () => {
      const created = await call('pesh.watch', 'POST', '/api/units', { ...brigade, names: { en: 'Hidden unit' } })
      assert.equal((await call('army.watch', 'GET', `/api/units/${created.body.id}`)).status, 404)
      const list = await call('army.watch', 'GET', '/api/units')
      assert.equal(list.body.some((unit: { id: string }) => unit.id === created.body.id), false)
      assert.equal((await call('army.watch', 'PATCH', `/api/units/${created.body.id}`, { status: 'inactive' })).status, 404)
    })

    test('widening the release needs the originator\'s commander; narrowing removes the object from live views', async () => {
      const created = await call('pesh.watch', 'POST', '/api/units', { ...brigade, names: { en: 'Release probe' } })
      const id = created.body.id as string
      const byWatch = await call('pesh.watch', 'PUT', `/api/units/${id}/release`, { release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })
      assert.equal(byWatch.status, 403)
      const byOtherCommander = await call('army.commander', 'PUT', `/api/units/${id}/release`, { release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })
      assert.equal(byOtherCommander.status, 404)
      const widened = await call('pesh.commander', 'PUT', `/api/units/${id}/release`, { release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })
      assert.equal(widened.status, 200)
      const seen = await call('army.watch', 'GET', `/api/units/${id}`)
      assert.equal(seen.status, 200)
      assert.deepEqual(seen.body.release, { scope: 'organizations' }, 'other organizations do not see the release list')
      const narrowed = await call('pesh.watch', 'PUT', `/api/units/${id}/release`, { release: { scope: 'originator' } })
      assert.equal(narrowed.status, 200)
      assert.equal((await call('army.watch', 'GET', `/api/units/${id}`)).status, 404)
      const last = changes.filter((event) => event.id === id).at(-1)!
      assert.deepEqual(last.releasedTo, ['peshmerga'])
      assert.deepEqual([...last.previouslyReleasedTo!].sort(), ['iraqi-army', 'peshmerga'])
      const entries = await call('pesh.commander', 'GET', '/api/audit?limit=50')
      assert.equal(entries.body.filter((entry: { action: string; objectId: string }) => entry.action === 'unit.release-changed' && entry.objectId === id).length, 2)
    })

    test('a unit released to a room follows the room\'s membership', async () => {
      const created = await call('pesh.commander', 'POST', '/api/units', { ...brigade, names: { en: 'Room unit' }, homeRoomId: 'kirkuk', release: { scope: 'room', roomId: 'kirkuk' } })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      assert.deepEqual(created.body.release.releasedTo, ['iraqi-army', 'joc', 'peshmerga'])
      assert.equal((await call('cts.liaison', 'GET', `/api/units/${created.body.id}`)).status, 404)
      await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc', 'cts'] })
      assert.equal((await call('cts.liaison', 'GET', `/api/units/${created.body.id}`)).status, 200)
      await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: ['peshmerga', 'joc'] })
      assert.equal((await call('cts.liaison', 'GET', `/api/units/${created.body.id}`)).status, 404)
      assert.equal((await call('army.watch', 'GET', `/api/units/${created.body.id}`)).status, 404)
      const rooms = await call('army.watch', 'GET', '/api/rooms')
      assert.equal(rooms.body.some((room: { id: string }) => room.id === 'kirkuk'), false)
      await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc'] })
    })

    test('bad unit input is refused with a clear problem and nothing is written', async () => {
      const before = (await call('pesh.watch', 'GET', '/api/units')).body.length
      const unknownSymbol = await call('pesh.watch', 'POST', '/api/units', { ...brigade, sidc: 'SFGPXXXXXXXXXXX' })
      assert.equal(unknownSymbol.status, 400)
      assert.match(unknownSymbol.body.detail, /unknown symbol code/)
      assert.equal((await call('pesh.watch', 'POST', '/api/units', { ...brigade, homeRoomId: 'atlantis' })).status, 422)
      assert.equal((await call('pesh.watch', 'POST', '/api/units', { ...brigade, echelon: 'horde' })).status, 400)
      assert.equal((await call('pesh.watch', 'POST', '/api/units', { ...brigade, release: { scope: 'organizations', organizationIds: ['nobody'] } })).status, 422)
      assert.equal((await call('coalition.viewer', 'POST', '/api/units', brigade)).status, 403)
      assert.equal((await call('pesh.watch', 'GET', '/api/units')).body.length, before)
    })

    test('a stale version is a conflict, and a parent cycle is refused', async () => {
      const parent = await call('pesh.watch', 'POST', '/api/units', { ...brigade, names: { en: 'Parent' } })
      const child = await call('pesh.watch', 'POST', '/api/units', { ...brigade, names: { en: 'Child' }, echelon: 'battalion', parentUnitId: parent.body.id })
      assert.equal(child.status, 201)
      assert.equal((await call('pesh.watch', 'PATCH', `/api/units/${child.body.id}`, { status: 'moving', version: 1 })).status, 200)
      assert.equal((await call('pesh.watch', 'PATCH', `/api/units/${child.body.id}`, { status: 'halted', version: 1 })).status, 409)
      assert.equal((await call('pesh.watch', 'PATCH', `/api/units/${parent.body.id}`, { parentUnitId: child.body.id })).status, 422)
    })

    test('a unit is deleted by its organization only', async () => {
      const created = await call('pesh.watch', 'POST', '/api/units', { ...brigade, names: { en: 'Short-lived' }, release: { scope: 'room', roomId: 'kirkuk' } })
      assert.equal(created.status, 403, 'a watch officer cannot widen to the room')
      const own = await call('pesh.commander', 'POST', '/api/units', { ...brigade, names: { en: 'Short-lived' }, release: { scope: 'room', roomId: 'kirkuk' } })
      assert.equal((await call('army.watch', 'DELETE', `/api/units/${own.body.id}`)).status, 403)
      assert.equal((await call('pesh.watch', 'DELETE', `/api/units/${own.body.id}`)).status, 204)
      assert.equal((await call('pesh.watch', 'GET', `/api/units/${own.body.id}`)).status, 404)
      const deletion = changes.filter((event) => event.id === own.body.id).at(-1)!
      assert.equal(deletion.kind, 'delete')
      assert.deepEqual([...deletion.previouslyReleasedTo!], ['iraqi-army', 'joc', 'peshmerga'])
    })
  })
}
