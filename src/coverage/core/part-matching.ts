/**
 * Matching a new coverage result with the stored one. Parts (gaps, overlaps) have no identity of
 * their own: each computation produces fresh polygons. A new part takes over the id of a stored
 * part when each holds most of the other's area (so live clients see an update, not a delete and
 * a create), and a gap counts as new when most of it was not a gap before — whatever the ids.
 */

export type PartKind = 'gap' | 'overlap'

/** A stored part, as the matching needs it. */
export interface PreviousPart {
  id: string
  kind: PartKind
  areaKm2: number
  organizationIds: readonly string[]
  areaIds: readonly string[]
  firstSeenAt: Date
}

/** A computed part with the area it shares with each stored part of the same kind. */
export interface NextPart {
  kind: PartKind
  areaKm2: number
  organizationIds: readonly string[]
  areaIds: readonly string[]
  shared: ReadonlyArray<{ previousId: string; sharedKm2: number }>
}

/** Thresholds of the matching. */
export interface MatchingRules {
  /** Share of both parts' areas that makes them the same part (0.5: each holds most of the other). */
  sameShare: number
  /** Share of a gap that must not have been a gap before for it to count as new. */
  newShare: number
  /** Relative difference of area (and complement of the shared share) still counted as unchanged. */
  tolerance: number
}

export const defaultMatchingRules: MatchingRules = { sameShare: 0.5, newShare: 0.5, tolerance: 1e-6 }

/** What became of one computed part. */
export interface MatchedPart {
  /** Index of the part in the computed list. */
  index: number
  /** The stored part it continues, or null for a part with no predecessor. */
  previousId: string | null
  /** unchanged: same polygon, same neighbours; changed: continues a stored part but differs; new: no predecessor. */
  status: 'new' | 'changed' | 'unchanged'
  /** Share of the part that was not a part of the same kind before (0 for an unchanged part, 1 for a fresh one). */
  newShare: number
  /** When the part (or the part it continues) was first seen. */
  firstSeenAt: Date | null
}

/** The outcome of a matching: each computed part, and the stored parts that no longer exist. */
export interface Matching {
  parts: MatchedPart[]
  removedIds: string[]
  /** Whether anything differs from the stored result. */
  changed: boolean
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')

/** Matches computed parts with stored ones by shared area. */
export function matchParts(previous: readonly PreviousPart[], next: readonly NextPart[], rules: MatchingRules = defaultMatchingRules): Matching {
  const byId = new Map(previous.map((part) => [part.id, part]))
  // Candidate pairs, largest shared area first; with sameShare >= 0.5 each part has at most one anyway.
  const candidates: Array<{ index: number; previous: PreviousPart; sharedKm2: number }> = []
  next.forEach((part, index) => {
    for (const { previousId, sharedKm2 } of part.shared) {
      const stored = byId.get(previousId)
      if (!stored || stored.kind !== part.kind) continue
      if (sharedKm2 >= rules.sameShare * part.areaKm2 && sharedKm2 >= rules.sameShare * stored.areaKm2) candidates.push({ index, previous: stored, sharedKm2 })
    }
  })
  candidates.sort((a, b) => b.sharedKm2 - a.sharedKm2)
  const takenPrevious = new Set<string>()
  const continued = new Map<number, { previous: PreviousPart; sharedKm2: number }>()
  for (const candidate of candidates) {
    if (takenPrevious.has(candidate.previous.id) || continued.has(candidate.index)) continue
    takenPrevious.add(candidate.previous.id)
    continued.set(candidate.index, candidate)
  }

  const parts = next.map((part, index): MatchedPart => {
    const sharedWithKind = part.shared.reduce((sum, entry) => sum + (byId.get(entry.previousId)?.kind === part.kind ? entry.sharedKm2 : 0), 0)
    const newShare = part.areaKm2 > 0 ? Math.min(1, Math.max(0, 1 - sharedWithKind / part.areaKm2)) : 0
    const match = continued.get(index)
    if (!match) return { index, previousId: null, status: 'new', newShare, firstSeenAt: null }
    const { previous: stored, sharedKm2 } = match
    const scale = Math.max(part.areaKm2, stored.areaKm2, Number.EPSILON)
    const sameShape = Math.abs(part.areaKm2 - stored.areaKm2) <= rules.tolerance * scale
      && sharedKm2 >= (1 - rules.tolerance) * part.areaKm2 && sharedKm2 >= (1 - rules.tolerance) * stored.areaKm2
    const unchanged = sameShape && sameSet(part.organizationIds, stored.organizationIds) && sameSet(part.areaIds, stored.areaIds)
    return { index, previousId: stored.id, status: unchanged ? 'unchanged' : 'changed', newShare: unchanged ? 0 : newShare, firstSeenAt: stored.firstSeenAt }
  })
  const removedIds = previous.filter((part) => !takenPrevious.has(part.id)).map((part) => part.id)
  return { parts, removedIds, changed: removedIds.length > 0 || parts.some((part) => part.status !== 'unchanged') }
}
