/** SQL of the places table: the bulk load, reads by id and by bounding box. */
import type { Queryable } from '../platform/database/database.ts'
import type { BoundingBox } from '../platform/geometry/geojson.ts'
import type { PlaceRecord } from './core/place-record.ts'
import type { Place } from './places-schemas.ts'

interface PlaceRow {
  id: string
  kind: Place['kind']
  name_en: string
  name_ar: string | null
  name_ckb: string | null
  variants: string[]
  parent_id: string | null
  governorate: string | null
  district: string | null
  lat: number
  lon: number
  precision: Place['precision']
  population: number
  source: Place['source']
}

const selectPlaces = `select p.id, p.kind, p.name_en, p.name_ar, p.name_ckb, p.variants, p.parent_id, p.governorate, p.district,
    st_y(p.location) as lat, st_x(p.location) as lon, p.precision, p.population, p.source
  from places p`

function toPlace(row: PlaceRow): Place {
  return {
    id: row.id, kind: row.kind, names: { en: row.name_en, ar: row.name_ar, ckb: row.name_ckb }, variants: row.variants,
    parentId: row.parent_id, governorate: row.governorate, district: row.district, lat: row.lat, lon: row.lon,
    precision: row.precision, population: Number(row.population), source: row.source,
  }
}

/** Whether the gazetteer has been loaded. */
export async function placesLoaded(database: Queryable): Promise<boolean> {
  const [row] = await database.query<{ loaded: boolean }>('select exists (select 1 from places) as loaded')
  return row?.loaded ?? false
}

/** Rows per insert statement: large enough for few round trips, small enough for modest parameters. */
const insertChunk = 6000
/** Joins a place's variants into one text cell (unnest cannot carry ragged arrays); never occurs in names. */
const variantSeparator = '\u001f'

/** Inserts place records in a few unnest statements (the caller's transaction); returns the count. */
export async function insertPlaces(transaction: Queryable, records: readonly PlaceRecord[]): Promise<number> {
  for (let start = 0; start < records.length; start += insertChunk) {
    const chunk = records.slice(start, start + insertChunk)
    const column = <T>(pick: (record: PlaceRecord) => T): T[] => chunk.map(pick)
    await transaction.query(
      `insert into places (id, kind, name_en, name_ar, name_ckb, variants, parent_id, governorate, district, location, precision, population, source)
       select id, kind, name_en, name_ar, name_ckb,
         case when variants = '' then '{}'::text[] else string_to_array(variants, chr(31)) end,
         parent_id, governorate, district, st_setsrid(st_makepoint(lon, lat), 4326), precision, population, source
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
         $10::float8[], $11::float8[], $12::text[], $13::int8[], $14::text[])
         as t (id, kind, name_en, name_ar, name_ckb, variants, parent_id, governorate, district, lon, lat, precision, population, source)`,
      [
        column((record) => record.id), column((record) => record.kind), column((record) => record.name), column((record) => record.nameAr),
        column((record) => record.nameCkb), column((record) => record.variants.map((variant) => variant.replaceAll(variantSeparator, ' ')).join(variantSeparator)),
        column((record) => record.parentId), column((record) => record.governorate), column((record) => record.district),
        column((record) => record.lon), column((record) => record.lat), column((record) => record.precision),
        column((record) => Math.max(0, Math.round(record.population))), column((record) => record.source),
      ],
    )
  }
  return records.length
}

/** One place by id. */
export async function findPlace(database: Queryable, id: string): Promise<Place | null> {
  const [row] = await database.query<PlaceRow>(`${selectPlaces} where p.id = $1`, [id])
  return row ? toPlace(row) : null
}

/** Kinds shown on a large map: settlements from towns up, administrative units and named terrain. */
export const majorPlaceKinds: readonly Place['kind'][] = ['governorate', 'district', 'subdistrict', 'town', 'area']

/**
 * Places inside a box and/or a room's area of interest (a room only for its members), by id for
 * keyset paging; villages and neighbourhoods only when the area is at most `allKindsUpToDegrees2`.
 */
export async function listPlacesInArea(database: Queryable, filter: {
  bbox?: BoundingBox | undefined
  room?: { id: string; memberOrganizationId: string } | undefined
  allKindsUpToDegrees2: number
  afterId?: string | undefined
  limit: number
}): Promise<Place[]> {
  const parameters: unknown[] = []
  const parameter = (value: unknown): string => {
    parameters.push(value)
    return `$${parameters.length}`
  }
  // The area searched: the box, the room's area of interest, or both at once.
  const areas: string[] = []
  const from = [selectPlaces]
  if (filter.room) {
    from.push(`join rooms r on r.id = ${parameter(filter.room.id)} and ${parameter(filter.room.memberOrganizationId)} = any (r.member_organization_ids) and r.area_of_interest is not null`)
    areas.push('r.area_of_interest')
  }
  if (filter.bbox) {
    const [west, south, east, north] = filter.bbox.map(parameter)
    areas.push(`st_makeenvelope(${west}, ${south}, ${east}, ${north}, 4326)`)
  }
  if (areas.length === 0) return []
  const conditions = areas.map((area) => `st_intersects(p.location, ${area})`)
  const extent = areas.length === 1 ? areas[0]! : `st_intersection(${areas[0]}, ${areas[1]})`
  conditions.push(`(p.kind = any (${parameter(majorPlaceKinds)}::text[]) or st_area(st_envelope(${extent})) <= ${parameter(filter.allKindsUpToDegrees2)})`)
  if (filter.afterId) conditions.push(`p.id > ${parameter(filter.afterId)}`)
  const rows = await database.query<PlaceRow>(`${from.join(' ')} where ${conditions.join(' and ')} order by p.id limit ${parameter(filter.limit)}`, parameters)
  return rows.map(toPlace)
}
