/**
 * How a stored gap or overlap is shown to a reader. Coverage is a product of the room, seen by
 * its members; but it is derived from areas of responsibility that need not be released to every
 * member. The geometry reveals only "covered by no one" (gap) or "claimed twice" (overlap); an
 * organization is named only when one of its areas involved is released to the reader.
 */
import type { PartKind } from './part-matching.ts'
import { disclosedOrganizations } from './coverage-rules.ts'

/** A GeoJSON Polygon, [longitude, latitude] (coverage is computed in 2D). */
export interface PolygonGeometry {
  type: 'Polygon'
  coordinates: Array<Array<[number, number]>>
}

/** A stored part, as the views need it. */
export interface PartRecord {
  id: string
  roomId: string
  kind: PartKind
  geometry: PolygonGeometry
  areaKm2: number
  organizationIds: readonly string[]
  areaIds: readonly string[]
  firstSeenAt: Date
}

/** A gap or overlap as one reader (or every member alike, for live events) may see it. */
export interface CoverageFeature {
  id: string
  roomId: string
  kind: PartKind
  areaKm2: number
  geometry: PolygonGeometry
  /** Bordering (gap) or claiming (overlap) organizations disclosed to the reader. */
  organizationIds: string[]
  /** How many organizations claim an overlap (0 for a gap: who borders it is not counted for those who may not see it). */
  claimantCount: number
  firstSeenAt: string
}

/** The feature of a part for a reader, given the owners of the part's areas that are released to the reader. */
export function coverageFeatureOf(part: PartRecord, releasedOwners: ReadonlyMap<string, string>): CoverageFeature {
  return {
    id: part.id,
    roomId: part.roomId,
    kind: part.kind,
    areaKm2: part.areaKm2,
    geometry: part.geometry,
    organizationIds: disclosedOrganizations(part.areaIds, releasedOwners),
    claimantCount: part.kind === 'overlap' ? part.organizationIds.length : 0,
    firstSeenAt: part.firstSeenAt.toISOString(),
  }
}
