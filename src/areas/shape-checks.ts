/** Checks shared by the areas and coordination-lines capabilities before they write. */
import type { Queryable } from '../platform/database/database.ts'
import { pictureEditorRoles, type Principal } from '../platform/auth/principal.ts'
import { TansiqError } from '../platform/errors.ts'
import { validityWindowProblem, type ValidityWindow } from './core/validity-window.ts'
import { roomMembers, unitOrganization } from './shape-store.ts'

/** Refuses roles that may not edit the picture (viewers, analysts, administrators). */
export function requireEditor(principal: Principal): void {
  if (!pictureEditorRoles.includes(principal.role)) throw new TansiqError('forbidden', `Your role (${principal.role}) cannot edit the picture`)
}

/** Refuses a validity window that cannot be stored (end not after start, implausible year). */
export function requireValidWindow(window: ValidityWindow): void {
  const problem = validityWindowProblem(window)
  if (problem) throw new TansiqError('validation-failed', problem)
}

/** Refuses a room that does not exist or that the principal's organization is not a member of (the same answer: rooms are visible to members only). */
export async function requireMemberRoom(database: Queryable, principal: Principal, roomId: string | null | undefined): Promise<void> {
  if (!roomId) return
  const members = await roomMembers(database, roomId)
  if (!members || !members.includes(principal.organizationId)) throw new TansiqError('unprocessable', `Unknown room ${roomId} (it must exist and your organization must be a member)`)
}

/** Refuses a unit that is not released to the principal's organization or belongs to another one. */
export async function requireOwnUnit(database: Queryable, principal: Principal, unitId: string | null | undefined): Promise<void> {
  if (!unitId) return
  const organization = await unitOrganization(database, principal, unitId)
  if (organization === null) throw new TansiqError('unprocessable', `Unknown unit ${unitId}`)
  if (organization !== principal.organizationId) throw new TansiqError('unprocessable', `Unit ${unitId} belongs to ${organization}: an area may only name a unit of your own organization`)
}

/** The rooms a shape belongs to, for live subscriptions: its own room and the room it is released to. */
export function roomIdsOf(shape: { room_id: string | null; release_room_id: string | null }): string[] {
  return [...new Set([shape.room_id, shape.release_room_id].filter((id): id is string => id !== null))]
}
