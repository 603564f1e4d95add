/** Schemas of places (the gazetteer): validation, types and the OpenAPI document. */
import { z } from 'zod'
import type { PlaceKind } from './core/place-record.ts'

export const placeKinds = ['country', 'governorate', 'district', 'subdistrict', 'town', 'village', 'area', 'neighbourhood'] as const satisfies readonly PlaceKind[]
export const placePrecisions = ['point', 'centroid', 'approximate'] as const
export const matchTiers = ['alias', 'exact', 'normalised', 'fuzzy'] as const

/** Limits of the search, shared by the route and its clients. */
export const placeSearchLimits = { queryCharacters: 100, defaultResults: 10, maxResults: 50 } as const

/** A place id: `wof:<Who's On First id>` or `curated:<slug>`. */
export const placeIdSchema = z.string().regex(/^(?:wof|curated):[A-Za-z0-9._-]{1,100}$/, 'a place id is wof:<number> or curated:<slug>')

const placeNamesSchema = z.object({
  en: z.string(),
  ar: z.string().nullable(),
  ckb: z.string().nullable(),
}).describe('Preferred names in English, Arabic and Sorani Kurdish')

const placeFields = {
  id: placeIdSchema,
  kind: z.enum(placeKinds),
  names: placeNamesSchema,
  parentId: placeIdSchema.nullable().describe('The administrative parent: district, else governorate, else country'),
  governorate: z.string().nullable().describe('English name of the governorate the place is in'),
  district: z.string().nullable().describe('English name of the district (qadha) the place is in'),
  lat: z.number(),
  lon: z.number(),
  precision: z.enum(placePrecisions).describe('point: a surveyed position; centroid: of an area; approximate: within a few km'),
  population: z.number().int().nonnegative().describe('0 when unknown'),
}

/** A place as stored, with every recorded spelling. */
export const placeSchema = z.object({
  ...placeFields,
  variants: z.array(z.string()).describe('Every other recorded spelling (Arabic, Sorani, Latin)'),
  source: z.enum(['wof', 'curated']).describe("Who's On First, or Tansiq's curated list"),
})
export type Place = z.infer<typeof placeSchema>

/** A search answer: a place, a few of its spellings, and how well it matched. */
export const placeSearchHitSchema = z.object({
  ...placeFields,
  variants: z.array(z.string()).max(5).describe('A few other spellings'),
  matchTier: z.enum(matchTiers).describe('alias: a curated name; exact: the place\'s own name; normalised: another recorded spelling; fuzzy: the start of a name, or one letter off'),
  score: z.number().describe('Higher first; the order of the answer'),
  distanceKm: z.number().nullable().describe('From `near`, when given'),
})
export type PlaceSearchHit = z.infer<typeof placeSearchHitSchema>

const nearSchema = z.string().transform((text, context) => {
  const parts = text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)))
  const [lat, lon] = parts
  if (parts.length !== 2 || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat!) > 90 || Math.abs(lon!) > 180) {
    context.addIssue({ code: 'custom', message: 'near must be "lat,lon" in degrees (latitude -90..90, longitude -180..180)' })
    return z.NEVER
  }
  return { lat: lat!, lon: lon! }
})

export const searchPlacesQuerySchema = z.object({
  q: z.string().trim().min(1).max(placeSearchLimits.queryCharacters)
    .describe('A name in any script and spelling: Arabic with or without diacritics, Sorani, Latin transliterations, or the start of a name'),
  kind: z.enum(placeKinds).optional().describe('Only places of this kind'),
  near: nearSchema.optional().describe('lat,lon: among equally good matches, nearer first'),
  limit: z.coerce.number().int().min(1).max(placeSearchLimits.maxResults).default(placeSearchLimits.defaultResults),
}).strict()
export type SearchPlacesQuery = z.infer<typeof searchPlacesQuerySchema>
