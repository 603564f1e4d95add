/**
 * The rules that decide what a coverage result means: its totals, which gaps raise an alert,
 * whether the history gets a new point, and which organizations a reader may see named.
 */
import type { MatchedPart, PartKind } from './part-matching.ts'

/** Totals of a result. */
export interface CoverageTotals {
  gapKm2: number
  gapCount: number
  overlapKm2: number
  overlapCount: number
}

/** Sums the parts of a result by kind. */
export function totalsOf(parts: ReadonlyArray<{ kind: PartKind; areaKm2: number }>): CoverageTotals {
  const totals: CoverageTotals = { gapKm2: 0, gapCount: 0, overlapKm2: 0, overlapCount: 0 }
  for (const part of parts) {
    if (part.kind === 'gap') {
      totals.gapKm2 += part.areaKm2
      totals.gapCount += 1
    } else {
      totals.overlapKm2 += part.areaKm2
      totals.overlapCount += 1
    }
  }
  return totals
}

/**
 * The gaps that raise an alert: gaps larger than the threshold that are new — no predecessor, or
 * mostly uncovered ground that was covered before (a small gap that grew large counts as new).
 */
export function gapsToAlert<Part extends { kind: PartKind; areaKm2: number }>(parts: readonly Part[], matches: readonly MatchedPart[], thresholdKm2: number, newShare = 0.5): Part[] {
  return matches
    .filter((match) => {
      const part = parts[match.index]!
      return part.kind === 'gap' && part.areaKm2 >= thresholdKm2 && match.status !== 'unchanged' && match.newShare >= newShare
    })
    .map((match) => parts[match.index]!)
}

/**
 * Whether a computation adds a point to the gap history: the first one of a room with a joint
 * security area, one where the room gained or lost its joint security area, or one whose total
 * gap area or number of gaps differs from the last computation.
 */
export function historyChanged(
  previous: { gapKm2: number; gapCount: number; hasJointSecurityArea: boolean } | null,
  next: { gapKm2: number; gapCount: number; hasJointSecurityArea: boolean },
  toleranceKm2 = 1e-6,
): boolean {
  if (previous === null) return next.hasJointSecurityArea
  return previous.hasJointSecurityArea !== next.hasJointSecurityArea || Math.abs(previous.gapKm2 - next.gapKm2) > toleranceKm2 || previous.gapCount !== next.gapCount
}

/**
 * The organizations a reader may see named on a part: those owning one of the part's areas that is
 * released to the reader. `releasedOwners` maps the released areas' ids to their organizations.
 */
export function disclosedOrganizations(areaIds: readonly string[], releasedOwners: ReadonlyMap<string, string>): string[] {
  const organizations = new Set<string>()
  for (const id of areaIds) {
    const owner = releasedOwners.get(id)
    if (owner !== undefined) organizations.add(owner)
  }
  return [...organizations].sort()
}

/** The areas of the part's organizations released to every one of `readers` (what a live event, sent alike to all, may name). */
export function releasedToAll(perReader: ReadonlyArray<ReadonlyMap<string, string>>): Map<string, string> {
  if (perReader.length === 0) return new Map()
  const [first, ...rest] = perReader
  return new Map([...first!].filter(([id]) => rest.every((owners) => owners.has(id))))
}
