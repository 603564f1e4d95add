/**
 * Demo mode's picture: the reference rooms, units, areas (with the Kifri – Tuz Khurmatu gap) and
 * reports, created once through the same services as the API, each by the commander of its
 * organization; movements notified, answered and left as drafts through the movements service
 * (again whenever none is waiting or under way, so the demo stays current); then the track
 * simulator moves the units. Never used outside demo mode.
 */
import type { Principal } from '../platform/auth/principal.ts'
import type { Tansiq } from '../server/tansiq-server.ts'
import { startTrackSimulator, type TrackSimulator, type SimulatedUnit } from '../tracks/track-simulator.ts'
import { createMovementBodySchema } from '../movements/movement-schemas.ts'
import { liveStatuses } from '../movements/core/movement-lifecycle.ts'
import { demoAreas, demoMovements, demoReports, demoRooms, demoUnits } from './demo-scenario.ts'

const commanders: Record<string, string> = {
  peshmerga: 'pesh.commander', 'iraqi-army': 'army.commander', cts: 'cts.commander', joc: 'joc.commander',
}

async function principalOf(tansiq: Tansiq, username: string): Promise<Principal> {
  const user = await tansiq.accounts.findUserByUsername(username)
  if (!user) throw new Error(`demo user ${username} is missing: seed the demo accounts first`)
  return { userId: user.id, username: user.username, displayName: user.displayName, organizationId: user.organizationId, role: user.role, sessionId: 'demo-seed', csrfToken: '', via: 'bearer' }
}

/**
 * Creates the demo picture unless rooms already exist, and the demo movements unless some are
 * still waiting or under way; returns whether it created the picture.
 */
export async function seedDemoPicture(tansiq: Tansiq): Promise<boolean> {
  const admin = await principalOf(tansiq, 'admin')
  const create = (await tansiq.rooms.list(admin)).length === 0
  if (create) await createPicture(tansiq, admin)
  await seedDemoMovements(tansiq)
  return create
}

async function createPicture(tansiq: Tansiq, admin: Principal): Promise<void> {
  const requestId = 'demo-seed'
  for (const room of demoRooms) {
    await tansiq.rooms.create(admin, { id: room.id, names: room.names, memberOrganizationIds: [...room.members], areaOfInterest: { type: 'Polygon', coordinates: [room.area] }, noticePeriods: { routine: 24 * 60, priority: 6 * 60, immediate: 60, flash: 0 }, bufferMeters: 2000 }, requestId)
  }
  const commanderOf = async (organizationId: string) => principalOf(tansiq, commanders[organizationId] ?? 'admin')
  for (const unit of demoUnits) {
    await tansiq.units.create(await commanderOf(unit.organizationId), {
      names: unit.names, echelon: unit.echelon, sidc: unit.sidc, parentUnitId: null, homeRoomId: unit.roomId, status: 'active', release: { scope: 'room', roomId: unit.roomId },
    }, requestId)
  }
  for (const area of demoAreas) {
    await tansiq.areas.create(await commanderOf(area.organizationId), {
      kind: area.kind, names: area.names, geometry: { type: 'Polygon', coordinates: [area.ring] }, unitId: null, roomId: area.roomId, validTo: null, release: { scope: 'room', roomId: area.roomId },
    }, requestId)
  }
  for (const report of demoReports) {
    await tansiq.reports.create(await commanderOf(report.organizationId), {
      type: report.type, title: report.title, body: report.body, language: report.language,
      occurredAt: new Date(Date.now() - report.daysAgo * 86_400_000).toISOString(), location: { type: 'Point', coordinates: report.point }, placeId: null,
      sourceReliability: report.reliability, informationCredibility: report.credibility, roomId: 'kirkuk', unitIds: [], operationIds: [],
      release: report.roomRelease ? { scope: 'room', roomId: 'kirkuk' } : { scope: 'originator' },
    }, requestId)
  }
}

/** The demo unit of a DemoUnit key, as its organization sees it. */
async function demoUnitId(tansiq: Tansiq, key: string): Promise<{ id: string; organizationId: string }> {
  const demo = demoUnits.find((unit) => unit.key === key)!
  const [unit] = (await tansiq.units.list({ organizationId: demo.organizationId }, { limit: 5000 })).filter((candidate) => candidate.names.en === demo.names.en && candidate.organizationId === demo.organizationId)
  if (!unit) throw new Error(`demo unit ${demo.names.en} is missing`)
  return { id: unit.id, organizationId: demo.organizationId }
}

/**
 * Notifies the demo movements (demo-scenario.ts) through the movements service, with times from
 * now, and answers them as the scenario says — unless a movement of the Kirkuk room is still
 * waiting or under way (they expire after their window, so a later start brings fresh ones).
 * Returns how many it created.
 */
export async function seedDemoMovements(tansiq: Tansiq, now: Date = new Date()): Promise<number> {
  const current = await tansiq.movements.list({ organizationId: 'joc' }, { roomId: 'kirkuk', limit: 500 })
  if (current.some((movement) => liveStatuses.includes(movement.status))) return 0
  const requestId = 'demo-seed'
  // Planned times on the quarter hour, as people write them.
  const quarter = 15 * 60_000
  const base = Math.ceil(now.getTime() / quarter) * quarter
  const hours = (count: number) => new Date(base + count * 3_600_000).toISOString()
  for (const movement of demoMovements) {
    const unit = await demoUnitId(tansiq, movement.unitKey)
    const author = await principalOf(tansiq, commanders[unit.organizationId] ?? 'admin')
    const input = createMovementBodySchema.parse({
      roomId: movement.roomId, unitIds: [unit.id], route: { type: 'LineString', coordinates: movement.route },
      plannedStart: hours(movement.startsInHours), plannedEnd: hours(movement.startsInHours + movement.hours),
      size: movement.size, purpose: movement.purpose, liaison: movement.liaison, precedence: movement.precedence,
      submit: movement.outcome.kind !== 'draft',
    })
    const created = await tansiq.movements.create(author, input, requestId)
    const { outcome } = movement
    if (outcome.kind === 'acknowledged') await tansiq.movements.acknowledge(await principalOf(tansiq, outcome.by), created.id, { note: outcome.note }, requestId)
    if (outcome.kind === 'objected') await tansiq.movements.object(await principalOf(tansiq, outcome.by), created.id, { reason: outcome.reason }, requestId)
  }
  await tansiq.movements.settled()
  return demoMovements.length
}

/** Starts moving the demo units along their patrol routes (found by their English names). */
export async function startDemoSimulator(tansiq: Tansiq): Promise<TrackSimulator> {
  const simulated: SimulatedUnit[] = []
  for (const demo of demoUnits) {
    const viewer = { organizationId: demo.organizationId }
    const [unit] = (await tansiq.units.list(viewer, { limit: 5000 })).filter((candidate) => candidate.names.en === demo.names.en && candidate.organizationId === demo.organizationId)
    if (!unit) continue
    simulated.push({ unitId: unit.id, organizationId: demo.organizationId, route: demo.route, speedMps: demo.speedKmh / 3.6, reportEverySeconds: 5 + (simulated.length % 4) * 5 })
  }
  return startTrackSimulator({ tracks: tansiq.tracks, units: simulated })
}
