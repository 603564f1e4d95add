/**
 * The rules of an operation's plan that need no database: one lead, participants and their
 * units, axes and objective areas of participating organizations, phases within the operation's
 * window, and the movements the plan's axes produce (one per axis and phase using it).
 */
import type { ParticipantRole } from './operation-lifecycle.ts'

/** Longest operation window: 30 days. */
export const maxWindowMinutes = 30 * 24 * 60

export interface Liaison {
  name: string
  phone?: string | null | undefined
  radio?: string | null | undefined
}

export interface PlanParticipant {
  organizationId: string
  role: ParticipantRole
  unitIds: readonly string[]
  liaison?: Liaison | null | undefined
}

export interface PlanFeature {
  key: string
  name: string
  organizationId?: string | null | undefined
  unitIds?: readonly string[] | undefined
}

export interface PlanPhase {
  name: string
  startOffsetMinutes: number
  endOffsetMinutes: number
  axisKeys: readonly string[]
}

/** A plan as the rules see it. */
export interface Plan {
  leadOrganizationId: string
  hHour: Date
  window: { start: Date; end: Date }
  participants: readonly PlanParticipant[]
  objectiveAreas: readonly PlanFeature[]
  axes: readonly PlanFeature[]
  phases: readonly PlanPhase[]
}

/** A broken rule: where (a path into the request) and why. */
export interface PlanProblem {
  path: string
  message: string
}

const minute = 60_000

/** The planned window of a phase: H-hour plus its offsets. */
export function phaseWindow(hHour: Date, phase: Pick<PlanPhase, 'startOffsetMinutes' | 'endOffsetMinutes'>): { start: Date; end: Date } {
  return { start: new Date(hHour.getTime() + phase.startOffsetMinutes * minute), end: new Date(hHour.getTime() + phase.endOffsetMinutes * minute) }
}

/** The organization an axis or objective area belongs to: its own, or the lead's. */
export function featureOrganization(plan: Pick<Plan, 'leadOrganizationId'>, feature: PlanFeature): string {
  return feature.organizationId ?? plan.leadOrganizationId
}

/** The units moving along an axis: those it names, else every unit its organization brings. */
export function axisUnits(plan: Pick<Plan, 'leadOrganizationId' | 'participants'>, axis: PlanFeature): string[] {
  if (axis.unitIds && axis.unitIds.length > 0) return [...axis.unitIds]
  const organization = featureOrganization(plan, axis)
  return [...(plan.participants.find((participant) => participant.organizationId === organization)?.unitIds ?? [])]
}

const isoMinute = (date: Date) => date.toISOString().replace(':00.000Z', 'Z')

/** Every rule the plan breaks; none when it holds. */
export function planProblems(plan: Plan): PlanProblem[] {
  const problems: PlanProblem[] = []
  const add = (path: string, message: string) => problems.push({ path, message })

  const leads = plan.participants.filter((participant) => participant.role === 'lead')
  if (leads.length !== 1 || leads[0]!.organizationId !== plan.leadOrganizationId) {
    add('participants', `The lead organization (${plan.leadOrganizationId}) takes part with role 'lead', and it is the only lead`)
  }
  const seen = new Set<string>()
  plan.participants.forEach((participant, index) => {
    if (seen.has(participant.organizationId)) add(`participants.${index}.organizationId`, `${participant.organizationId} is listed twice`)
    seen.add(participant.organizationId)
  })
  if (!plan.participants.some((participant) => participant.role !== 'support' && participant.organizationId !== plan.leadOrganizationId)) {
    add('participants', 'A joint operation has at least one participating organization besides the lead')
  }
  const participantOf = (organization: string) => plan.participants.find((participant) => participant.organizationId === organization)
  const unitsOwned = new Map<string, string>()
  plan.participants.forEach((participant, index) => participant.unitIds.forEach((unit) => {
    const owner = unitsOwned.get(unit)
    if (owner !== undefined && owner !== participant.organizationId) add(`participants.${index}.unitIds`, `Unit ${unit} is listed by both ${owner} and ${participant.organizationId}`)
    unitsOwned.set(unit, participant.organizationId)
  }))

  if (plan.window.end <= plan.window.start) add('window.end', 'The window ends after it starts')
  if ((plan.window.end.getTime() - plan.window.start.getTime()) / minute > maxWindowMinutes) add('window', `An operation's window is at most ${maxWindowMinutes / 1440} days`)
  if (plan.hHour < plan.window.start || plan.hHour > plan.window.end) {
    add('hHour', `H-hour (${isoMinute(plan.hHour)}) lies within the operation's window (${isoMinute(plan.window.start)} – ${isoMinute(plan.window.end)})`)
  }

  const keys = new Set<string>()
  const checkFeature = (feature: PlanFeature, path: string, kind: 'axis' | 'objective area') => {
    if (keys.has(feature.key)) add(`${path}.key`, `The key ${feature.key} is used twice: each axis and objective area has its own`)
    keys.add(feature.key)
    const organization = featureOrganization(plan, feature)
    const participant = participantOf(organization)
    if (!participant) add(`${path}.organizationId`, `The ${kind} ${feature.key} belongs to ${organization}, which does not take part in the operation`)
    else if (kind === 'axis' && participant.role === 'support') {
      add(`${path}.organizationId`, `The axis ${feature.key} belongs to ${organization}, which supports the operation: axes are advanced along by the lead and the participants`)
    }
    feature.unitIds?.forEach((unit, index) => {
      if (!participant?.unitIds.includes(unit)) add(`${path}.unitIds.${index}`, `Unit ${unit} is not one of the units ${organization} brings to the operation`)
    })
  }
  plan.objectiveAreas.forEach((area, index) => checkFeature(area, `objectiveAreas.${index}`, 'objective area'))
  plan.axes.forEach((axis, index) => checkFeature(axis, `axes.${index}`, 'axis'))

  plan.phases.forEach((phase, index) => {
    const path = `phases.${index}`
    if (phase.endOffsetMinutes <= phase.startOffsetMinutes) add(`${path}.endOffsetMinutes`, `Phase ${index + 1} (${phase.name}) ends after it starts`)
    const { start, end } = phaseWindow(plan.hHour, phase)
    if (start < plan.window.start || end > plan.window.end) {
      add(path, `Phase ${index + 1} (${phase.name}) runs ${isoMinute(start)} – ${isoMinute(end)}, outside the operation's window ${isoMinute(plan.window.start)} – ${isoMinute(plan.window.end)}`)
    }
    const used = new Set<string>()
    phase.axisKeys.forEach((key, keyIndex) => {
      if (used.has(key)) add(`${path}.axisKeys.${keyIndex}`, `Phase ${index + 1} names the axis ${key} twice`)
      used.add(key)
      const axis = plan.axes.find((candidate) => candidate.key === key)
      if (!axis) {
        add(`${path}.axisKeys.${keyIndex}`, `Phase ${index + 1} moves along ${key}, which is not an axis of the operation`)
        return
      }
      const organization = featureOrganization(plan, axis)
      if (axisUnits(plan, axis).length === 0) add(`${path}.axisKeys.${keyIndex}`, `The axis ${key} is used in phase ${index + 1} but names no units, and ${organization} brings none`)
      if (!participantOf(organization)?.liaison) add(`${path}.axisKeys.${keyIndex}`, `The axis ${key} is used in phase ${index + 1}: ${organization} needs a liaison for the movement it notifies`)
    })
  })
  return problems
}

/** A movement the plan produces: one axis in one phase's window, of the axis's organization. */
export interface PlannedMovement {
  axisKey: string
  phaseOrdinal: number
  organizationId: string
  unitIds: string[]
  start: Date
  end: Date
  liaison: Liaison
}

/** The movements the plan's axes produce, phase by phase (ordinals from 1), in the order the phases name the axes. */
export function plannedMovements(plan: Plan): PlannedMovement[] {
  return plan.phases.flatMap((phase, index) => phase.axisKeys.flatMap((key) => {
    const axis = plan.axes.find((candidate) => candidate.key === key)
    if (!axis) return []
    const organizationId = featureOrganization(plan, axis)
    const liaison = plan.participants.find((participant) => participant.organizationId === organizationId)?.liaison
    if (!liaison) return []
    const { start, end } = phaseWindow(plan.hHour, phase)
    return [{ axisKey: key, phaseOrdinal: index + 1, organizationId, unitIds: axisUnits(plan, axis), start, end, liaison }]
  }))
}
