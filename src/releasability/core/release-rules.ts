/**
 * The releasability rules as pure functions: the effective set of organizations an object is
 * released to, who may change a release, and who loses sight of an object when it narrows.
 */
import type { Release } from '../release-schemas.ts'

/** The part of a stored object that releasability is about. */
export interface ReleaseState {
  organizationId: string
  scope: Release['scope']
  organizationIds: readonly string[]
  roomId: string | null
  releasedTo: readonly string[]
}

/** The organizations an object is released to: always its originator, plus the release's named ones or the room's members. */
export function effectiveReleasedTo(originator: string, release: Release, roomMembers: readonly string[] = []): string[] {
  const organizations = new Set([originator])
  if (release.scope === 'organizations') release.organizationIds.forEach((id) => organizations.add(id))
  if (release.scope === 'room') roomMembers.forEach((id) => organizations.add(id))
  return [...organizations].sort()
}

/** Whether an organization may see an object. */
export function isReleasedTo(state: Pick<ReleaseState, 'releasedTo'>, organizationId: string): boolean {
  return state.releasedTo.includes(organizationId)
}

/** Organizations that gain and lose sight of an object when its released set changes. */
export function releaseDifference(before: readonly string[], after: readonly string[]): { gained: string[]; lost: string[] } {
  const beforeSet = new Set(before)
  const afterSet = new Set(after)
  return { gained: after.filter((id) => !beforeSet.has(id)), lost: before.filter((id) => !afterSet.has(id)) }
}

/** The decision on a requested change of release. */
export type ReleaseDecision = { allowed: true } | { allowed: false; reason: string }

/** Whether someone of this role may widen a release (let another organization see an object): its commander. */
export function mayWidenRelease(role: string): boolean {
  return role === 'commander'
}

/**
 * Who may set a release: only the originator's organization changes it; widening (any
 * organization gains sight) needs the originator's commander; narrowing may be done by any of
 * the originator's officers who may write.
 */
export function decideReleaseChange(actor: { organizationId: string; role: string }, originator: string, before: readonly string[], after: readonly string[]): ReleaseDecision {
  if (actor.organizationId !== originator) return { allowed: false, reason: 'Only the originating organization may change the release of its objects' }
  const { gained } = releaseDifference(before, after)
  if (gained.length > 0 && !mayWidenRelease(actor.role)) {
    return { allowed: false, reason: `Widening the release (to ${gained.join(', ')}) needs a commander of ${originator}` }
  }
  if (actor.role === 'viewer') return { allowed: false, reason: 'Viewers cannot change releases' }
  return { allowed: true }
}
