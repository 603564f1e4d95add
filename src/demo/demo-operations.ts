/**
 * Demo mode's joint operation: Black Earth (الأرض السوداء / زەویی ڕەش) in the Kirkuk room, led by
 * the Peshmerga with the Iraqi Army and coalition support, planned, approved by both commanders
 * and under way since a little before the demo started; its live log has entries in Sorani and
 * Arabic, and each force has claimed different results (12 against 15 militants killed, three
 * tunnels against "a number of"), not yet agreed — the room agrees them live. Created through the
 * services, as the API would, with times from now; again on a later start once its window is
 * over (the old one is then completed or cancelled). Written for the demo: not a real operation.
 * Needs the demo picture (demo-picture.ts): the room and the units.
 */
import type { Principal } from '../platform/auth/principal.ts'
import type { Tansiq } from '../server/tansiq-server.ts'
import { addLogEntryBodySchema, createOperationBodySchema } from '../operations/operation-schemas.ts'
import { recordClaimsBodySchema } from '../operations/results/results-schemas.ts'
import { demoUnits } from './demo-scenario.ts'

const requestId = 'demo-seed'
const minute = 60_000

/** The names of the demo operation. */
export const demoOperationNames = { ar: 'الأرض السوداء', ckb: 'زەویی ڕەش', en: 'Black Earth' } as const

type Position = [number, number]

/** The villages' strip between Kifri and Tuz Khurmatu, and the two axes into it (illustrative). */
const geometry = {
  villages: [[44.75, 34.75], [44.87, 34.75], [44.87, 34.84], [44.75, 34.84], [44.75, 34.75]] as Position[],
  // The Peshmerga from Kifri north-west to Balkana.
  kifriAxis: [[44.95, 34.7], [44.9, 34.74], [44.83, 34.78]] as Position[],
  // The army from Tuz Khurmatu south-east to Qurijay.
  tuzAxis: [[44.64, 34.88], [44.71, 34.84], [44.79, 34.8]] as Position[],
}

/** Log entries: minutes after H-hour, who writes, the text, where. */
const demoLog: Array<{ afterMinutes: number; username: string; unitKey: string; text: string; at: Position }> = [
  { afterMinutes: 3, username: 'pesh.watch', unitKey: 'pesh-garmiyan', at: [44.94, 34.71],
    text: 'هێزەکانی لیوای گەرمیان لە کفرییەوە بەرەو گوندی بەلکانە کەوتنە ڕێ. ڕێگاکە ئاساییە.' },
  { afterMinutes: 8, username: 'army.watch', unitKey: 'army-52', at: [44.66, 34.87],
    text: 'تحركت قطعات اللواء 52 من طوزخورماتو باتجاه قرية قوريجاي، والطريق سالك حتى الآن.' },
  { afterMinutes: 19, username: 'army.liaison', unitKey: 'army-52', at: [44.78, 34.8],
    text: 'اشتباك قصير عند المدخل الغربي لقوريجاي، وتم العثور على مدخل نفق تحت أحد البيوت المهجورة.' },
  { afterMinutes: 26, username: 'pesh.watch', unitKey: 'pesh-garmiyan', at: [44.84, 34.78],
    text: 'پێشمەرگە گەیشتنە بەلکانە. سێ تونێل و چەند شوێنێکی خۆشاردنەوە دۆزرانەوە و تێکدران.' },
]

type Claim = { item: string; action: string; count: number | 'unspecified' }

/** What each force claims: they differ, as the 2021 announcements did. */
export const demoClaims: { peshmerga: Claim[]; 'iraqi-army': Claim[] } = {
  peshmerga: [
    { item: 'militant', action: 'killed', count: 12 },
    { item: 'tunnel', action: 'destroyed', count: 3 },
    { item: 'hideout', action: 'destroyed', count: 7 },
    { item: 'vehicle', action: 'burned', count: 2 },
    { item: 'security-member', action: 'wounded', count: 1 },
  ],
  'iraqi-army': [
    { item: 'militant', action: 'killed', count: 15 },
    { item: 'tunnel', action: 'destroyed', count: 'unspecified' },
    { item: 'hideout', action: 'destroyed', count: 7 },
    { item: 'security-member', action: 'wounded', count: 1 },
    { item: 'civilian', action: 'wounded', count: 1 },
  ],
}

async function principalOf(tansiq: Tansiq, username: string): Promise<Principal> {
  const user = await tansiq.accounts.findUserByUsername(username)
  if (!user) throw new Error(`demo user ${username} is missing: seed the demo accounts first`)
  return { userId: user.id, username: user.username, displayName: user.displayName, organizationId: user.organizationId, role: user.role, sessionId: 'demo-seed', csrfToken: '', via: 'bearer' }
}

async function unitIdOf(tansiq: Tansiq, key: string): Promise<string> {
  const demo = demoUnits.find((unit) => unit.key === key)!
  const [unit] = (await tansiq.units.list({ organizationId: demo.organizationId }, { limit: 5000 })).filter((candidate) => candidate.names.en === demo.names.en && candidate.organizationId === demo.organizationId)
  if (!unit) throw new Error(`demo unit ${demo.names.en} is missing: seed the demo picture first`)
  return unit.id
}

/**
 * Creates Black Earth, under way with its log and conflicting claims, unless one of the Kirkuk
 * room is still current (planned or under way, its window not over); ends those whose window is
 * over. Returns the id of the operation created, or null.
 */
export async function seedDemoOperations(tansiq: Tansiq, now: Date = new Date()): Promise<string | null> {
  const lead = await principalOf(tansiq, 'pesh.commander')
  const existing = await tansiq.operations.list(lead, { roomId: 'kirkuk', limit: 1000 })
  const open = existing.filter((operation) => ['draft', 'proposed', 'approved', 'active'].includes(operation.status))
  if (open.some((operation) => Date.parse(operation.window.end) > now.getTime())) return null
  for (const stale of open) {
    if (stale.status === 'active') await tansiq.operations.complete(lead, stale.id, requestId)
    else await tansiq.operations.cancel(lead, stale.id, { reason: 'The demo\'s window is over' }, requestId)
  }

  // H-hour on the quarter hour, half an hour or a little more before now: the advance is under way.
  const quarter = 15 * minute
  const hHour = new Date(Math.floor(now.getTime() / quarter) * quarter - 30 * minute)
  const units = { peshmerga: await unitIdOf(tansiq, 'pesh-garmiyan'), army: await unitIdOf(tansiq, 'army-52') }
  const plan = createOperationBodySchema.parse({
    roomId: 'kirkuk',
    names: demoOperationNames,
    objective: 'تطهير القرى الواقعة بين كفري وطوزخورماتو (بلكانة وقوريجاي) من بقايا داعش وسد الفراغ الأمني بين خطوط القوات — پاککردنەوەی گوندەکانی نێوان کفری و دوزخورماتوو لە پاشماوەکانی داعش.',
    hHour: hHour.toISOString(),
    window: { start: new Date(hHour.getTime() - 6 * 60 * minute).toISOString(), end: new Date(hHour.getTime() + 30 * 60 * minute).toISOString() },
    participants: [
      { organizationId: 'peshmerga', role: 'lead', unitIds: [units.peshmerga], liaison: { name: 'عەقید هێمن عەزیز', radio: 'Black Earth command' } },
      { organizationId: 'iraqi-army', role: 'participant', unitIds: [units.army], liaison: { name: 'رائد علي حسن', phone: '+964 770 318 2264' } },
      { organizationId: 'coalition', role: 'support', unitIds: [] },
    ],
    objectiveAreas: [{ key: 'villages', name: 'بلكانة – قوريجاي / بەلکانە – قوریچای', geometry: { type: 'Polygon', coordinates: [geometry.villages] } }],
    axes: [
      { key: 'kifri-axis', name: 'Kifri axis / تەوەری کفری', organizationId: 'peshmerga', unitIds: [units.peshmerga], size: { vehicles: 36, personnel: 280 }, geometry: { type: 'LineString', coordinates: geometry.kifriAxis } },
      { key: 'tuz-axis', name: 'Tuz Khurmatu axis / محور طوزخورماتو', organizationId: 'iraqi-army', unitIds: [units.army], size: { vehicles: 30, personnel: 240 }, geometry: { type: 'LineString', coordinates: geometry.tuzAxis } },
    ],
    phases: [
      { name: 'Advance to the villages', startOffsetMinutes: 0, endOffsetMinutes: 240, axisKeys: ['kifri-axis', 'tuz-axis'] },
      { name: 'Clearance of Balkana and Qurijay', startOffsetMinutes: 240, endOffsetMinutes: 720, axisKeys: [] },
      { name: 'Hand-over and withdrawal', startOffsetMinutes: 720, endOffsetMinutes: 960, axisKeys: ['kifri-axis'] },
    ],
  })
  const created = await tansiq.operations.create(lead, plan, requestId)
  const proposed = await tansiq.operations.propose(lead, created.id, requestId)
  await tansiq.operations.approve(lead, created.id, { planRevision: proposed.planRevision }, requestId)
  await tansiq.operations.approve(await principalOf(tansiq, 'army.commander'), created.id, { planRevision: proposed.planRevision }, requestId)
  await tansiq.operations.start(lead, created.id, requestId)

  for (const entry of demoLog) {
    await tansiq.operations.addLogEntry(await principalOf(tansiq, entry.username), created.id, addLogEntryBodySchema.parse({
      text: entry.text, at: new Date(hHour.getTime() + entry.afterMinutes * minute).toISOString(), location: { type: 'Point', coordinates: entry.at }, unitId: await unitIdOf(tansiq, entry.unitKey),
    }), requestId)
  }
  await tansiq.operationResults.recordClaims(await principalOf(tansiq, 'pesh.watch'), created.id, 'peshmerga', recordClaimsBodySchema.parse({ results: demoClaims.peshmerga }), requestId)
  await tansiq.operationResults.recordClaims(await principalOf(tansiq, 'army.liaison'), created.id, 'iraqi-army', recordClaimsBodySchema.parse({ results: demoClaims['iraqi-army'] }), requestId)
  await tansiq.movements.settled()
  await tansiq.operationResults.settled()
  return created.id
}
