// The claims of a joint operation side by side: one column per participating organization, one
// row per (item, action) anyone claimed, and every discrepancy marked — different counts, a count
// against "unspecified", a fact one organization claims and another does not. Militants, security
// members and civilians are separate items of the vocabulary and are grouped apart.
import { categoryOf, compareResults, resultKey, type ClaimedCount, type ClaimedResult, type ResultAction, type ResultCategory, type ResultItem } from './claims-vocabulary.ts'

/** What one organization claims; `results` is null while it has recorded nothing yet. */
export interface OrganizationClaims {
  readonly organizationId: string
  readonly results: readonly ClaimedResult[] | null
}

/** A cell: the organization's count, 'unspecified', 'not-claimed' (it recorded claims without this fact) or 'not-recorded' (it recorded nothing yet). */
export type ClaimCell = ClaimedCount | 'not-claimed' | 'not-recorded'

export const discrepancyKinds = ['different-counts', 'unspecified-count', 'not-claimed'] as const
export type DiscrepancyKind = (typeof discrepancyKinds)[number]

/** One disagreement in a row, naming the organizations on its odd side. */
export interface Discrepancy {
  readonly kind: DiscrepancyKind
  /** different-counts: every organization giving a number; unspecified-count: those giving none; not-claimed: those not claiming the fact. */
  readonly organizationIds: string[]
}

export interface ClaimsRow {
  readonly key: string
  readonly item: ResultItem
  readonly action: ResultAction
  readonly category: ResultCategory
  /** One per organization, in the table's column order. */
  readonly cells: Array<{ readonly organizationId: string; readonly claim: ClaimCell }>
  readonly discrepancies: Discrepancy[]
  /** Organizations that have recorded nothing yet: the row cannot be called consistent before they do. */
  readonly awaiting: string[]
  /** Every organization recorded claims and all claim the same: the same number, or all 'unspecified'. */
  readonly consistent: boolean
}

export interface ClaimsTable {
  /** The columns, in the order given (the lead first, by convention of the caller). */
  readonly organizationIds: string[]
  /** Militants, security members, civilians, materiel, air strikes; within each, the vocabulary's order. */
  readonly rows: ClaimsRow[]
  /** Rows with at least one discrepancy. */
  readonly discrepantRows: number
  /** Organizations that have recorded nothing yet. */
  readonly awaiting: string[]
  /** Every organization recorded claims and no row has a discrepancy. */
  readonly consistent: boolean
}

/** Puts claims side by side and marks every discrepancy. Organizations are the columns, in the order given. */
export function reconcileClaims(claims: readonly OrganizationClaims[]): ClaimsTable {
  const facts = new Map<string, { item: ResultItem; action: ResultAction }>()
  const byOrganization = new Map<string, Map<string, ClaimedCount> | null>()
  for (const { organizationId, results } of claims) {
    if (results === null) {
      byOrganization.set(organizationId, null)
      continue
    }
    const counts = new Map<string, ClaimedCount>()
    for (const result of results) {
      const key = resultKey(result)
      facts.set(key, { item: result.item, action: result.action })
      counts.set(key, result.count)
    }
    byOrganization.set(organizationId, counts)
  }
  const organizationIds = claims.map((claim) => claim.organizationId)
  const awaiting = organizationIds.filter((id) => byOrganization.get(id) === null)

  const rows = [...facts.entries()].sort(([, a], [, b]) => compareResults(a, b)).map(([key, fact]): ClaimsRow => {
    const cells = organizationIds.map((organizationId) => {
      const counts = byOrganization.get(organizationId)
      const claim: ClaimCell = counts === null || counts === undefined ? 'not-recorded' : counts.get(key) ?? 'not-claimed'
      return { organizationId, claim }
    })
    const numbered = cells.filter((cell) => typeof cell.claim === 'number')
    const unspecified = cells.filter((cell) => cell.claim === 'unspecified')
    const unclaimed = cells.filter((cell) => cell.claim === 'not-claimed')
    const discrepancies: Discrepancy[] = []
    if (new Set(numbered.map((cell) => cell.claim)).size > 1) discrepancies.push({ kind: 'different-counts', organizationIds: numbered.map((cell) => cell.organizationId) })
    if (unspecified.length > 0 && numbered.length > 0) discrepancies.push({ kind: 'unspecified-count', organizationIds: unspecified.map((cell) => cell.organizationId) })
    if (unclaimed.length > 0) discrepancies.push({ kind: 'not-claimed', organizationIds: unclaimed.map((cell) => cell.organizationId) })
    return { key, item: fact.item, action: fact.action, category: categoryOf(fact.item), cells, discrepancies, awaiting, consistent: discrepancies.length === 0 && awaiting.length === 0 }
  })
  const discrepantRows = rows.filter((row) => row.discrepancies.length > 0).length
  return { organizationIds, rows, discrepantRows, awaiting, consistent: awaiting.length === 0 && discrepantRows === 0 }
}
