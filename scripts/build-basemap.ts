/**
 * Builds the offline basemap that Tansiq ships (reference-data/basemap/) from the project's shared
 * geographic data: the outline of Iraq, the districts simplified for display, the boundaries of
 * governorates and districts, their label points, and the towns of GeoNames cities500 with their Arabic and Sorani names from the
 * Who's On First gazetteer. Run once when the source data changes; the output is committed, so a
 * clone needs neither the source folder nor this script.
 *
 * The map draws the internal boundaries from boundaries.geojson: each border between two districts
 * once, as a line (from the districts' topology, which topojson builds from their shared edges),
 * marked governorate or district. Drawn from the polygons instead, every border would be drawn
 * twice, and a governorate's three times (its districts' and its own): on a map drawn by the CPU,
 * the time of a frame grows with the vertices of its lines (bench/web-room.bench.ts).
 *
 * Usage: node --import tsx scripts/build-basemap.ts [SOURCE_DIR]   (default ../shared/data)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Feature, FeatureCollection, MultiLineString } from 'geojson'
import { mesh } from 'topojson-client'
import { topology } from 'topojson-server'
import { presimplify, simplify } from 'topojson-simplify'
import type { GeometryObject } from 'topojson-specification'

type Position = [number, number]
type Ring = Position[]
interface SourceFeature {
  properties: Record<string, unknown>
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] }
}

const root = fileURLToPath(new URL('..', import.meta.url))
const sourceDirectory = process.argv[2] ?? join(root, '../shared/data')
const outputDirectory = join(root, 'reference-data/basemap')

/** Four decimals of a degree: about 11 m, finer than anything drawn at the zooms a room uses. */
const round = (value: number) => Math.round(value * 1e4) / 1e4

function perpendicularDistance(point: Position, start: Position, end: Position): number {
  const [x, y] = point
  const [x1, y1] = start
  const [x2, y2] = end
  const dx = x2 - x1
  const dy = y2 - y1
  if (dx === 0 && dy === 0) return Math.hypot(x - x1, y - y1)
  return Math.abs(dy * x - dx * y + x2 * y1 - y2 * x1) / Math.hypot(dx, dy)
}

/** Douglas–Peucker on one closed ring (iterative, so long rings cannot overflow the stack). */
function simplifyRing(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring.map(([x, y]) => [round(x), round(y)])
  const keep = new Uint8Array(ring.length)
  keep[0] = 1
  keep[ring.length - 1] = 1
  // A closed ring starts and ends at the same point: split it at its farthest point first.
  let farthest = 1
  let farthestDistance = 0
  for (let index = 1; index < ring.length - 1; index++) {
    const distance = Math.hypot(ring[index]![0] - ring[0]![0], ring[index]![1] - ring[0]![1])
    if (distance > farthestDistance) [farthest, farthestDistance] = [index, distance]
  }
  keep[farthest] = 1
  const stack: Array<[number, number]> = [[0, farthest], [farthest, ring.length - 1]]
  while (stack.length > 0) {
    const [first, last] = stack.pop()!
    let worst = -1
    let worstDistance = tolerance
    for (let index = first + 1; index < last; index++) {
      const distance = perpendicularDistance(ring[index]!, ring[first]!, ring[last]!)
      if (distance > worstDistance) [worst, worstDistance] = [index, distance]
    }
    if (worst >= 0) {
      keep[worst] = 1
      stack.push([first, worst], [worst, last])
    }
  }
  const simplified: Ring = []
  for (let index = 0; index < ring.length; index++) {
    if (!keep[index]) continue
    const point: Position = [round(ring[index]![0]), round(ring[index]![1])]
    const previous = simplified[simplified.length - 1]
    if (!previous || previous[0] !== point[0] || previous[1] !== point[1]) simplified.push(point)
  }
  return simplified
}

function simplifyPolygon(rings: Ring[], tolerance: number): Ring[] {
  return rings.map((ring) => simplifyRing(ring, tolerance)).filter((ring) => ring.length >= 4)
}

function simplifyGeometry(geometry: SourceFeature['geometry'], tolerance: number) {
  if (geometry.type === 'Polygon') return { type: 'Polygon' as const, coordinates: simplifyPolygon(geometry.coordinates, tolerance) }
  return { type: 'MultiPolygon' as const, coordinates: geometry.coordinates.map((polygon) => simplifyPolygon(polygon, tolerance)).filter((polygon) => polygon.length > 0) }
}

function readFeatures(name: string): SourceFeature[] {
  return (JSON.parse(readFileSync(join(sourceDirectory, name), 'utf8')) as { features: SourceFeature[] }).features
}

/** The first of several `|`-separated names, or ''. */
const firstName = (value: unknown) => String(value ?? '').split('|')[0]!.trim()

/** Sorani names in WOF are often prefixed with the word for governorate; the map shows the name alone. */
const withoutGovernorateWord = (name: string) => name.replace(/^پارێزگای\s+/, '')

function namesOf(properties: Record<string, unknown>) {
  const ckb = firstName(properties.name_ckb) || firstName(properties.name_ku_arab)
  return { en: String(properties.name_en), ar: firstName(properties.name_ar), ckb: withoutGovernorateWord(ckb) }
}

function writeCollection(name: string, features: unknown[]): void {
  const text = JSON.stringify({ type: 'FeatureCollection', features })
  writeFileSync(join(outputDirectory, name), text)
  console.log(`${name}: ${features.length} features, ${(text.length / 1024).toFixed(0)} KiB`)
}

mkdirSync(outputDirectory, { recursive: true })

const country = readFeatures('iq_adm0_country_wof.geojson')
writeCollection('country.geojson', country.map((feature) => ({
  type: 'Feature', properties: namesOf(feature.properties), geometry: simplifyGeometry(feature.geometry, 0.002),
})))

const labels: unknown[] = []
for (const [file, level] of [['iq_adm1_governorates_wof.geojson', 1], ['iq_adm2_districts_wof.geojson', 2]] as const) {
  const features = readFeatures(file)
  // The districts' polygons, for the after-action report's map (the web map draws boundaries.geojson).
  if (level === 2) {
    writeCollection('districts.geojson', features.map((feature) => ({
      type: 'Feature', id: Number(feature.properties.wof_id), properties: { ...namesOf(feature.properties), kurdistanRegion: feature.properties.kurdistan_region === true },
      geometry: simplifyGeometry(feature.geometry, 0.003),
    })))
  }
  for (const feature of features) {
    labels.push({
      type: 'Feature', properties: { ...namesOf(feature.properties), level },
      geometry: { type: 'Point', coordinates: [round(Number(feature.properties.label_lon)), round(Number(feature.properties.label_lat))] },
    })
  }
}
writeCollection('admin-labels.geojson', labels)

// Internal boundaries, each once: a border between districts of two governorates is a governorate
// boundary, between two of one governorate a district boundary. Coordinates are snapped to 1e-5 of
// the country's extent (≈ 10 m), which joins edges that differ by a rounding; the lines are then
// simplified on the shared arcs (Visvalingam, a triangle of 2e-5 square degrees ≈ 0.2 km²: about
// the detail of the polygons above), so neighbours keep one border.
{
  const districts = { type: 'FeatureCollection', features: readFeatures('iq_adm2_districts_wof.geojson') } as unknown as FeatureCollection
  const shared = simplify(presimplify(topology({ districts }, 1e5) as Parameters<typeof presimplify>[0]), 2e-5)
  const governorateOf = (district: GeometryObject) => (district.properties as { region_id: number }).region_id
  const between = (level: 1 | 2) => (a: GeometryObject, b: GeometryObject) => a !== b && (governorateOf(a) !== governorateOf(b)) === (level === 1)
  const lines = ([1, 2] as const).map((level): Feature<MultiLineString> => ({
    type: 'Feature', properties: { level },
    geometry: { type: 'MultiLineString', coordinates: mesh(shared, shared.objects.districts as GeometryObject, between(level)).coordinates.map((line) => line.map(([x, y]) => [round(x!), round(y!)])) },
  }))
  writeCollection('boundaries.geojson', lines)
  for (const line of lines) console.log(`  level ${line.properties!.level}: ${line.geometry.coordinates.length} lines, ${line.geometry.coordinates.reduce((sum, part) => sum + part.length, 0)} points`)
}

// Towns: GeoNames cities500 (population, feature code), named from the WOF gazetteer by geonameid.
const gazetteer = new Map<string, Record<string, string>>()
const gazetteerLines = readFileSync(join(root, 'reference-data/gazetteer/iq_gazetteer_wof.tsv'), 'utf8').split('\n')
const header = gazetteerLines[0]!.split('\t')
for (const line of gazetteerLines.slice(1)) {
  if (!line) continue
  const cells = line.split('\t')
  const row = Object.fromEntries(header.map((column, index) => [column, cells[index] ?? '']))
  if (row.geonameid) gazetteer.set(row.geonameid, row)
}
// Curated names (reference-data/gazetteer/places-curated.tsv) come first: they are the spellings
// the room uses. Indexed by every Latin spelling, folded.
const fold = (name: string) => name.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()
const curated = new Map<string, { en: string; ar: string; ckb: string }>()
const curatedTowns: Array<{ names: { en: string; ar: string; ckb: string }; lon: number; lat: number }> = []
for (const line of readFileSync(join(root, 'reference-data/gazetteer/places-curated.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue
  const [, kind, en, namesAr, namesCkb, namesLatin, lat, lon] = line.split('\t')
  if (kind === 'area' || kind === 'governorate') continue
  const names = { en: en!, ar: firstName(namesAr), ckb: firstName(namesCkb) }
  // A town's spelling wins over a district of the same name.
  for (const spelling of [en!, ...String(namesLatin ?? '').split('|')]) if (spelling && (kind === 'town' || !curated.has(fold(spelling)))) curated.set(fold(spelling), names)
  if (kind === 'town' || kind === 'subdistrict' || kind === 'village') curatedTowns.push({ names, lon: Number(lon), lat: Number(lat) })
}
/** A WOF locality near a point whose Latin spellings include the name (older geonameids differ). */
const localities = [...gazetteer.values()].filter((row) => row.placetype === 'locality' && row.name_ar)
function nearestNamed(name: string, lon: number, lat: number): Record<string, string> | undefined {
  const wanted = fold(name)
  let best: Record<string, string> | undefined
  let bestDistance = 0.05
  for (const row of localities) {
    const distance = Math.hypot(Number(row.longitude) - lon, Number(row.latitude) - lat)
    if (distance >= bestDistance) continue
    const spellings = [row.name_en, row.gn_asciiname, ...String(row.alternatenames).split('|')].map((spelling) => fold(spelling ?? ''))
    if (spellings.includes(wanted)) [best, bestDistance] = [row, distance]
  }
  return best
}
const places: unknown[] = []
const placed = new Set<string>()
for (const line of readFileSync(join(sourceDirectory, 'iq_geonames_cities500.txt'), 'utf8').split('\n')) {
  if (!line) continue
  const cells = line.split('\t')
  const [geonameid, , asciiName, , latitude, longitude, , featureCode] = cells
  if (featureCode === 'PPLX' || featureCode === 'PPLW') continue // neighbourhoods, destroyed places
  const population = Number(cells[14] ?? 0)
  const row = gazetteer.get(geonameid!) ?? nearestNamed(asciiName!, Number(longitude), Number(latitude))
  const fromGazetteer = row ? namesOf(row) : { en: asciiName!, ar: '', ckb: '' }
  // Some WOF cells hold a transliteration where a name in Arabic script belongs.
  const arabicScript = (name: string) => (/[\u0600-\u06FF]/.test(name) && !/[A-Za-z\u00C0-\u024F]/.test(name) ? name : '')
  fromGazetteer.ar = arabicScript(fromGazetteer.ar)
  fromGazetteer.ckb = arabicScript(fromGazetteer.ckb)
  const alternates = String(cells[3] ?? '').split(',')
  fromGazetteer.ar ||= alternates.find((name) => /^[\u0621-\u064A\s]+$/.test(name) && !/[\u06CC\u06A9]/.test(name)) ?? ''
  fromGazetteer.ckb ||= alternates.find((name) => /[\u06D5\u06CE\u06C6\u06B5\u0695]/.test(name) && !/[A-Za-z]/.test(name)) ?? ''
  const fromCurated = curated.get(fold(asciiName!)) ?? curated.get(fold(fromGazetteer.en))
  const en = fromCurated?.en ?? fromGazetteer.en
  const ar = fromCurated?.ar || fromGazetteer.ar || en
  const ckb = fromCurated?.ckb || fromGazetteer.ckb || ar
  placed.add(fold(en))
  // 1: capital and governorate seats or large cities; 2: district seats and towns over 20,000; 3: the rest.
  const rank = featureCode === 'PPLC' || featureCode === 'PPLA' || population >= 250_000 ? 1 : population >= 20_000 || featureCode === 'PPLA2' ? 2 : 3
  places.push({
    type: 'Feature', id: Number(geonameid), properties: { en, ar, ckb, rank, population },
    geometry: { type: 'Point', coordinates: [round(Number(longitude)), round(Number(latitude))] },
  })
}
// Curated towns, subdistrict seats and villages that cities500 lacks (it lists places of over 500 people by its own criteria).
for (const town of curatedTowns) {
  if (placed.has(fold(town.names.en))) continue
  placed.add(fold(town.names.en))
  places.push({
    type: 'Feature', properties: { ...town.names, ar: town.names.ar || town.names.en, ckb: town.names.ckb || town.names.ar || town.names.en, rank: 3, population: 0 },
    geometry: { type: 'Point', coordinates: [round(town.lon), round(town.lat)] },
  })
}
writeCollection('places.geojson', places)
