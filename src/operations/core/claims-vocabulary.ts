// The results vocabulary of operation claims: the statement reader's items and actions
// (docs: ingest-format.md), with a count or 'unspecified', grouped so that militants, security
// members and civilians are never mixed. Pure.
import { ALLOWED_ACTIONS, RESULT_ACTIONS, RESULT_ITEMS, type ResultAction, type ResultItem } from '../../ingest/core/incident-draft-schema.ts'

export type { ResultAction, ResultItem }

/** A number, or 'unspecified' when the organization claims the fact without one ("a number of"). */
export type ClaimedCount = number | 'unspecified'

/** One claimed (or agreed) result: the vocabulary of the statement reader (docs: ingest-format.md). */
export interface ClaimedResult {
  readonly item: ResultItem
  readonly action: ResultAction
  readonly count: ClaimedCount
}

/** The groups the table keeps apart. */
export const resultCategories = ['militants', 'security-members', 'civilians', 'materiel', 'airstrikes'] as const
export type ResultCategory = (typeof resultCategories)[number]

/** The group an item belongs to: enemy persons, the reporting side's members, civilians, things and places, air strikes. */
export function categoryOf(item: ResultItem): ResultCategory {
  if (item === 'militant') return 'militants'
  if (item === 'security-member') return 'security-members'
  if (item === 'civilian') return 'civilians'
  if (item === 'airstrike') return 'airstrikes'
  return 'materiel'
}

/** The key of a row: one (item, action) fact. */
export function resultKey(result: { item: ResultItem; action: ResultAction }): string {
  return `${result.item}:${result.action}`
}

const itemOrder = new Map(RESULT_ITEMS.map((item, index) => [item, index]))
const actionOrder = new Map(RESULT_ACTIONS.map((action, index) => [action, index]))
const categoryOrder = new Map(resultCategories.map((category, index) => [category, index]))

/** Orders results as the table does: by category, then item and action in the vocabulary's order. */
export function compareResults(a: { item: ResultItem; action: ResultAction }, b: { item: ResultItem; action: ResultAction }): number {
  return (categoryOrder.get(categoryOf(a.item))! - categoryOrder.get(categoryOf(b.item))!)
    || (itemOrder.get(a.item)! - itemOrder.get(b.item)!)
    || (actionOrder.get(a.action)! - actionOrder.get(b.action)!)
}

/** Facts listed more than once (one entry per (item, action): a repeated mention is one fact). */
export function repeatedFacts(results: ReadonlyArray<{ item: ResultItem; action: ResultAction }>): string[] {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const result of results) {
    const key = resultKey(result)
    if (seen.has(key)) repeated.add(key)
    seen.add(key)
  }
  return [...repeated]
}

/** Facts whose action makes no sense for the item ("civilian destroyed"), with the actions the item allows. */
export function unfitFacts(results: ReadonlyArray<{ item: ResultItem; action: ResultAction }>): Array<{ key: string; allowed: readonly ResultAction[] }> {
  return results.filter((result) => !ALLOWED_ACTIONS[result.item].includes(result.action)).map((result) => ({ key: resultKey(result), allowed: ALLOWED_ACTIONS[result.item] }))
}
