import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storageBackends } from '../platform/database/test-database.ts'
import { startTestTansiq, type TestTansiq } from '../server/test-harness.ts'
import type { BoundingBox } from '../platform/geometry/geojson.ts'
import type { LayerQuery } from '../live/layer-source.ts'
import { createPlacesService } from './places-service.ts'
import type { Place, PlaceSearchHit } from './places-schemas.ts'

for (const backend of storageBackends()) {
  describe(`places on ${backend}`, () => {
    let tansiq: TestTansiq
    const sessions: Record<string, string> = {}
    const call = async (user: string | null, url: string) => {
      if (user) sessions[user] ??= (await tansiq.login(user)).authorization
      const response = await tansiq.app.inject({ method: 'GET', url, headers: user ? { authorization: sessions[user]! } : {} })
      return { status: response.statusCode, body: response.body ? response.json() : null }
    }
    const search = async (user: string, parameters: Record<string, string>) => call(user, `/api/places?${new URLSearchParams(parameters)}`)
    const layerIds = async (organizationId: string, query: LayerQuery) => {
      const ids: Place[] = []
      for await (const place of tansiq.layers.get('places')!.list({ organizationId }, query)) ids.push(place as Place)
      return ids
    }

    before(async () => {
      tansiq = await startTestTansiq(backend)
      sessions.admin = (await tansiq.login('admin')).authorization
      const room = await tansiq.app.inject({
        method: 'POST', url: '/api/rooms', headers: { authorization: sessions.admin },
        payload: {
          id: 'kirkuk', names: { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' },
          memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc'],
          areaOfInterest: { type: 'Polygon', coordinates: [[[43.8, 34.5], [45.5, 34.5], [45.5, 35.8], [43.8, 35.8], [43.8, 34.5]]] },
        },
      })
      assert.equal(room.statusCode, 201, room.body)
    })
    after(async () => {
      await tansiq.close()
    })

    test('the gazetteer is loaded into the places table once, at start, with one audit entry', async () => {
      const [stored] = await tansiq.database.query<{ count: number; kinds: number; parents: number }>(
        'select count(*)::int as count, count(distinct kind)::int as kinds, count(parent_id)::int as parents from places')
      assert.ok(stored!.count >= 20_000, `${stored!.count} places`)
      assert.equal(stored!.kinds, 8)
      assert.ok(stored!.parents > 20_000, 'almost every place knows its administrative parent')
      const loaded = await tansiq.database.query<{ change: { count: number } }>("select change from audit_log where action = 'places.loaded'")
      assert.equal(loaded.length, 1)
      assert.equal(loaded[0]!.change.count, stored!.count)

      assert.equal(await tansiq.places.loadIfEmpty(), 0)
      assert.equal(await createPlacesService({ database: tansiq.database }).loadIfEmpty(), 0, 'another server on the same database loads nothing')
      const [again] = await tansiq.database.query<{ count: number }>('select count(*)::int as count from places')
      assert.equal(again!.count, stored!.count)
      assert.equal((await tansiq.database.query("select 1 from audit_log where action = 'places.loaded'")).length, 1)
    })

    test('every signed-in user finds a place whatever the spelling, best match first', async () => {
      for (const user of ['pesh.watch', 'army.watch', 'admin']) {
        for (const q of ['طوزخورماتو', 'طوز خورماتو', 'دووزخورماتوو', 'Tuz Khormato', 'Tooz']) {
          const found = await search(user, { q })
          assert.equal(found.status, 200, JSON.stringify(found.body))
          assert.equal(found.body[0].id, 'curated:tuz-khurmatu', `${user}: ${q}`)
        }
      }
      const [first] = (await search('pesh.watch', { q: 'كِفْرِي' })).body as PlaceSearchHit[]
      assert.deepEqual(
        { id: first!.id, kind: first!.kind, names: first!.names, parentId: first!.parentId, governorate: first!.governorate, district: first!.district, precision: first!.precision, matchTier: first!.matchTier, distanceKm: first!.distanceKm },
        { id: 'curated:kifri', kind: 'district', names: { en: 'Kifri', ar: 'كفري', ckb: 'کفری' }, parentId: 'curated:diyala', governorate: 'Diyala', district: 'Kifri', precision: 'point', matchTier: 'alias', distanceKm: null },
      )
      assert.ok(Math.abs(first!.lat - 34.69) < 0.01 && Math.abs(first!.lon - 44.96) < 0.01)
      assert.ok(first!.variants.length <= 5 && first!.variants.includes('Kifry'))
      assert.equal(typeof first!.score, 'number')
    })

    test('kind, near and limit shape the answer', async () => {
      const governorates = (await search('army.watch', { q: 'Kirkuk', kind: 'governorate' })).body as PlaceSearchHit[]
      assert.ok(governorates.length >= 1 && governorates.every((hit) => hit.kind === 'governorate'))
      const nearHalabja = (await search('army.watch', { q: 'خرباني', near: '35.18,45.99' })).body as PlaceSearchHit[]
      assert.equal(nearHalabja[0]!.id, 'wof:1310410569')
      assert.ok(nearHalabja[0]!.distanceKm! < 30)
      const nearMakhmour = (await search('army.watch', { q: 'خرباني', near: '35.78,43.58' })).body as PlaceSearchHit[]
      assert.equal(nearMakhmour[0]!.id, 'wof:1310193293')
      assert.equal(((await search('army.watch', { q: 'Khan', limit: '3' })).body as PlaceSearchHit[]).length, 3)
      assert.deepEqual((await search('army.watch', { q: 'zzqxvw' })).body, [])
    })

    test('a query out of bounds answers 400 with the field at fault', async () => {
      const cases: Array<Record<string, string>> = [
        {}, { q: '' }, { q: '   ' }, { q: 'ك'.repeat(101) }, { q: 'Kirkuk', near: 'Kirkuk' }, { q: 'Kirkuk', near: '91,44' }, { q: 'Kirkuk', near: '35,181' },
        { q: 'Kirkuk', near: '35' }, { q: 'Kirkuk', kind: 'city' }, { q: 'Kirkuk', limit: '0' }, { q: 'Kirkuk', limit: '51' }, { q: 'Kirkuk', sort: 'name' },
      ]
      for (const parameters of cases) {
        const answer = await search('pesh.watch', parameters)
        assert.equal(answer.status, 400, JSON.stringify(parameters))
        assert.equal(answer.body.code, 'validation-failed')
      }
      assert.equal((await search('pesh.watch', { q: `  ${'ك'.repeat(100)}  ` })).status, 200, '100 characters after trimming are accepted')
      assert.equal((await call(null, '/api/places?q=Kirkuk')).status, 401)
    })

    test('a place by id has every recorded spelling; an unknown id answers 404, a malformed one 400', async () => {
      const place = await call('army.watch', '/api/places/curated:tuz-khurmatu')
      assert.equal(place.status, 200)
      assert.equal(place.body.names.en, 'Tuz Khurmatu')
      assert.ok(place.body.variants.includes('Tooz') && place.body.variants.includes('طوزخورماتو'))
      assert.equal(place.body.source, 'curated')
      const wof = await call('army.watch', '/api/places/wof:1310410569')
      assert.equal(wof.status, 200)
      assert.equal(wof.body.kind, 'village')
      assert.equal(wof.body.source, 'wof')
      const unknown = await call('army.watch', '/api/places/wof:1')
      assert.equal(unknown.status, 404)
      assert.equal(unknown.body.code, 'not-found')
      assert.equal((await call('army.watch', `/api/places/${encodeURIComponent('kirkuk; drop table places')}`)).status, 400)
      assert.equal((await call(null, '/api/places/curated:kifri')).status, 401)
    })

    test('the places layer shows towns and larger in a wide box, villages too in a small one, and nothing without an area', async () => {
      const wide: BoundingBox = [43.8, 34.5, 45.5, 35.8]
      const inWide = await layerIds('cts', { bbox: wide })
      assert.ok(inWide.some((place) => place.id === 'curated:kirkuk'))
      assert.ok(inWide.length > 20 && inWide.every((place) => ['governorate', 'district', 'subdistrict', 'town', 'area'].includes(place.kind)))
      const small: BoundingBox = [44.88, 34.62, 45.04, 34.76]
      const inSmall = await layerIds('cts', { bbox: small })
      assert.ok(inSmall.some((place) => place.id === 'curated:kifri'))
      assert.ok(inSmall.some((place) => place.kind === 'village'))
      assert.ok(inSmall.every((place) => place.lon >= small[0] && place.lat >= small[1] && place.lon <= small[2] && place.lat <= small[3]))
      assert.deepEqual(await layerIds('cts', {}), [])
    })

    test("a room's places are its area of interest's, shown to its members only", async () => {
      const members = await layerIds('peshmerga', { roomId: 'kirkuk' })
      assert.ok(members.some((place) => place.id === 'curated:kirkuk'))
      assert.ok(!members.some((place) => place.id === 'curated:erbil'))
      assert.deepEqual(await layerIds('cts', { roomId: 'kirkuk' }), [])
      const both = await layerIds('peshmerga', { roomId: 'kirkuk', bbox: [44.88, 34.62, 45.04, 34.76] })
      assert.ok(both.some((place) => place.kind === 'village') && both.some((place) => place.id === 'curated:kifri'))
    })

    test('the OpenAPI document describes the search and its parameters', async () => {
      const document = (await tansiq.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
      const parameters = (document.paths['/api/places'].get.parameters as Array<{ name: string }>).map((parameter) => parameter.name).sort()
      assert.deepEqual(parameters, ['kind', 'limit', 'near', 'q'])
      assert.ok(document.paths['/api/places/{id}'].get)
    })

    test('places of a box export as GeoJSON points', async () => {
      const exported = await call('army.watch', '/api/exports/places.geojson?bbox=44.88,34.62,45.04,34.76')
      assert.equal(exported.status, 200)
      const kifri = exported.body.features.find((feature: { id: string }) => feature.id === 'curated:kifri')
      assert.equal(kifri.geometry.type, 'Point')
      assert.equal(kifri.properties.nameAr, 'كفري')
    })
  })
}
