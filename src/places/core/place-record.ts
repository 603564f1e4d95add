// Place records: one plain object per place of the gazetteer, parsed from the TSV text of the
// Who's On First extract (reference-data/gazetteer/iq_gazetteer_wof.tsv) and of Tansiq's curated
// list (reference-data/gazetteer/places-curated.tsv). Pure: callers read the files and pass text.
// The database-backed place search reuses this type and these parsers.

/** Kind of place, coarse to fine. `area` is a named terrain or region (mountains, valley, desert). */
export type PlaceKind = 'country' | 'governorate' | 'district' | 'subdistrict' | 'town' | 'village' | 'area' | 'neighbourhood'

/** How exact the coordinates are: a surveyed point, a polygon centroid, or an approximate position. */
export type PlacePrecision = 'point' | 'centroid' | 'approximate'

/** One place with its names in all scripts, its kind, position and administrative parents. */
export interface PlaceRecord {
  /** Stable id: `wof:<id>` or `curated:<slug>`. */
  readonly id: string
  /** English canonical name (what reports show). */
  readonly name: string
  /** Preferred Arabic name, if known. */
  readonly nameAr: string | null
  /** Preferred Sorani name, if known. */
  readonly nameCkb: string | null
  /** Every other spelling (Arabic, Sorani, Latin), without the names above. */
  readonly variants: readonly string[]
  readonly kind: PlaceKind
  /** WGS 84 latitude. */
  readonly lat: number
  /** WGS 84 longitude. */
  readonly lon: number
  readonly precision: PlacePrecision
  /** English name of the governorate the place is in, if known. */
  readonly governorate: string | null
  /** English name of the district (qadha) the place is in, if known. */
  readonly district: string | null
  /** Id of the administrative parent (district, else governorate, else country) among the loaded records, if known. */
  readonly parentId: string | null
  /** Population when the source gives one, else 0. */
  readonly population: number
  /** Where the record comes from; curated records are preferred over gazetteer rows with the same name. */
  readonly source: 'wof' | 'curated'
  /** True for places worth matching without a place word before them (towns, districts, governorates, curated). */
  readonly major: boolean
}

function split(cell: string | undefined): string[] {
  return (cell ?? '').split('|').map((value) => value.trim()).filter((value) => value.length > 0)
}

function unique(values: readonly string[], without: readonly (string | null)[]): string[] {
  const seen = new Set(without.filter((value): value is string => value !== null))
  const kept: string[] = []
  for (const value of values) {
    if (seen.has(value)) continue
    seen.add(value)
    kept.push(value)
  }
  return kept
}

const GOVERNORATE_NAMES: Readonly<Record<string, string>> = {
  'Al-Anbar': 'Anbar', 'Al-Basrah': 'Basra', 'Al-Muthannia': 'Muthanna', 'Al-Qadisiyah': 'Qadisiyah', 'An-Najaf': 'Najaf',
  Arbil: 'Erbil', 'As-Sulaymaniyah': 'Sulaymaniyah', Babil: 'Babil', Baghdad: 'Baghdad', Dihok: 'Duhok', 'Dhi-Qar': 'Dhi Qar',
  Diyala: 'Diyala', Karbala: 'Karbala', "Karbala'": 'Karbala', Kirkuk: 'Kirkuk', "At-Ta'mim": 'Kirkuk', Maysan: 'Maysan', Ninawa: 'Nineveh', 'Sala ad-Din': 'Salahuddin',
  Wasit: 'Wasit', Halabja: 'Halabja',
}

/** Parses the Who's On First gazetteer TSV (header row first) into place records; campuses are skipped. */
export function parseWofGazetteer(tsv: string): PlaceRecord[] {
  const lines = tsv.split('\n')
  const header = (lines[0] ?? '').split('\t')
  const column = (name: string): number => header.indexOf(name)
  const c = {
    id: column('wof_id'), placetype: column('placetype'), name: column('name'), nameEn: column('name_en'), nameAr: column('name_ar'),
    nameArVariant: column('name_ar_variant'), nameCkb: column('name_ckb'), kuLatn: column('name_ku_latn'), kuArab: column('name_ku_arab'),
    alternates: column('alternatenames'), lat: column('latitude'), lon: column('longitude'), gnName: column('gn_name'),
    gnAscii: column('gn_asciiname'), code: column('gn_feature_code'), population: column('gn_population'), region: column('region_name_en'),
    county: column('county_name_en'), current: column('is_current'), regionId: column('region_id'), countyId: column('county_id'),
  }
  const records: PlaceRecord[] = []
  let countryId: string | null = null
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!
    if (line.trim() === '') continue
    const cells = line.split('\t')
    const get = (at: number): string => (at >= 0 ? (cells[at] ?? '').trim() : '')
    const placetype = get(c.placetype)
    const lat = Number(get(c.lat))
    const lon = Number(get(c.lon))
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || placetype === 'campus') continue
    const population = Number(get(c.population)) || 0
    const code = get(c.code)
    let kind: PlaceKind
    if (placetype === 'country') kind = 'country'
    else if (placetype === 'region') kind = 'governorate'
    else if (placetype === 'county') kind = 'district'
    else if (placetype === 'neighbourhood') kind = 'neighbourhood'
    else if (code === 'PPLA3') kind = 'subdistrict'
    else if (code === 'PPLA2' || code === 'PPLA' || code === 'PPLC' || code === '' || population >= 5000 || get(c.current) === '1') kind = 'town'
    else kind = 'village'
    const arabic = split(get(c.nameAr))
    const ckb = split(get(c.nameCkb))
    const nameAr = arabic[0] ?? null
    const nameCkb = ckb[0] ?? split(get(c.kuArab))[0] ?? null
    const name = get(c.nameEn) || get(c.name)
    const variants = unique(
      [...arabic.slice(1), ...split(get(c.nameArVariant)), ...ckb.slice(1), ...split(get(c.kuArab)), ...split(get(c.kuLatn)), ...split(get(c.alternates)), get(c.name), get(c.gnName), get(c.gnAscii)].filter((value) => value !== ''),
      [name, nameAr, nameCkb],
    )
    const region = get(c.region)
    const id = `wof:${get(c.id)}`
    if (placetype === 'country') countryId = id
    // The nearest enclosing unit the row names: its district (county), else its governorate (region).
    const parents = [get(c.countyId), get(c.regionId)].filter((value) => value !== '').map((value) => `wof:${value}`).filter((value) => value !== id)
    records.push({
      id,
      name,
      nameAr,
      nameCkb,
      variants,
      kind,
      lat,
      lon,
      precision: placetype === 'locality' || placetype === 'neighbourhood' ? 'point' : 'centroid',
      governorate: region === '' ? null : (GOVERNORATE_NAMES[region] ?? region),
      district: get(c.county) || null,
      parentId: placetype === 'region' ? null : (parents[0] ?? null),
      population,
      source: 'wof',
      major: kind === 'governorate' || kind === 'district' || kind === 'town' || kind === 'subdistrict',
    })
  }
  // Governorates belong to the country; a parent outside the extract is unknown rather than dangling.
  const ids = new Set(records.map((record) => record.id))
  return records.map((record) => {
    const wanted = record.kind === 'governorate' ? countryId : record.parentId
    const parentId = wanted !== null && ids.has(wanted) ? wanted : null
    return parentId === record.parentId ? record : { ...record, parentId }
  })
}

const KINDS = new Set<PlaceKind>(['country', 'governorate', 'district', 'subdistrict', 'town', 'village', 'area', 'neighbourhood'])

/** Parses Tansiq's curated places TSV (lines starting with # are comments) into place records. */
export function parseCuratedPlaces(tsv: string): PlaceRecord[] {
  const records: PlaceRecord[] = []
  for (const line of tsv.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue
    const [id, kind, name, ar, ckb, latn, lat, lon, governorate, district, precision] = line.split('\t').map((cell) => cell.trim())
    if (!id || !name || !KINDS.has(kind as PlaceKind)) continue
    const arabic = split(ar)
    const sorani = split(ckb)
    records.push({
      id: `curated:${id}`,
      name,
      nameAr: arabic[0] ?? null,
      nameCkb: sorani[0] ?? null,
      variants: unique([...arabic.slice(1), ...sorani.slice(1), ...split(latn)], [name, arabic[0] ?? null, sorani[0] ?? null]),
      kind: kind as PlaceKind,
      lat: Number(lat),
      lon: Number(lon),
      precision: precision === 'point' || precision === 'centroid' ? precision : 'approximate',
      governorate: governorate || null,
      district: district || null,
      parentId: null,
      population: 0,
      source: 'curated',
      major: true,
    })
  }
  return records
}

/**
 * Gives curated records (which name their district and governorate, not ids) the id of that
 * district, else of that governorate, else of the country, among `records`; curated units first.
 */
export function resolveCuratedParents(records: readonly PlaceRecord[]): PlaceRecord[] {
  const byKindAndName = new Map<string, PlaceRecord>()
  const remember = (kind: PlaceKind, name: string | null, record: PlaceRecord): void => {
    const key = `${kind}\u0000${(name ?? '').toLowerCase()}`
    if (name && !byKindAndName.has(key)) byKindAndName.set(key, record)
  }
  const ordered = [...records.filter((record) => record.source === 'curated'), ...records.filter((record) => record.source !== 'curated')]
  for (const record of ordered) {
    if (record.kind === 'district') remember('district', record.name, record)
    // A governorate is known by its own name and by the governorate name its rows carry (Arbil → Erbil).
    if (record.kind === 'governorate') for (const name of [record.name, record.governorate]) remember('governorate', name, record)
  }
  const country = records.find((record) => record.kind === 'country') ?? null
  return records.map((record) => {
    if (record.source !== 'curated' || record.parentId !== null || record.kind === 'country') return record
    const district = record.kind === 'district' || record.kind === 'governorate' ? undefined : byKindAndName.get(`district\u0000${(record.district ?? '').toLowerCase()}`)
    const governorate = record.kind === 'governorate' ? undefined : byKindAndName.get(`governorate\u0000${(record.governorate ?? '').toLowerCase()}`)
    const parent = [district, governorate, country].find((candidate) => candidate !== undefined && candidate !== null && candidate.id !== record.id)
    return parent ? { ...record, parentId: parent.id } : record
  })
}

/** Great-circle distance in kilometres between two places (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const radians = Math.PI / 180
  const dLat = (b.lat - a.lat) * radians
  const dLon = (b.lon - a.lon) * radians
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * radians) * Math.cos(b.lat * radians) * Math.sin(dLon / 2) ** 2
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)))
}
