/**
 * A large room picture for the web client's benchmark: a room of four organizations around Kirkuk,
 * UNIT_COUNT units with positions and AREA_COUNT areas of responsibility, all released to the room,
 * created through the HTTP API (in process, `inject`) several requests at a time, from a seeded PRNG
 * so every run draws the same picture. Also the load generator: position reports of random units
 * posted through POST /api/tracks/batch over real HTTP at a fixed rate.
 */
import type { TestTansiq } from '../../src/server/test-harness.ts'
import { prng } from './bench-statistics.ts'

export const roomId = 'kirkuk'
/** [west, south, east, north] of the ground the units and areas cover (about 130 × 100 km). */
export const groundBox: [number, number, number, number] = [43.65, 34.9, 45.05, 35.8]
const organizations = [
  { id: 'peshmerga', commander: 'pesh.commander', en: 'Peshmerga', ar: 'البيشمركة', ckb: 'پێشمەرگە' },
  { id: 'iraqi-army', commander: 'army.commander', en: 'Iraqi Army', ar: 'الجيش العراقي', ckb: 'سوپای عێراق' },
  { id: 'cts', commander: 'cts.commander', en: 'CTS', ar: 'جهاز مكافحة الإرهاب', ckb: 'دژە تیرۆر' },
  { id: 'joc', commander: 'joc.commander', en: 'JOC', ar: 'قيادة العمليات المشتركة', ckb: 'فەرماندەیی هاوبەش' },
] as const

/** Eight unit functions × four echelons: 32 distinct symbols, as a real room has a few dozen. */
const functions = [
  { code: 'UCI---', en: 'infantry', ar: 'مشاة', ckb: 'پیادە' },
  { code: 'UCR---', en: 'reconnaissance', ar: 'استطلاع', ckb: 'دیدەوانی' },
  { code: 'UCA---', en: 'armour', ar: 'دروع', ckb: 'زرێپۆش' },
  { code: 'UCF---', en: 'artillery', ar: 'مدفعية', ckb: 'تۆپخانە' },
  { code: 'UCE---', en: 'engineers', ar: 'هندسة', ckb: 'ئەندازیاری' },
  { code: 'UCIZ--', en: 'mechanised infantry', ar: 'مشاة آلية', ckb: 'پیادەی میکانیکی' },
  { code: 'USM---', en: 'medical', ar: 'طبابة', ckb: 'پزیشکی' },
  { code: 'USS---', en: 'supply', ar: 'تموين', ckb: 'دابینکردن' },
]
const echelons = [
  { code: 'D', name: 'platoon', en: 'platoon', ar: 'فصيل', ckb: 'پەل' },
  { code: 'E', name: 'company', en: 'company', ar: 'سرية', ckb: 'سەریە' },
  { code: 'F', name: 'battalion', en: 'battalion', ar: 'فوج', ckb: 'هێز' },
  { code: 'H', name: 'brigade', en: 'brigade', ar: 'لواء', ckb: 'لیوا' },
] as const

const arabicDigits = (value: number) => String(value).replace(/\d/g, (digit) => '٠١٢٣٤٥٦٧٨٩'[Number(digit)]!)
const round = (value: number) => Math.round(value * 1e5) / 1e5

export interface PlannedUnit {
  organization: number
  body: object
  position: [number, number]
}

export interface PlannedArea {
  organization: number
  body: object
}

/** The units: spread over the ground, each organization's in its own quarter mostly. */
export function planUnits(count: number, seed = 7): PlannedUnit[] {
  const random = prng(seed)
  const [west, south, east, north] = groundBox
  return Array.from({ length: count }, (_, index) => {
    const organization = index % organizations.length
    const owner = organizations[organization]!
    const fn = functions[Math.floor(random() * functions.length)]!
    const echelon = echelons[Math.floor(random() * echelons.length)]!
    const sidc = `SFGP${fn.code}-${echelon.code}---`
    const number = index + 1
    return {
      organization,
      position: [round(west + random() * (east - west)), round(south + random() * (north - south))],
      body: {
        names: {
          en: `${owner.en} ${fn.en} ${echelon.en} ${number}`,
          ar: `${echelon.ar} ${fn.ar} ${arabicDigits(number)} - ${owner.ar}`,
          ckb: `${echelon.ckb}ی ${fn.ckb} ${arabicDigits(number)} - ${owner.ckb}`,
        },
        echelon: echelon.name, sidc, homeRoomId: roomId, release: { scope: 'room', roomId },
      },
    }
  })
}

/** Areas of responsibility on a grid over the ground, ~36 vertices each, wobbly, not quite touching. */
export function planAreas(count: number, seed = 11): PlannedArea[] {
  const random = prng(seed)
  const [west, south, east, north] = groundBox
  const columns = Math.ceil(Math.sqrt(count * 1.25))
  const rows = Math.ceil(count / columns)
  const [width, height] = [(east - west) / columns, (north - south) / rows]
  return Array.from({ length: count }, (_, index) => {
    const [i, j] = [index % columns, Math.floor(index / columns)]
    const [x, y] = [west + (i + 0.5) * width, south + (j + 0.5) * height]
    // Each organization holds a band of columns, as divisions hold sectors.
    const organization = Math.min(organizations.length - 1, Math.floor((i / columns) * organizations.length))
    const owner = organizations[organization]!
    const vertices = 30 + Math.floor(random() * 13)
    const ring: Array<[number, number]> = []
    for (let k = 0; k < vertices; k++) {
      const angle = (2 * Math.PI * k) / vertices
      const r = 0.46 * (1 + 0.06 * (random() * 2 - 1))
      // A squarish blob: superellipse, so neighbours nearly meet along their sides.
      const [c, s] = [Math.cos(angle), Math.sin(angle)]
      const shape = 1 / Math.pow(Math.abs(c) ** 4 + Math.abs(s) ** 4, 0.25)
      ring.push([round(x + r * shape * c * width), round(y + r * shape * s * height)])
    }
    ring.push(ring[0]!)
    const number = index + 1
    return {
      organization,
      body: {
        kind: 'aor',
        names: { en: `${owner.en} sector ${number}`, ar: `قاطع ${arabicDigits(number)} - ${owner.ar}`, ckb: `کەرتی ${arabicDigits(number)} - ${owner.ckb}` },
        geometry: { type: 'Polygon', coordinates: [ring] },
        roomId, validFrom: '2025-01-01T00:00:00Z', release: { scope: 'room', roomId },
      },
    }
  })
}

async function inParallel<T>(items: readonly T[], width: number, run: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const index = next++
      await run(items[index]!, index)
    }
  }))
}

export interface SeededPicture {
  /** Unit ids by organization index. */
  unitsByOrganization: string[][]
  /** Bearer authorization of each organization's commander (who reports its units' positions). */
  reporters: string[]
  seconds: { units: number; areas: number; positions: number }
}

/** Creates the room, the units with a first position each, and the areas. */
export async function seedRoomPicture(tansiq: TestTansiq, unitCount: number, areaCount: number): Promise<SeededPicture> {
  const admin = (await tansiq.login('admin')).authorization
  const [west, south, east, north] = groundBox
  const margin = 0.05
  const room = await tansiq.app.inject({
    method: 'POST', url: '/api/rooms', headers: { authorization: admin },
    payload: {
      id: roomId, names: { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' },
      areaOfInterest: { type: 'Polygon', coordinates: [[[west - margin, south - margin], [east + margin, south - margin], [east + margin, north + margin], [west - margin, north + margin], [west - margin, south - margin]]] },
      memberOrganizationIds: organizations.map((organization) => organization.id),
    },
  })
  if (room.statusCode !== 201) throw new Error(`room: ${room.body}`)
  const reporters = await Promise.all(organizations.map(async (organization) => (await tansiq.login(organization.commander)).authorization))

  let started = performance.now()
  const units = planUnits(unitCount)
  const unitsByOrganization: string[][] = organizations.map(() => [])
  const positions: Array<Array<{ unitId: string; lon: number; lat: number }>> = organizations.map(() => [])
  await inParallel(units, 8, async (unit) => {
    const created = await tansiq.app.inject({ method: 'POST', url: '/api/units', headers: { authorization: reporters[unit.organization]! }, payload: unit.body })
    if (created.statusCode !== 201) throw new Error(`unit: ${created.body}`)
    const id = created.json().id as string
    unitsByOrganization[unit.organization]!.push(id)
    positions[unit.organization]!.push({ unitId: id, lon: unit.position[0], lat: unit.position[1] })
  })
  const unitSeconds = (performance.now() - started) / 1000

  started = performance.now()
  const reportedAt = new Date(Date.now() - 60_000).toISOString()
  for (const [organization, reports] of positions.entries()) {
    const batch = await tansiq.app.inject({
      method: 'POST', url: '/api/tracks/batch', headers: { authorization: reporters[organization]! },
      payload: { reports: reports.map((report) => ({ ...report, reportedAt, source: 'bench' })) },
    })
    if (batch.statusCode !== 200 || (batch.json() as { rejected: unknown[] }).rejected.length > 0) throw new Error(`positions: ${batch.body}`)
  }
  const positionSeconds = (performance.now() - started) / 1000

  started = performance.now()
  await inParallel(planAreas(areaCount), 4, async (area) => {
    const created = await tansiq.app.inject({ method: 'POST', url: '/api/areas', headers: { authorization: reporters[area.organization]! }, payload: area.body })
    if (created.statusCode !== 201) throw new Error(`area: ${created.body}`)
  })
  return { unitsByOrganization, reporters, seconds: { units: unitSeconds, areas: (performance.now() - started) / 1000, positions: positionSeconds } }
}

export interface LoadGenerator {
  stop(): Promise<{ sent: number; refused: number; requests: number; seconds: number; p99RequestMs: number }>
}

/**
 * Posts `perSecond` position reports a second through POST /api/tracks/batch over HTTP, a batch
 * every `everyMs` (the organizations in turn, each batch moving random units of one of them a
 * few hundred metres).
 */
export function startLoadGenerator(baseUrl: string, picture: SeededPicture, perSecond: number, everyMs = 100, seed = 3): LoadGenerator {
  const random = prng(seed)
  const where = new Map<string, [number, number]>()
  const stats = { sent: 0, refused: 0, requests: 0, requestMs: [] as number[] }
  const started = performance.now()
  let tick = 0
  let stopped = false
  const inFlight = new Set<Promise<void>>()
  const [west, south, east, north] = groundBox
  let due = 0
  const timer = setInterval(() => {
    if (stopped) return
    // A late tick (a busy event loop) sends what is due since the start, so the rate holds.
    const count = Math.min(5000, Math.round((perSecond * (performance.now() - started)) / 1000) - due)
    if (count <= 0) return
    due += count
    const organization = tick++ % picture.unitsByOrganization.length
    const ids = picture.unitsByOrganization[organization]!
    const reportedAt = new Date().toISOString()
    const reports = Array.from({ length: count }, () => {
      const unitId = ids[Math.floor(random() * ids.length)]!
      const [lon, lat] = where.get(unitId) ?? [west + random() * (east - west), south + random() * (north - south)]
      const next: [number, number] = [round(Math.min(east, Math.max(west, lon + (random() - 0.5) * 0.006))), round(Math.min(north, Math.max(south, lat + (random() - 0.5) * 0.006)))]
      where.set(unitId, next)
      return { unitId, lon: next[0], lat: next[1], reportedAt, source: 'bench load' }
    })
    const sentAt = performance.now()
    const request = fetch(`${baseUrl}/api/tracks/batch`, {
      method: 'POST', headers: { authorization: picture.reporters[organization]!, 'content-type': 'application/json' }, body: JSON.stringify({ reports }),
    }).then(async (response) => {
      const body = (await response.json()) as { rejected?: unknown[] }
      stats.requests++
      stats.requestMs.push(performance.now() - sentAt)
      // Two reports of one unit at the same millisecond: the second is a duplicate, not a refusal.
      stats.sent += reports.length
      stats.refused += response.ok ? (body.rejected?.length ?? 0) : reports.length
    }, () => {
      stats.refused += reports.length
    })
    inFlight.add(request)
    void request.finally(() => inFlight.delete(request))
  }, everyMs)
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await Promise.all(inFlight)
      const sorted = stats.requestMs.sort((a, b) => a - b)
      return { sent: stats.sent, refused: stats.refused, requests: stats.requests, seconds: (performance.now() - started) / 1000, p99RequestMs: sorted[Math.floor(sorted.length * 0.99)] ?? Number.NaN }
    },
  }
}
