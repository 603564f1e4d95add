// Coverage of a room whose joint security area (Kirkuk-sized, ~8,000 km²) holds 500 areas of
// responsibility of five organizations, 20–60 vertices each, from a seeded PRNG. Two layouts:
//  - sectors: the ground tiled into sectors along jittered, wiggly borders; neighbours of one
//    organization share their border exactly, neighbours of different organizations each digitise
//    it on their own (±300 m), leaving slivers, gaps and overlaps along the lines; ten sectors are
//    missing. What real areas of responsibility look like.
//  - scattered: the same number of blobs on a grid, each 80–120 % of its cell: hundreds of holes
//    at the corners and overlaps everywhere. A stress case.
// Measured:
//  - what a user sees first: a real server process (`tansiq serve`) started on a database that
//    holds the room but no coverage yet; 3 s after it reports ready (as a person would come) a user
//    signs in and GET /api/rooms/kirkuk/coverage is timed over HTTP. The request computes the
//    coverage in a fresh process, where nothing of PGlite's WebAssembly or PostGIS is loaded or
//    compiled but what start-up did. On the embedded database with the start-up warm-up
//    (COVERAGE_WARM_UP=true, the default) and without it, with the start-up time of each, and the
//    CPU time of the server's main thread (where PGlite runs) beside each wall time.
//  - in process, afterwards: a recomputation after one area moves (the live path), and one that
//    finds nothing changed.
// On PGlite, and on PostgreSQL when DATABASE_URL is set (in a database created for the run and
// dropped after). COVERAGE_BENCH_RUNS server starts per row and mode (default 3).
// Run: node --import tsx bench/coverage.bench.ts
import { randomUUID } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Database } from '../src/platform/database/database.ts'
import { migrate } from '../src/platform/database/migrator.ts'
import { prepareTemplate, createScratchPostgresDatabase } from '../src/platform/database/test-database.ts'
import { openPgliteDatabase } from '../src/platform/database/pglite-database.ts'
import { openPostgresDatabase } from '../src/platform/database/postgres-database.ts'
import { loadConfig } from '../src/platform/config.ts'
import { commandLineActor } from '../src/platform/auth/principal.ts'
import { createAccountsService } from '../src/accounts/accounts-service.ts'
import { referenceOrganizations } from '../src/accounts/reference-organizations.ts'
import { placesTemplateSeed } from '../src/server/test-harness.ts'
import { EventBus } from '../src/platform/event-bus.ts'
import type { PictureChange } from '../src/live/picture-change.ts'
import { createCoverageService } from '../src/coverage/coverage-service.ts'
import { percentile, prng } from './support/bench-statistics.ts'
import { startServerProcess, type ServerStorage } from '../test/support/server-process.ts'

type Ring = Array<[number, number]>
const organizations = ['peshmerga', 'iraqi-army', 'cts', 'asayish', 'joc']
const areaCount = 500
const changeRounds = 15


const round = (value: number) => Math.round(value * 1e6) / 1e6
const center: [number, number] = [44.2, 35.35]
const radii: [number, number] = [0.56, 0.44]

/** The joint security area: an irregular oval around Kirkuk, about 110 × 100 km. */
function jointSecurityArea(random: () => number): Ring {
  const ring: Ring = []
  for (let i = 0; i < 120; i++) {
    const angle = (2 * Math.PI * i) / 120
    const wobble = 1 + 0.04 * Math.sin(5 * angle + 1) + 0.02 * (random() - 0.5)
    ring.push([round(center[0] + radii[0] * wobble * Math.cos(angle)), round(center[1] + radii[1] * wobble * Math.sin(angle))])
  }
  ring.push(ring[0]!)
  return ring
}

/** Which organization holds the ground around a point: five angular sectors around the centre, like divisions' areas. */
function holderAt(x: number, y: number, cuts: number[]): string {
  const angle = (Math.atan2((y - center[1]) / radii[1], (x - center[0]) / radii[0]) + 2 * Math.PI) % (2 * Math.PI)
  const index = cuts.findIndex((cut) => angle < cut)
  return organizations[index === -1 ? 0 : index]!
}

/** Tiled sectors with shared borders inside an organization and separately digitised borders between organizations. */
function sectors(random: () => number): Array<{ organizationId: string; ring: Ring }> {
  const [columns, rows] = [28, 24]
  const west = center[0] - radii[0] * 1.06
  const south = center[1] - radii[1] * 1.06
  const width = (radii[0] * 2.12) / columns
  const height = (radii[1] * 2.12) / rows
  const cuts = [0.9, 2.1, 3.3, 4.6, 2 * Math.PI].map((cut) => cut + (random() - 0.5) * 0.3)
  // Jittered lattice of corners.
  const corner: Array<Array<[number, number]>> = []
  for (let i = 0; i <= columns; i++) {
    corner.push([])
    for (let j = 0; j <= rows; j++) corner[i]!.push([west + (i + (random() - 0.5) * 0.5) * width, south + (j + (random() - 0.5) * 0.5) * height])
  }
  // Each edge: a wiggly polyline between two corners (shared), and per-side digitising noise.
  const edges = new Map<string, { points: Array<[number, number]>; offsets: number[] }>()
  function edge(a: [number, number], b: [number, number], key: string) {
    let found = edges.get(key)
    if (!found) {
      const segments = 4 + Math.floor(random() * 11)
      const phase = random() * Math.PI
      const amplitude = (random() - 0.5) * 0.12
      const [dx, dy] = [b[0] - a[0], b[1] - a[1]]
      const points: Array<[number, number]> = []
      const offsets: number[] = []
      for (let k = 0; k <= segments; k++) {
        const t = k / segments
        // Offsets taper to zero at the corners, so edges of a sector never cross.
        const envelope = Math.sin(Math.PI * t)
        const wiggle = amplitude * envelope * Math.sin(2 * Math.PI * t + phase)
        points.push([a[0] + dx * t - dy * wiggle, a[1] + dy * t + dx * wiggle])
        offsets.push(envelope * (random() - 0.5) * 0.12)
      }
      found = { points, offsets }
      edges.set(key, found)
    }
    return found
  }
  function side(a: [number, number], b: [number, number], key: string, reversed: boolean, own: boolean): Ring {
    const { points, offsets } = edge(a, b, key)
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]]
    // Digitised separately: this side's own offsets (the other side uses the negated ones).
    const sign = own ? 0 : reversed ? -1 : 1
    const line = points.map(([x, y], k): [number, number] => [round(x - dy * offsets[k]! * sign), round(y + dx * offsets[k]! * sign)])
    return reversed ? line.reverse() : line
  }
  const cells: Array<{ i: number; j: number; distance: number; organizationId: string }> = []
  for (let i = 0; i < columns; i++) {
    for (let j = 0; j < rows; j++) {
      const x = west + (i + 0.5) * width
      const y = south + (j + 0.5) * height
      cells.push({ i, j, distance: Math.hypot((x - center[0]) / radii[0], (y - center[1]) / radii[1]), organizationId: holderAt(x, y, cuts) })
    }
  }
  cells.sort((a, b) => a.distance - b.distance)
  const chosen = cells.slice(0, areaCount + 10)
  const holder = new Map(chosen.map((cell) => [`${cell.i},${cell.j}`, cell.organizationId]))
  const missing = new Set<number>()
  while (missing.size < 10) missing.add(Math.floor(random() * chosen.length))
  return chosen.filter((_, index) => !missing.has(index)).map(({ i, j, organizationId }) => {
    const same = (di: number, dj: number) => holder.get(`${i + di},${j + dj}`) === organizationId || !holder.has(`${i + di},${j + dj}`)
    const [sw, se, ne, nw] = [corner[i]![j]!, corner[i + 1]![j]!, corner[i + 1]![j + 1]!, corner[i]![j + 1]!]
    const ring: Ring = [
      ...side(sw, se, `h${i},${j}`, false, same(0, -1)).slice(0, -1),
      ...side(se, ne, `v${i + 1},${j}`, false, same(1, 0)).slice(0, -1),
      ...side(nw, ne, `h${i},${j + 1}`, true, same(0, 1)).slice(0, -1),
      ...side(sw, nw, `v${i},${j}`, true, same(-1, 0)).slice(0, -1),
    ]
    ring.push(ring[0]!)
    return { organizationId, ring }
  })
}

/** Blobs on a grid, each 80–120 % of its cell. */
function scattered(random: () => number): Array<{ organizationId: string; ring: Ring }> {
  const [columns, rows] = [25, 20]
  const [west, south, east, north] = [center[0] - radii[0], center[1] - radii[1], center[0] + radii[0], center[1] + radii[1]]
  const areas: Array<{ organizationId: string; ring: Ring }> = []
  for (let i = 0; i < columns; i++) {
    for (let j = 0; j < rows; j++) {
      const [x, y] = [west + ((i + 0.5) * (east - west)) / columns, south + ((j + 0.5) * (north - south)) / rows]
      const scale = 0.5 * (0.8 + random() * 0.4) * 1.1
      const vertices = 20 + Math.floor(random() * 41)
      const ring: Ring = []
      for (let k = 0; k < vertices; k++) {
        const angle = (2 * Math.PI * k) / vertices
        const r = scale * (1 + 0.12 * (random() * 2 - 1))
        ring.push([round(x + ((r * (east - west)) / columns) * Math.cos(angle)), round(y + ((r * (north - south)) / rows) * Math.sin(angle))])
      }
      ring.push(ring[0]!)
      const band = Math.min(organizations.length - 1, Math.floor((i + (random() < 0.15 ? 1 : 0)) / (columns / organizations.length)))
      areas.push({ organizationId: organizations[band]!, ring })
    }
  }
  return areas
}

const password = 'bench-password-1'
const actor = commandLineActor('bench coverage')
const serverRuns = Number(process.env.COVERAGE_BENCH_RUNS ?? 3)
const settleMs = 3000

interface Layout {
  jsa: Ring
  areas: Array<{ id: string; organizationId: string; ring: Ring }>
}

async function insertArea(database: Database, area: { id: string; organizationId: string; kind: 'aor' | 'joint-security-area'; ring: Ring }): Promise<void> {
  await database.query(
    `insert into areas (id, organization_id, room_id, kind, name_en, geometry, valid_from, released_to)
     values ($1, $2, 'kirkuk', $3, 'sector', st_multi(st_setsrid(st_geomfromgeojson($4), 4326)), '2024-01-01', array[$2])`,
    [area.id, area.organizationId, area.kind, JSON.stringify({ type: 'Polygon', coordinates: [area.ring] })],
  )
}

/** The reference organizations, one JOC watch officer to sign in as, the room and its areas; no coverage computed yet. */
async function seed(database: Database, layout: Layout): Promise<{ vertices: number; km2: number }> {
  const accounts = createAccountsService({ database, config: loadConfig({}, { NODE_ENV: 'test', LOG_LEVEL: 'silent' }) })
  await accounts.ensureOrganizations(actor, referenceOrganizations)
  await accounts.createUser(actor, { username: 'joc.watch', displayName: 'JOC watch officer', organizationId: 'joc', role: 'watch-officer', password })
  await database.query(`insert into rooms (id, name_en, name_ar, name_ckb, member_organization_ids) values ('kirkuk', 'Kirkuk', 'كركوك', 'کەرکووک', $1)`, [organizations])
  await insertArea(database, { id: randomUUID(), organizationId: 'joc', kind: 'joint-security-area', ring: layout.jsa })
  for (const area of layout.areas) await insertArea(database, { ...area, kind: 'aor' })
  const [check] = await database.query<{ invalid: number; vertices: number; km2: number }>(
    `select count(*) filter (where not st_isvalid(geometry))::int as invalid, avg(st_npoints(geometry))::float8 as vertices,
       (select st_area(geometry::geography) / 1e6 from areas where kind = 'joint-security-area') as km2 from areas where kind = 'aor'`,
  )
  if (check!.invalid > 0) throw new Error(`${check!.invalid} generated areas are not valid`)
  await database.query('analyze')
  return { vertices: check!.vertices, km2: check!.km2 }
}

/** A seeded database a server process can be started on, again and again, each time finding the room never computed. */
interface Prepared {
  vertices: number
  km2: number
  /** The server's environment for one run, and what to do after it. */
  run(): Promise<{ environment: Record<string, string>; done(): Promise<void> }>
  /** The database, opened in this process. */
  open(): Promise<{ database: Database; done(): Promise<void> }>
  discard(): Promise<void>
}

async function prepare(backend: 'pglite' | 'postgres', layout: Layout): Promise<Prepared> {
  if (backend === 'pglite') {
    const folder = mkdtempSync(join(tmpdir(), 'tansiq-bench-coverage-'))
    const seeded = join(folder, 'seeded')
    const template = new Blob([readFileSync(await prepareTemplate(placesTemplateSeed))])
    mkdirSync(join(seeded, 'pglite'), { recursive: true })
    const database = await openPgliteDatabase({ dataDirectory: join(seeded, 'pglite'), template })
    const stats = await seed(database, layout)
    await database.close()
    let copies = 0
    // Each run gets its own copy of the data folder, as it was before any coverage was computed.
    const copy = () => {
      const path = join(folder, `copy-${copies++}`)
      cpSync(seeded, path, { recursive: true })
      return path
    }
    return {
      ...stats,
      run: async () => {
        const path = copy()
        return { environment: { TANSIQ_DATA_DIR: path }, done: async () => rmSync(path, { recursive: true, force: true }) }
      },
      open: async () => {
        const path = copy()
        const opened = await openPgliteDatabase({ dataDirectory: join(path, 'pglite') })
        return { database: opened, done: async () => { await opened.close(); rmSync(path, { recursive: true, force: true }) } }
      },
      discard: async () => rmSync(folder, { recursive: true, force: true }),
    }
  }
  const scratch = await createScratchPostgresDatabase('tansiq_bench_coverage')
  const connect = async () => openPostgresDatabase({ connectionString: scratch.connectionString, poolSize: 4 })
  const database = await connect()
  await migrate(database)
  await placesTemplateSeed.apply(database)
  const stats = await seed(database, layout)
  await database.close()
  const forget = async () => {
    const cleanup = await connect()
    await cleanup.query('delete from coverage_alerts; delete from coverage_history; delete from coverage_parts; delete from coverage_states')
    await cleanup.close()
  }
  return {
    ...stats,
    run: async () => ({ environment: { DATABASE_URL: scratch.connectionString }, done: forget }),
    open: async () => {
      const opened = await connect()
      return { database: opened, done: async () => { await opened.close(); await forget() } }
    },
    discard: () => scratch.drop(),
  }
}

interface ServerRun {
  /** Process start → "Ready" line, and the main thread's CPU time by then. */
  startMs: number
  startCpuMs: number
  /** The first GET /api/rooms/kirkuk/coverage after ready (computes it). */
  firstMs: number
  /** CPU time of the server's main thread during that request (where PGlite runs): what the wall time would be on an idle machine. */
  firstCpuMs: number
  /** The next GET (reads the stored result). */
  secondMs: number
  gaps: number
  overlaps: number
}

/** CPU time (user + system) of a process's main thread so far, in ms (Linux; 10 ms ticks). */
function mainThreadCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** Starts `tansiq serve` on a prepared database, signs in, and times the room's first coverage request. */
async function serverRun(environment: Record<string, string>, warmUp: boolean): Promise<ServerRun> {
  const storage: ServerStorage = { backend: environment.DATABASE_URL ? 'postgres' : 'pglite', environment, dispose: async () => {} }
  const started = performance.now()
  const server = await startServerProcess(storage, { demo: false, environment: { COVERAGE_WARM_UP: String(warmUp) } })
  const { child, baseUrl: url } = server
  try {
    const startMs = performance.now() - started
    const startCpuMs = mainThreadCpuMs(child.pid!)
    // A person signs in and opens the room seconds after start-up, not within milliseconds: let the
    // work a server schedules right after ready (the place-search index, ~1 s) finish first.
    await new Promise((resolve) => setTimeout(resolve, settleMs))
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'joc.watch', password }) })
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`)
    const { token } = (await login.json()) as { token: string }
    const get = async () => {
      const requested = performance.now()
      const response = await fetch(`${url}/api/rooms/kirkuk/coverage`, { headers: { authorization: `Bearer ${token}` } })
      const body = await response.text()
      if (!response.ok) throw new Error(`coverage: ${response.status} ${body}`)
      return { ms: performance.now() - requested, coverage: JSON.parse(body) as { gaps: unknown[]; overlaps: unknown[] } }
    }
    const cpuBefore = mainThreadCpuMs(child.pid!)
    const first = await get()
    const firstCpuMs = mainThreadCpuMs(child.pid!) - cpuBefore
    const second = await get()
    return { startMs, startCpuMs, firstMs: first.ms, firstCpuMs, secondMs: second.ms, gaps: first.coverage.gaps.length, overlaps: first.coverage.overlaps.length }
  } finally {
    await server.stop()
  }
}

const median = (values: number[]) => percentile(values, 50)
const ms = (value: number) => `${value.toFixed(0)} ms`

async function measure(backend: 'pglite' | 'postgres', layoutName: 'sectors' | 'scattered'): Promise<string> {
  const random = prng(20210621)
  const jsa = jointSecurityArea(random)
  const areas = (layoutName === 'sectors' ? sectors(random) : scattered(random)).map((area) => ({ ...area, id: randomUUID() }))
  const prepared = await prepare(backend, { jsa, areas })
  try {
    // The warm-up runs on the embedded database only (PostgreSQL's functions are native code, loaded by each pooled connection).
    const modes = backend === 'pglite' ? [true, false] : [true]
    const runs = new Map<boolean, ServerRun[]>(modes.map((mode) => [mode, []]))
    for (let index = 0; index < serverRuns; index++) {
      for (const mode of modes) {
        const { environment, done } = await prepared.run()
        try {
          runs.get(mode)!.push(await serverRun(environment, mode))
        } finally {
          await done()
        }
      }
    }
    const withWarmUp = runs.get(true)!
    const withoutWarmUp = runs.get(false) ?? []
    const { gaps, overlaps } = withWarmUp[0]!

    // In process: the live path, an area edited and recomputed (after one computation, as a running server is).
    const { database, done } = await prepared.open()
    const changed: Array<{ wall: number; cpu: number }> = []
    const unchanged: Array<{ wall: number; cpu: number }> = []
    let totals: { gap_km2: number; overlap_km2: number } | undefined
    try {
      const coverage = createCoverageService({
        database, bus: new EventBus<PictureChange>(),
        settings: { gridDegrees: 1e-7, minimumPartKm2: 0.01, borderMeters: 100, gapAlertKm2: 1, checkIntervalMs: 0 },
      })
      // Wall time is what a user waits; on a shared machine the process's CPU time (PGlite runs in it) shows the work itself.
      const timed = async () => {
        const cpu = process.cpuUsage()
        const outcome = (await coverage.recompute('kirkuk'))!
        const used = process.cpuUsage(cpu)
        return { wall: outcome.durationMs, cpu: (used.user + used.system) / 1000 }
      }
      await timed()
      ;[totals] = await database.query<{ gap_km2: number; overlap_km2: number }>('select gap_km2, overlap_km2 from coverage_states')
      for (let roundIndex = 0; roundIndex < changeRounds; roundIndex++) {
        // One area moves by up to ~500 m, as an edit of a sector would; then it moves back.
        const area = areas[Math.floor(random() * areas.length)]!
        const [dx, dy] = [(random() - 0.5) * 0.01, (random() - 0.5) * 0.01]
        await database.query('update areas set geometry = st_translate(geometry, $2, $3) where id = $1', [area.id, dx, dy])
        changed.push(await timed())
        await database.query('update areas set geometry = st_translate(geometry, $2, $3) where id = $1', [area.id, -dx, -dy])
        changed.push(await timed())
        unchanged.push(await timed())
      }
    } finally {
      await done()
    }
    const firstOf = (list: ServerRun[]) => (list.length === 0 ? '—' : `**${ms(median(list.map((run) => run.firstMs)))}** / ${ms(Math.max(...list.map((run) => run.firstMs)))}`
      + (backend === 'pglite' ? ` (CPU ${ms(median(list.map((run) => run.firstCpuMs)))})` : ''))
    const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`
    const startOf = (list: ServerRun[]) => (list.length === 0 ? '—' : `${seconds(median(list.map((run) => run.startMs)))} (CPU ${seconds(median(list.map((run) => run.startCpuMs)))})`)
    const wall = changed.map((time) => time.wall)
    // The CPU time of PostgreSQL's server process is not ours to see: shown for PGlite only.
    const cpu = backend === 'pglite' ? ms(median(changed.map((time) => time.cpu))) : 'n/a'
    return `| ${backend} | ${layoutName} | ${areas.length} | ${prepared.vertices.toFixed(0)} | ${prepared.km2.toFixed(0)} km² | ${gaps} (${totals!.gap_km2.toFixed(1)} km²) | ${overlaps} (${totals!.overlap_km2.toFixed(1)} km²) `
      + `| ${firstOf(withWarmUp)} | ${firstOf(withoutWarmUp)} | ${ms(median(withWarmUp.map((run) => run.secondMs)))} | ${startOf(withWarmUp)} / ${startOf(withoutWarmUp)} `
      + `| ${ms(median(wall))} / ${ms(percentile(wall, 95))} / ${ms(Math.max(...wall))} | ${cpu} | ${ms(median(unchanged.map((time) => time.wall)))} |`
  } finally {
    await prepared.discard()
  }
}

const backends: Array<'pglite' | 'postgres'> = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
const rows: string[] = []
for (const backend of backends) {
  for (const layout of ['sectors', 'scattered'] as const) rows.push(await measure(backend, layout))
}
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; ${serverRuns} server starts per row and mode\n`)
console.log('| storage | layout | areas of responsibility | mean vertices | joint security area | gaps | overlaps | first GET after start, warm-up on: wall median / max (server main-thread CPU) | same, warm-up off | next GET (stored) | start → ready (main-thread CPU), warm-up on / off | after one area changes: wall median / p95 / max | CPU median | nothing changed (median) |')
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
for (const row of rows) console.log(row)
if (!process.env.DATABASE_URL) console.log('\nSet DATABASE_URL to measure PostgreSQL too.')
