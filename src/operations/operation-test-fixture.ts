/**
 * Tests: the reference joint operation of the brief, created and approved through the API.
 *
 * "Black Earth" (الأرض السوداء / زەویی ڕەش), led by the Peshmerga with the Iraqi Army and
 * coalition support, between Kifri and Tuz Khurmatu, in the room `kirkuk` (created when missing).
 * H-hour is two days ahead (so the movements its axes produce give the room's notice). The
 * Peshmerga and army commanders approve the plan; coalition support does not need to.
 * createProposedReferenceOperation stops before the approvals, for tests that walk through them.
 */
import { apiCaller, type ApiCaller, type CallableServer } from '../server/test-harness.ts'

/** What the fixture needs of a test server: injecting requests and signing in demo users. */
export interface OperationFixtureServer extends CallableServer {
  movements?: { settled(): Promise<void> }
}

const minute = 60_000

/** The names of the reference operation in the three languages. */
export const referenceOperationNames = { ar: 'الأرض السوداء', ckb: 'زەویی ڕەش', en: 'Black Earth' } as const

/** The villages' strip between Kifri (34.69 N 44.96 E) and Tuz Khurmatu (34.89 N 44.63 E). */
export const referenceGeometry = {
  // Around Balkana and Qurijay, between the two towns.
  objectiveArea: { type: 'Polygon', coordinates: [[[44.74, 34.74], [44.86, 34.74], [44.86, 34.84], [44.74, 34.84], [44.74, 34.74]]] },
  // The Peshmerga advance from Kifri north-west towards the villages.
  peshmergaAxis: { type: 'LineString', coordinates: [[44.95, 34.70], [44.88, 34.75], [44.82, 34.79]] },
  // The army advances from Tuz Khurmatu south-east towards the villages, meeting the Peshmerga axis within 2 km.
  armyAxis: { type: 'LineString', coordinates: [[44.64, 34.88], [44.72, 34.83], [44.805, 34.795]] },
} as const

/** What the fixture created. */
export interface ReferenceOperation {
  operationId: string
  roomId: string
  /** The plan revision both commanders approved. */
  planRevision: number
  leadOrganizationId: 'peshmerga'
  /** Organizations that approve (lead and participants) and the supporting one. */
  approvingOrganizationIds: ['iraqi-army', 'peshmerga']
  supportOrganizationIds: ['coalition']
  units: { peshmerga: string; army: string }
  hHour: string
  window: { start: string; end: string }
  /** The operation as the lead's commander read it after the approvals. */
  operation: any // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The movements the approval produced, one per axis and phase using it. */
  movementIds: string[]
  /** The caller used (sessions of demo users already signed in). */
  call: ApiCaller
}

/** Options of the fixture; all optional. */
export interface ReferenceOperationOptions {
  /** The room to plan in (created with every reference organization when missing). Default 'kirkuk'. */
  roomId?: string
  /** H-hour; default two days from now, rounded to the minute. */
  hHour?: Date
  /** Also start the operation (lead's commander), so the live log is open. Default false. */
  start?: boolean
}

async function expectStatus(response: Promise<{ status: number; body: unknown }>, status: number, what: string) {
  const answer = await response
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`)
  return answer.body as any // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** What createProposedReferenceOperation created: the plan proposed, no approval yet. */
export type ProposedReferenceOperation = Omit<ReferenceOperation, 'movementIds'>

/**
 * Creates the reference operation Black Earth through the API as the Peshmerga commander and
 * proposes it: both commanders are yet to approve revision `planRevision`. Each call creates a
 * new operation (with new units); the room is reused.
 */
export async function createProposedReferenceOperation(tansiq: OperationFixtureServer, options: Omit<ReferenceOperationOptions, 'start'> = {}): Promise<ProposedReferenceOperation> {
  const call = apiCaller(tansiq)
  const roomId = options.roomId ?? 'kirkuk'
  if ((await call('admin', 'GET', `/api/rooms/${roomId}`)).status === 404) {
    await expectStatus(call('admin', 'POST', '/api/rooms', {
      id: roomId,
      names: { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' },
      memberOrganizationIds: ['peshmerga', 'iraqi-army', 'cts', 'joc', 'coalition'],
    }), 201, 'creating the room')
  }
  // Units released to the room, so the lead may name the army's unit in the plan.
  const release = { scope: 'room', roomId }
  const peshmergaUnit = await expectStatus(call('pesh.commander', 'POST', '/api/units', {
    names: { en: 'Peshmerga Garmiyan brigade', ar: 'لواء كرميان - البيشمركة', ckb: 'لیوای گەرمیان - پێشمەرگە' }, echelon: 'brigade', sidc: 'SFGPUCI----H---', release,
  }), 201, 'creating the Peshmerga unit')
  const armyUnit = await expectStatus(call('army.commander', 'POST', '/api/units', {
    names: { en: 'Iraqi Army 52nd Brigade', ar: 'اللواء 52 - الجيش العراقي', ckb: 'لیوای ٥٢ - سوپای عێراق' }, echelon: 'brigade', sidc: 'SFGPUCIZ---H---', release,
  }), 201, 'creating the army unit')

  const hHour = options.hHour ?? new Date(Math.ceil((Date.now() + 48 * 60 * minute) / minute) * minute)
  const window = { start: new Date(hHour.getTime() - 6 * 60 * minute).toISOString(), end: new Date(hHour.getTime() + 30 * 60 * minute).toISOString() }
  const created = await expectStatus(call('pesh.commander', 'POST', '/api/operations', {
    roomId,
    names: referenceOperationNames,
    objective: 'Clear ISIS remnants from the villages between Kifri and Tuz Khurmatu and close the gap between the lines',
    hHour: hHour.toISOString(),
    window,
    participants: [
      { organizationId: 'peshmerga', role: 'lead', unitIds: [peshmergaUnit.id], liaison: { name: 'Lt. Col. Hemin Aziz', radio: 'Black Earth command net' } },
      { organizationId: 'iraqi-army', role: 'participant', unitIds: [armyUnit.id], liaison: { name: 'Maj. Ali Hassan', phone: '+964 770 000 0052' } },
      { organizationId: 'coalition', role: 'support', unitIds: [] },
    ],
    objectiveAreas: [{ key: 'villages', name: 'Balkana – Qurijay villages', geometry: referenceGeometry.objectiveArea }],
    axes: [
      { key: 'kifri-axis', name: 'Kifri axis', organizationId: 'peshmerga', unitIds: [peshmergaUnit.id], size: { vehicles: 40, personnel: 300 }, geometry: referenceGeometry.peshmergaAxis },
      { key: 'tuz-axis', name: 'Tuz Khurmatu axis', organizationId: 'iraqi-army', unitIds: [armyUnit.id], size: { vehicles: 35, personnel: 250 }, geometry: referenceGeometry.armyAxis },
    ],
    phases: [
      { name: 'Advance to the villages', startOffsetMinutes: 0, endOffsetMinutes: 240, axisKeys: ['kifri-axis', 'tuz-axis'] },
      { name: 'Clearance', startOffsetMinutes: 240, endOffsetMinutes: 720, axisKeys: [] },
      { name: 'Hand-over and withdrawal', startOffsetMinutes: 720, endOffsetMinutes: 960, axisKeys: ['kifri-axis'] },
    ],
  }), 201, 'creating the operation')
  const operationId = created.id as string
  const proposed = await expectStatus(call('pesh.commander', 'POST', `/api/operations/${operationId}/propose`, {}), 200, 'proposing')
  return {
    operationId,
    roomId,
    planRevision: proposed.planRevision,
    leadOrganizationId: 'peshmerga',
    approvingOrganizationIds: ['iraqi-army', 'peshmerga'],
    supportOrganizationIds: ['coalition'],
    units: { peshmerga: peshmergaUnit.id, army: armyUnit.id },
    hHour: hHour.toISOString(),
    window,
    operation: proposed,
    call,
  }
}

/**
 * Creates the reference operation Black Earth through the API as the Peshmerga commander,
 * proposes it and has the Peshmerga and Iraqi Army commanders approve it. Each call creates a
 * new operation (with new units); the room is reused.
 */
export async function createApprovedReferenceOperation(tansiq: OperationFixtureServer, options: ReferenceOperationOptions = {}): Promise<ReferenceOperation> {
  const { operationId, planRevision, call, ...proposed } = await createProposedReferenceOperation(tansiq, options)
  await expectStatus(call('pesh.commander', 'POST', `/api/operations/${operationId}/approve`, { planRevision }), 200, 'approval by the Peshmerga commander')
  await expectStatus(call('army.commander', 'POST', `/api/operations/${operationId}/approve`, { planRevision }), 200, 'approval by the army commander')
  if (options.start) await expectStatus(call('pesh.commander', 'POST', `/api/operations/${operationId}/start`, {}), 200, 'starting')
  await tansiq.movements?.settled()
  const operation = await expectStatus(call('pesh.commander', 'GET', `/api/operations/${operationId}`), 200, 'reading the operation')
  return {
    ...proposed,
    operationId,
    planRevision: operation.planRevision,
    operation,
    movementIds: (operation.movements as Array<{ id: string }>).map((movement) => movement.id),
    call,
  }
}
