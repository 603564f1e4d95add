/**
 * The rules of the impact analysis that do not need the database: who is affected by the
 * findings, what changed between two analyses, who may see a movement and each finding, and how
 * far to widen a bounding box so the spatial prefilter never misses an object within the buffer.
 */

/** What the analysis found near a movement in its window: one counterpart object. */
export interface Finding {
  counterpartType: 'area' | 'movement' | 'operation'
  counterpartId: string
  counterpartOrganizationId: string
  /** Whether the movement's route or area touches the counterpart itself, not only its buffer. */
  crosses: boolean
  /** The part of the movement within the buffer of the counterpart (GeoJSON). */
  overlap: unknown
  overlapFrom: string
  overlapTo: string
  distanceMeters: number
}

/** A finding as computed, with the organizations the counterpart object is released to. */
export interface ComputedFinding extends Finding {
  counterpartReleasedTo: readonly string[]
}

/** The organizations affected by a movement: those of the counterparts, never the author itself. */
export function affectedOrganizations(findings: readonly Pick<Finding, 'counterpartOrganizationId'>[], author: string): string[] {
  return [...new Set(findings.map((finding) => finding.counterpartOrganizationId).filter((organization) => organization !== author))].sort()
}

/** The identity of a finding: its counterpart. */
export function findingKey(finding: Pick<Finding, 'counterpartType' | 'counterpartId'>): string {
  return `${finding.counterpartType}:${finding.counterpartId}`
}

// Distances are compared to the metre: a recomputation that moves nothing must not read as a change.
function fingerprint(finding: Finding): string {
  return JSON.stringify([finding.counterpartOrganizationId, finding.crosses, finding.overlapFrom, finding.overlapTo, Math.round(finding.distanceMeters), finding.overlap])
}

/** The findings added, removed and changed between two analyses of one movement, by counterpart. */
export function diffFindings(before: readonly Finding[], after: readonly Finding[]): { added: string[]; removed: string[]; changed: string[] } {
  const previous = new Map(before.map((finding) => [findingKey(finding), fingerprint(finding)]))
  const next = new Map(after.map((finding) => [findingKey(finding), fingerprint(finding)]))
  return {
    added: [...next.keys()].filter((key) => !previous.has(key)).sort(),
    removed: [...previous.keys()].filter((key) => !next.has(key)).sort(),
    changed: [...next.entries()].filter(([key, print]) => previous.has(key) && previous.get(key) !== print).map(([key]) => key).sort(),
  }
}

/** How the parties of a movement change with a new set of affected organizations. */
export function partyChanges(parties: readonly { organizationId: string; affected: boolean }[], affected: readonly string[]): { newlyTold: string[]; affectedAgain: string[]; noLongerAffected: string[] } {
  const known = new Map(parties.map((party) => [party.organizationId, party.affected]))
  return {
    newlyTold: affected.filter((organization) => !known.has(organization)),
    affectedAgain: affected.filter((organization) => known.get(organization) === false),
    noLongerAffected: parties.filter((party) => party.affected && !affected.includes(party.organizationId)).map((party) => party.organizationId).sort(),
  }
}

/**
 * To whom a movement is released. A draft is its author's alone. Submitting is the act of telling
 * the room, so a submitted movement is released to the room's members and to every organization
 * ever told it is affected: those stay told, even when the finding that affected them goes away.
 */
export function movementReleasedTo(author: string, isDraft: boolean, roomMembers: readonly string[], told: readonly string[]): string[] {
  if (isDraft) return [author]
  return [...new Set([author, ...roomMembers, ...told])].sort()
}

/**
 * To whom a finding is released: the movement's author (it is about its own route), the
 * counterpart's organization (it is about its own object), and whoever may see both the movement
 * and the counterpart object. Anyone else sees the movement and its parties, not the finding.
 */
export function findingReleasedTo(author: string, counterpartOrganization: string, movementReleasedTo: readonly string[], counterpartReleasedTo: readonly string[]): string[] {
  const both = movementReleasedTo.filter((organization) => counterpartReleasedTo.includes(organization))
  return [...new Set([author, counterpartOrganization, ...both])].sort()
}

/** [west, south, east, north] of a GeoJSON geometry's coordinates. */
export function boundsOf(geometry: { coordinates: unknown }): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      box[0] = Math.min(box[0], value[0])
      box[1] = Math.min(box[1], value[1])
      box[2] = Math.max(box[2], value[0])
      box[3] = Math.max(box[3], value[1])
      return
    }
    value.forEach(visit)
  }
  visit(geometry.coordinates)
  return box
}

// Shortest length of a degree of latitude on WGS 84 (at the equator) and of longitude at the equator.
const metresPerDegreeLatitude = 110_574
const metresPerDegreeLongitudeAtEquator = 111_320
// Margin for the ellipsoid against the spherical estimate: a prefilter may take too much, never too little.
const safety = 1.05

/**
 * How many degrees of longitude and of latitude `meters` can span anywhere within [west, south,
 * east, north]: never less than the truth, so prefilters in degrees take too much, never too little.
 */
export function bufferInDegrees(box: readonly [number, number, number, number], meters: number): { dx: number; dy: number } {
  const dy = (meters / metresPerDegreeLatitude) * safety
  const farthestLatitude = Math.min(89.9, Math.max(Math.abs(box[1]), Math.abs(box[3])) + dy)
  const dx = Math.min(360, (meters / (metresPerDegreeLongitudeAtEquator * Math.cos((farthestLatitude * Math.PI) / 180))) * safety)
  return { dx, dy }
}

/**
 * A box around [west, south, east, north] that holds every point within `meters` of it, in
 * degrees: what the `&&` prefilter compares against before the exact geography distance.
 */
export function expandBounds(box: readonly [number, number, number, number], meters: number): [number, number, number, number] {
  const { dx, dy } = bufferInDegrees(box, meters)
  return [box[0] - dx, Math.max(-90, box[1] - dy), box[2] + dx, Math.min(90, box[3] + dy)]
}
