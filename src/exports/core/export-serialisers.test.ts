import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { parseCsv, readPlacemarks } from '../export-test-readers.ts'
import { csvCell, csvRow } from './csv-serialiser.ts'
import { exportSerialisers } from './export-serialisers.ts'
import { exportLayout, featureName, formatNumber, type ExportFeature, type ExportGeometry, type ExportSerialiser } from './export-types.ts'
import { escapeXml, kmlGeometry } from './kml-serialiser.ts'
import { toWkt } from './wkt.ts'

const square = [[44, 35], [45, 35], [45, 36], [44, 36], [44, 35]]
const hole = [[44.2, 35.2], [44.4, 35.2], [44.4, 35.4], [44.2, 35.2]]
const farSquare = [[46, 34], [46.5, 34], [46.5, 34.5], [46, 34]]

const geometries: { name: string; geometry: ExportGeometry | null; wkt: string; kml: string }[] = [
  { name: 'no geometry', geometry: null, wkt: '', kml: '' },
  { name: 'point', geometry: { type: 'Point', coordinates: [44.39, 35.47] }, wkt: 'POINT (44.39 35.47)', kml: 'Point(coordinates(44.39,35.47))' },
  { name: 'point with altitude', geometry: { type: 'Point', coordinates: [44.39, 35.47, 350] }, wkt: 'POINT Z (44.39 35.47 350)', kml: 'Point(coordinates(44.39,35.47,350))' },
  { name: 'tiny coordinates without exponents', geometry: { type: 'Point', coordinates: [1e-7, -2.5e-8] }, wkt: 'POINT (0.0000001 -0.000000025)', kml: 'Point(coordinates(0.0000001,-0.000000025))' },
  { name: 'line', geometry: { type: 'LineString', coordinates: [[44, 35], [44.5, 35.5]] }, wkt: 'LINESTRING (44 35, 44.5 35.5)', kml: 'LineString(coordinates(44,35 44.5,35.5))' },
  {
    name: 'polygon with a hole', geometry: { type: 'Polygon', coordinates: [square, hole] },
    wkt: 'POLYGON ((44 35, 45 35, 45 36, 44 36, 44 35), (44.2 35.2, 44.4 35.2, 44.4 35.4, 44.2 35.2))',
    kml: 'Polygon(outerBoundaryIs(LinearRing(coordinates(44,35 45,35 45,36 44,36 44,35))),innerBoundaryIs(LinearRing(coordinates(44.2,35.2 44.4,35.2 44.4,35.4 44.2,35.2))))',
  },
  {
    name: 'multipolygon', geometry: { type: 'MultiPolygon', coordinates: [[square, hole], [farSquare]] },
    wkt: 'MULTIPOLYGON (((44 35, 45 35, 45 36, 44 36, 44 35), (44.2 35.2, 44.4 35.2, 44.4 35.4, 44.2 35.2)), ((46 34, 46.5 34, 46.5 34.5, 46 34)))',
    kml: 'MultiGeometry(Polygon(outerBoundaryIs(LinearRing(coordinates(44,35 45,35 45,36 44,36 44,35))),innerBoundaryIs(LinearRing(coordinates(44.2,35.2 44.4,35.2 44.4,35.4 44.2,35.2)))),Polygon(outerBoundaryIs(LinearRing(coordinates(46,34 46.5,34 46.5,34.5 46,34)))))',
  },
  { name: 'multipoint', geometry: { type: 'MultiPoint', coordinates: [[44, 35], [45, 36]] }, wkt: 'MULTIPOINT ((44 35), (45 36))', kml: 'MultiGeometry(Point(coordinates(44,35)),Point(coordinates(45,36)))' },
  { name: 'multilinestring', geometry: { type: 'MultiLineString', coordinates: [[[44, 35], [45, 36]], [[46, 34], [46, 35]]] }, wkt: 'MULTILINESTRING ((44 35, 45 36), (46 34, 46 35))', kml: 'MultiGeometry(LineString(coordinates(44,35 45,36)),LineString(coordinates(46,34 46,35)))' },
  {
    name: 'geometry collection', geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [44, 35] }, { type: 'LineString', coordinates: [[44, 35], [45, 36]] }] },
    wkt: 'GEOMETRYCOLLECTION (POINT (44 35), LINESTRING (44 35, 45 36))', kml: 'MultiGeometry(Point(coordinates(44,35)),LineString(coordinates(44,35 45,36)))',
  },
  { name: 'empty collection', geometry: { type: 'GeometryCollection', geometries: [] }, wkt: 'GEOMETRYCOLLECTION EMPTY', kml: 'MultiGeometry()' },
]

describe('geometry in WKT and KML', () => {
  for (const { name, geometry, wkt, kml } of geometries) {
    test(`${name} is written as WKT and as KML`, () => {
      assert.equal(toWkt(geometry), wkt)
      const document = exportSerialisers.kml.header({ layer: 'test', columns: [] }) + exportSerialisers.kml.feature({ id: 'f1', geometry, properties: {} }, 0, { layer: 'test', columns: [] }) + exportSerialisers.kml.footer({ layer: 'test', columns: [] })
      assert.equal(readPlacemarks(document)[0]!.geometry, kml)
    })
  }
  test('a polygon without rings is still a well-formed element', () => {
    assert.equal(kmlGeometry({ type: 'Polygon', coordinates: [] }), '<Polygon/>')
    assert.equal(toWkt({ type: 'Polygon', coordinates: [] }), 'POLYGON EMPTY')
  })
})

describe('CSV cells', () => {
  const cells: [string, unknown, string][] = [
    ['plain text stays bare', 'brigade', 'brigade'],
    ['a comma is quoted', 'Kifri, Diyala', '"Kifri, Diyala"'],
    ['a quote is doubled inside quotes', 'the "northern" line', '"the ""northern"" line"'],
    ['a line break is quoted', 'line one\r\nline two', '"line one\r\nline two"'],
    ['a formula is defused', '=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['a leading plus is defused', '+1+2', "'+1+2"],
    ['a leading minus in text is defused', '-2+3+cmd|/C calc!A0', "'-2+3+cmd|/C calc!A0"],
    ['a leading at sign is defused', '@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['a leading tab is defused', '\t=1', "'\t=1"],
    ['a leading carriage return is defused and quoted', '\r=1', '"\'\r=1"'],
    ['a formula sign inside text is left alone', 'a=b', 'a=b'],
    ['a negative number stays a number', -44.5, '-44.5'],
    ['null is an empty cell', null, ''],
    ['a boolean is its word', true, 'true'],
    ['an object is its JSON', { en: 'x', list: [1, 2] }, '"{""en"":""x"",""list"":[1,2]}"'],
    ['Arabic stays as it is', 'اللواء الثاني، بيشمركة', 'اللواء الثاني، بيشمركة'],
    ['Sorani stays as it is', 'لیوای دووی پێشمەرگە', 'لیوای دووی پێشمەرگە'],
    ['a non-finite number is empty', Number.NaN, ''],
  ]
  for (const [name, value, expected] of cells) test(name, () => assert.equal(csvCell(value), expected))
  test('a record ends with CRLF and parses back to its values', () => {
    const row = csvRow(['id-1', '=1+1', 'قضاء كفري, "كلار"', -3, null])
    assert.ok(row.endsWith('\r\n'))
    assert.deepEqual(parseCsv(row), [['id-1', "'=1+1", 'قضاء كفري, "كلار"', '-3', '']])
  })
})

describe('XML escaping', () => {
  const cases: [string, string, string][] = [
    ['markup characters become entities', '<b>&"x"</b>', '&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;'],
    ['tab, line feed and carriage return become references', 'a\tb\nc\rd', 'a&#9;b&#10;c&#13;d'],
    ['characters XML cannot carry become U+FFFD', 'a\u0000b\u001Bc\uFFFF', 'a\uFFFDb\uFFFDc\uFFFD'],
    ['a lone surrogate becomes U+FFFD, a pair survives', 'x\uD800y😀', 'x\uFFFDy😀'],
    ['Arabic and Sorani pass untouched', 'طوزخورماتو — خورماتوو', 'طوزخورماتو — خورماتوو'],
  ]
  for (const [name, input, expected] of cases) test(name, () => assert.equal(escapeXml(input), expected))
})

describe('the layout and names of an export', () => {
  test('CSV columns are the property keys of the sample in order of first appearance', () => {
    const layout = exportLayout('areas', [
      { id: 'a', geometry: null, properties: { kind: 'aor', nameEn: 'A' } },
      { id: 'b', geometry: null, properties: { nameEn: 'B', validTo: null, kind: 'aor' } },
    ])
    assert.deepEqual(layout, { layer: 'areas', columns: ['kind', 'nameEn', 'validTo'] })
  })
  test('a placemark is named by the English name, else the name, names.en or title, else the id', () => {
    assert.equal(featureName({ id: 'x', geometry: null, properties: { nameEn: 'Kifri', name: 'other' } }), 'Kifri')
    assert.equal(featureName({ id: 'x', geometry: null, properties: { name: 'Line Bravo' } }), 'Line Bravo')
    assert.equal(featureName({ id: 'x', geometry: null, properties: { names: { en: 'Makhmour', ar: 'مخمور' } } }), 'Makhmour')
    assert.equal(featureName({ id: 'x', geometry: null, properties: { title: 'IED report' } }), 'IED report')
    assert.equal(featureName({ id: 'x', geometry: null, properties: { nameEn: '  ', nameAr: 'كفري' } }), 'x')
  })
  test('numbers are written without exponents and read back to the same value', () => {
    for (const value of [0, 44.39, -0.000000123, 1.5e-12, 123456789.125, -180]) {
      const text = formatNumber(value)
      assert.doesNotMatch(text, /e/i)
      assert.equal(Number(text), value)
    }
  })
})

const features: ExportFeature[] = [
  { id: 'u-1', geometry: { type: 'Point', coordinates: [44.39, 35.47] }, properties: { nameEn: '2nd Brigade', nameAr: 'اللواء الثاني "بيشمركة"', nameCkb: 'لیوای دووی پێشمەرگە', echelon: 'brigade', strength: -12 } },
  { id: 'u-2', geometry: null, properties: { nameEn: '=cmd|\' /C calc\'!A0', nameAr: 'فوج <الطوارئ> & الإسناد', nameCkb: 'هێزی\nپێشمەرگە', echelon: null, strength: 300 } },
  { id: 'a-3', geometry: { type: 'MultiPolygon', coordinates: [[square, hole], [farSquare]] }, properties: { nameEn: 'Garmiyan AOR', nameAr: 'كرميان', nameCkb: 'گەرمیان', echelon: 'division', strength: 0, extra: 'first met in the third feature' } },
]

function writeDocument(serialiser: ExportSerialiser, sample: readonly ExportFeature[], all: readonly ExportFeature[]): string {
  const layout = exportLayout('units', sample)
  return serialiser.header(layout) + all.map((feature, index) => serialiser.feature(feature, index, layout)).join('') + serialiser.footer(layout)
}

describe('whole documents read back', () => {
  for (const count of [0, 1, features.length]) {
    test(`GeoJSON of ${count} feature(s) parses back to the same features`, () => {
      const parsed = JSON.parse(writeDocument(exportSerialisers.geojson, features, features.slice(0, count)))
      assert.equal(parsed.type, 'FeatureCollection')
      assert.equal(parsed.name, 'units')
      assert.deepEqual(parsed.features, features.slice(0, count).map((feature) => ({ type: 'Feature', ...feature })))
    })
  }

  test('CSV starts with a byte-order mark, has id, property columns and wkt, and parses back', () => {
    const text = writeDocument(exportSerialisers.csv, features, features)
    assert.ok(text.startsWith('\uFEFFid,'))
    const [header, ...rows] = parseCsv(text.slice(1))
    assert.deepEqual(header, ['id', 'nameEn', 'nameAr', 'nameCkb', 'echelon', 'strength', 'extra', 'wkt'])
    assert.deepEqual(rows[0], ['u-1', '2nd Brigade', 'اللواء الثاني "بيشمركة"', 'لیوای دووی پێشمەرگە', 'brigade', '-12', '', 'POINT (44.39 35.47)'])
    assert.deepEqual(rows[1], ['u-2', "'=cmd|' /C calc'!A0", 'فوج <الطوارئ> & الإسناد', 'هێزی\nپێشمەرگە', '', '300', '', ''])
    assert.equal(rows[2]![7], 'MULTIPOLYGON (((44 35, 45 35, 45 36, 44 36, 44 35), (44.2 35.2, 44.4 35.2, 44.4 35.4, 44.2 35.2)), ((46 34, 46.5 34, 46.5 34.5, 46 34)))')
  })

  test('CSV drops a property key first met after the sample, keeping every row as wide as the header', () => {
    const rows = parseCsv(writeDocument(exportSerialisers.csv, features.slice(0, 2), features).slice(1))
    assert.equal(rows[0]!.includes('extra'), false)
    assert.ok(rows.every((row) => row.length === rows[0]!.length))
  })

  test('CSV renames properties called id or wkt so the header stays unique', () => {
    const rows = parseCsv(writeDocument(exportSerialisers.csv, [], [{ id: 'x', geometry: null, properties: { id: 'inner', wkt: 'w' } }]).slice(1))
    assert.deepEqual(rows, [['id', 'wkt'], ['x', '']], 'with an empty sample there are no property columns')
    const renamed = parseCsv(writeDocument(exportSerialisers.csv, [{ id: 'x', geometry: null, properties: { id: 'inner', wkt: 'w' } }], [{ id: 'x', geometry: null, properties: { id: 'inner', wkt: 'w' } }]).slice(1))
    assert.deepEqual(renamed, [['id', 'property:id', 'property:wkt', 'wkt'], ['x', 'inner', 'w', '']])
  })

  test('KML is well-formed and carries names, Arabic and Sorani properties and geometry back', () => {
    const placemarks = readPlacemarks(writeDocument(exportSerialisers.kml, features, features))
    assert.deepEqual(placemarks.map((placemark) => placemark.name), ['2nd Brigade', '=cmd|\' /C calc\'!A0', 'Garmiyan AOR'])
    assert.deepEqual(placemarks[0]!.data, { id: 'u-1', nameEn: '2nd Brigade', nameAr: 'اللواء الثاني "بيشمركة"', nameCkb: 'لیوای دووی پێشمەرگە', echelon: 'brigade', strength: '-12' })
    assert.equal(placemarks[1]!.data.nameAr, 'فوج <الطوارئ> & الإسناد')
    assert.equal(placemarks[1]!.data.nameCkb, 'هێزی\nپێشمەرگە')
    assert.equal(placemarks[1]!.geometry, '', 'a feature without geometry is a Placemark without geometry')
    assert.equal(placemarks[2]!.data.extra, 'first met in the third feature', 'KML keeps every property of every feature')
    assert.match(placemarks[2]!.geometry, /^MultiGeometry\(Polygon\(.*innerBoundaryIs.*\),Polygon\(/)
  })

  test('an empty KML document is still well-formed', () => {
    assert.deepEqual(readPlacemarks(writeDocument(exportSerialisers.kml, [], [])), [])
  })
})
