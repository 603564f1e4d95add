/**
 * Places: the gazetteer as reference data. Loaded into the places table once, when it is empty
 * (at server start), in one transaction with one audit entry; read by every signed-in user (no
 * releasability: places are public knowledge, not reporting). Name search answers from the
 * shared in-memory place index, built on the first search, over the same records.
 */
import type { Database } from '../platform/database/database.ts'
import type { Actor } from '../platform/auth/principal.ts'
import { TansiqError } from '../platform/errors.ts'
import type { ProgressReporter } from '../platform/database/open-database.ts'
import { appendAuditEntry } from '../audit/audit-log.ts'
import type { PlaceIndex } from './core/place-index.ts'
import type { PlaceRecord } from './core/place-record.ts'
import { loadPlaceIndex, loadPlaceRecords } from './gazetteer-loader.ts'
import { preparePlaceSearch, searchPlaceNames, type PlaceSearchResult } from './places-search.ts'
import { findPlace, insertPlaces, placesLoaded } from './places-store.ts'
import type { Place, PlaceSearchHit, SearchPlacesQuery } from './places-schemas.ts'

/** The gazetteer load is the system's doing, not a user's. */
export const gazetteerActor: Actor = { userId: null, username: 'system:gazetteer', organizationId: null, requestId: null }

/** Variants shown with a search answer: enough to recognise the place, not the whole list. */
const variantsPerHit = 5

function toHit(result: PlaceSearchResult): PlaceSearchHit {
  const { record } = result
  return {
    id: record.id, kind: record.kind, names: { en: record.name, ar: record.nameAr, ckb: record.nameCkb },
    variants: record.variants.slice(0, variantsPerHit), parentId: record.parentId, governorate: record.governorate, district: record.district,
    lat: record.lat, lon: record.lon, precision: record.precision, population: Math.max(0, Math.round(record.population)),
    matchTier: result.tier, score: Math.round(result.score * 1000) / 1000,
    distanceKm: result.distanceKm === null ? null : Math.round(result.distanceKm * 10) / 10,
  }
}

export type PlacesService = ReturnType<typeof createPlacesService>

/** Builds the places capability; `records` and `index` default to the shipped gazetteer (memoised per process). */
export function createPlacesService(options: {
  database: Database
  records?: () => readonly PlaceRecord[]
  index?: () => PlaceIndex
}) {
  const { database } = options
  const records = options.records ?? (() => loadPlaceRecords())
  const index = options.index ?? (() => loadPlaceIndex())

  return {
    /**
     * Loads the gazetteer into an empty places table (one transaction, one audit entry 'places.loaded');
     * a loaded table is left as it is. Returns the number of places inserted (0 when already loaded).
     */
    async loadIfEmpty(report: ProgressReporter = () => {}): Promise<number> {
      if (await placesLoaded(database)) return 0
      const started = Date.now()
      // A first start on a slow machine takes a few seconds: say so, but only then.
      const slow = setTimeout(() => report('Loading the gazetteer into the places table (once)…'), 1000)
      try {
        const inserted = await database.transaction(async (transaction) => {
          // Two servers starting together on one database: the second waits, then finds it loaded.
          await transaction.query('lock table places in exclusive mode')
          if (await placesLoaded(transaction)) return 0
          const all = records()
          const count = await insertPlaces(transaction, all)
          const organizations = await transaction.query<{ id: string }>('select id from organizations order by id')
          const bySource = { curated: all.filter((record) => record.source === 'curated').length, wof: all.filter((record) => record.source === 'wof').length }
          await appendAuditEntry(transaction, gazetteerActor, {
            action: 'places.loaded', objectType: 'places', objectId: 'gazetteer', change: { count, bySource },
            visibleTo: organizations.map((organization) => organization.id),
          })
          return count
        })
        const elapsed = Date.now() - started
        if (inserted > 0 && elapsed > 1000) report(`Gazetteer loaded: ${inserted.toLocaleString('en')} places in ${(elapsed / 1000).toFixed(1)} s`)
        return inserted
      } finally {
        clearTimeout(slow)
      }
    },

    /** Finds places by name in any script and spelling (see places-search.ts); every signed-in user may. */
    search(query: SearchPlacesQuery): PlaceSearchHit[] {
      return searchPlaceNames(index(), query).map(toHit)
    },

    /** Builds the search index now instead of on the first search (about a second of CPU). */
    warmSearch(): void {
      preparePlaceSearch(index())
    },

    /** One place by id, from the places table. */
    async get(id: string): Promise<Place> {
      const place = await findPlace(database, id)
      if (!place) throw new TansiqError('not-found', `No place ${id}`)
      return place
    },
  }
}
