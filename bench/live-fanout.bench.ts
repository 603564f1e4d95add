// Live fan-out: 200 WebSocket clients (3 organizations, every update released to all three; a third
// subscribed to the layer, a third to the Kirkuk room, a third to a box around it) receive 1,000
// position updates/s for BENCH_SECONDS (20 by default) after a 3 s warm-up. The clients run in a
// child process, so the server's event loop is not the one that reads; each delta's latency is
// its receipt time minus its acceptance stamp (both wall-clock in microseconds, same machine).
//
// Sources (BENCH_LIVE_SOURCES, default "bus,batch"):
//   bus    positions published on the event bus exactly as the tracks capability publishes them
//          (layer 'positions', data {unitId, lat, lon, reportedAt, …}), stamped at publication:
//          the hub's own cost, from accepted change to client.
//   batch  the real path: HTTP POST /api/tracks/batch over 127.0.0.1 (100 reports per request,
//          10 requests/s), stored in PGlite, published, fanned out; latency from just before the
//          request is sent (reportedAt, millisecond resolution) — ingestion included.
// Run: node --import tsx bench/live-fanout.bench.ts
import { fork, type ChildProcess } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { WebSocket } from 'ws'
import type { PictureChange } from '../src/live/picture-change.ts'

const seconds = Number(process.env.BENCH_SECONDS ?? 20)
const warmupSeconds = 3
const clientCount = Number(process.env.BENCH_CLIENTS ?? 200)
const updatesPerSecond = Number(process.env.BENCH_RATE ?? 1000)
const unitCount = 1000
// Interval between batch requests (BENCH_BATCH_MS); each carries the reports due since the previous one.
const batchMs = Number(process.env.BENCH_BATCH_MS ?? 100)
const organizations = [
  { id: 'peshmerga', user: 'pesh.watch' },
  { id: 'iraqi-army', user: 'army.watch' },
  { id: 'joc', user: 'joc.watch' },
]
const kirkukBox: [number, number, number, number] = [43.5, 34.5, 45.5, 36.5]
const now = () => performance.timeOrigin + performance.now()

// ---------------------------------------------------------------------------------------------
// Child process: the clients.

interface ClientPlan { url: string; tokens: string[]; clients: number }
/** Latencies of one measure, as a histogram of `bucketMs` buckets. */
interface Latencies { histogram: number[]; overflow: number; max: number; count: number }
interface ClientReport { fromStamp: Latencies; fromPublication: Latencies; total: number; frames: number; bytes: number; minPerClient: number; resyncs: number; cpuMs: number }

const bucketMs = 0.05
const bucketCount = 40_000 // up to 2 s; later ones are counted in `overflow`

class Histogram {
  private readonly buckets = new Uint32Array(bucketCount)
  private overflow = 0
  private max = 0
  private count = 0
  add(latency: number): void {
    this.count++
    this.max = Math.max(this.max, latency)
    const bucket = Math.floor(Math.max(0, latency) / bucketMs)
    if (bucket < bucketCount) this.buckets[bucket]!++
    else this.overflow++
  }
  toJSON(): Latencies {
    return { histogram: [...this.buckets], overflow: this.overflow, max: this.max, count: this.count }
  }
}

interface ReportRequest { type: 'report'; firstEventId: number; publishedAt: number[] }

async function runClients(plan: ClientPlan, send: (message: unknown) => void, on: (handler: (message: { type: string; from?: number } | ReportRequest) => void) => void): Promise<void> {
  const fromStamp = new Histogram()
  const state = { total: 0, frames: 0, bytes: 0, resyncs: 0, measureFrom: Number.POSITIVE_INFINITY, measured: 0 }
  // Every measured delivery's event id and receipt time, matched with publication times at the end.
  const capacity = 12_000_000
  const eventIds = new Uint32Array(capacity)
  const receipts = new Float64Array(capacity)
  const perClient = new Array<number>(plan.clients).fill(0)
  const cpuStart = process.cpuUsage()
  const sockets: WebSocket[] = []
  await Promise.all(Array.from({ length: plan.clients }, (_, index) => new Promise<void>((resolve, reject) => {
    const socket = new WebSocket(plan.url, { headers: { authorization: `Bearer ${plan.tokens[index % plan.tokens.length]}` } })
    sockets.push(socket)
    const filter = index % 3 === 0 ? {} : index % 3 === 1 ? { roomId: 'kirkuk' } : { bbox: kirkukBox }
    socket.once('open', () => socket.send(JSON.stringify({ type: 'subscribe', layers: ['positions'], ...filter })))
    socket.once('error', reject)
    socket.on('message', (data: Buffer) => {
      const received = now()
      state.frames++
      state.bytes += data.length
      for (const message of JSON.parse(data.toString()) as Array<{ type: string; eventId?: number; data?: { acceptedAt?: number; reportedAt: string } }>) {
        if (message.type === 'snapshot-end') resolve()
        else if (message.type === 'resync') state.resyncs++
        else if (message.type === 'delta' && message.data) {
          state.total++
          perClient[index]!++
          const stamp = message.data.acceptedAt ?? Date.parse(message.data.reportedAt)
          if (stamp < state.measureFrom || state.measured >= capacity) continue
          fromStamp.add(received - stamp)
          eventIds[state.measured] = message.eventId!
          receipts[state.measured++] = received
        }
      }
    })
  })))
  on((message) => {
    if (message.type === 'measure') state.measureFrom = (message as { from: number }).from
    if (message.type === 'count') send({ type: 'count', total: state.total })
    if (message.type === 'report') {
      const cpu = process.cpuUsage(cpuStart)
      const { firstEventId, publishedAt } = message as ReportRequest
      const fromPublication = new Histogram()
      for (let index = 0; index < state.measured; index++) {
        const published = publishedAt[eventIds[index]! - firstEventId]
        if (published !== undefined) fromPublication.add(receipts[index]! - published)
      }
      const report: ClientReport = { fromStamp: fromStamp.toJSON(), fromPublication: fromPublication.toJSON(), total: state.total, frames: state.frames, bytes: state.bytes, minPerClient: Math.min(...perClient), resyncs: state.resyncs, cpuMs: (cpu.user + cpu.system) / 1000 }
      send({ type: 'report', report })
      for (const socket of sockets) socket.close()
    }
  })
  send({ type: 'ready' })
}

if (process.argv.includes('--clients')) {
  process.once('message', (plan: ClientPlan) => {
    runClients(plan, (message) => process.send!(message), (handler) => process.on('message', handler)).catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
  })
  process.on('disconnect', () => process.exit(0))
} else {
  await main()
}

// ---------------------------------------------------------------------------------------------
// Parent process: the server, the publisher and the figures.

function percentileOf(latencies: Latencies, p: number): number {
  const target = Math.ceil((p / 100) * latencies.count)
  let seen = 0
  for (let bucket = 0; bucket < latencies.histogram.length; bucket++) {
    seen += latencies.histogram[bucket]!
    if (seen >= target) return (bucket + 1) * bucketMs
  }
  return latencies.max
}

function request(child: ChildProcess, message: unknown, answer: string): Promise<{ type: string; report?: ClientReport }> {
  return new Promise((resolve) => {
    const listener = (reply: { type: string }) => {
      if (reply.type !== answer) return
      child.off('message', listener)
      resolve(reply)
    }
    child.on('message', listener)
    if (message !== null) child.send(message as object)
  })
}

interface Row { source: string; backend: string; published: number; report: ClientReport; serverCpuMs: number; loopP99: number; hubResyncs: number; hubFrames: number }

async function runSource(source: 'bus' | 'batch', backend: 'pglite' | 'postgres'): Promise<Row> {
  const { startTestTansiq } = await import('../src/server/test-harness.ts')
  const tansiq = await startTestTansiq(backend)
  // When each change left the capability (after its commit): the hub numbers changes in bus order, so the
  // n-th change seen here is event n.
  const firstEventId = tansiq.live.stats().lastEventId + 1
  const publishedAt: number[] = []
  tansiq.bus.subscribe(() => {
    publishedAt.push(now())
  })
  await tansiq.app.listen({ port: 0, host: '127.0.0.1' })
  const port = (tansiq.app.server.address() as { port: number }).port
  const admin = (await tansiq.login('admin')).authorization
  const room = await tansiq.app.inject({
    method: 'POST', url: '/api/rooms', headers: { authorization: admin },
    payload: { id: 'kirkuk', names: { en: 'Kirkuk', ar: 'كركوك', ckb: 'کەرکووک' }, memberOrganizationIds: organizations.map((organization) => organization.id) },
  })
  if (room.statusCode !== 201) throw new Error(`room: ${room.body}`)
  const tokens = await Promise.all(organizations.map(async (organization) => (await tansiq.login(organization.user)).token))

  // Units: real ones (created through the API, released to the room) for the batch path; ids alone for the bus.
  const unitIds: string[] = []
  if (source === 'batch') {
    const commander = (await tansiq.login('pesh.commander')).authorization
    for (let index = 0; index < unitCount; index += 25) {
      const created = await Promise.all(Array.from({ length: 25 }, (_, offset) => tansiq.app.inject({
        method: 'POST', url: '/api/units', headers: { authorization: commander },
        payload: { names: { en: `Unit ${index + offset}` }, echelon: 'company', sidc: 'SFGPUCI----E---', homeRoomId: 'kirkuk', release: { scope: 'room', roomId: 'kirkuk' } },
      })))
      for (const response of created) {
        if (response.statusCode !== 201) throw new Error(`unit: ${response.body}`)
        unitIds.push(response.json().id)
      }
    }
  } else {
    for (let index = 0; index < unitCount; index++) unitIds.push(crypto.randomUUID())
  }

  const child = fork(fileURLToPath(import.meta.url), ['--clients'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' })
  const ready = request(child, null, 'ready')
  child.send({ url: `ws://127.0.0.1:${port}/api/live`, tokens, clients: clientCount } satisfies ClientPlan)
  await ready

  const positions = unitIds.map((_, index) => ({ lat: 35.2 + (index % 40) * 0.01, lon: 44.1 + Math.floor(index / 40) * 0.01 }))
  let next = 0
  const nextReport = () => {
    const index = next++ % unitIds.length
    const position = positions[index]!
    position.lat += (Math.random() - 0.5) * 0.001
    position.lon += (Math.random() - 0.5) * 0.001
    return { unitId: unitIds[index]!, lat: position.lat, lon: position.lon }
  }
  const busUpdate = () => {
    const acceptedAt = now()
    const report = nextReport()
    // Shaped as the tracks capability publishes a position (positionChange), plus a microsecond stamp.
    const change: PictureChange = {
      layer: 'positions', kind: 'upsert', id: report.unitId, releasedTo: organizations.map((organization) => organization.id), roomIds: ['kirkuk'],
      bbox: [report.lon, report.lat, report.lon, report.lat],
      data: { ...report, altitudeMeters: null, speedMps: 4.2, courseDegrees: 90, reportedAt: new Date(acceptedAt).toISOString(), source: 'bench', acceptedAt },
    }
    tansiq.bus.publish(change)
  }
  const batchUrl = `http://127.0.0.1:${port}/api/tracks/batch`
  const reporter = (await tansiq.login('pesh.watch')).authorization
  let batchFailures = 0
  let accepted = 0
  const inFlight = new Set<Promise<void>>()
  const sendBatch = (count: number) => {
    const reportedAt = new Date(Math.floor(now())).toISOString()
    const reports = Array.from({ length: count }, () => ({ ...nextReport(), speedMps: 4.2, courseDegrees: 90, reportedAt, source: 'bench' }))
    const sent: Promise<void> = fetch(batchUrl, { method: 'POST', headers: { authorization: reporter, 'content-type': 'application/json' }, body: JSON.stringify({ reports }) })
      .then(async (response) => {
        const body = await response.json() as { accepted?: number }
        accepted += body.accepted ?? 0
        if (response.status !== 200 || body.accepted !== count) batchFailures++
      }, () => {
        batchFailures++
      })
      .finally(() => inFlight.delete(sent))
    inFlight.add(sent)
  }

  const tickMs = source === 'bus' ? 10 : batchMs
  const started = now()
  const measureFrom = started + warmupSeconds * 1000
  const stopAt = measureFrom + seconds * 1000
  child.send({ type: 'measure', from: measureFrom })
  let published = 0
  let measuredPublished = 0
  let serverCpuStart: NodeJS.CpuUsage | null = null
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const time = now()
      if (time >= stopAt) {
        clearInterval(timer)
        return resolve()
      }
      if (time >= measureFrom && serverCpuStart === null) {
        serverCpuStart = process.cpuUsage()
        loopDelay.enable()
      }
      const due = Math.floor(((time - started) / 1000) * updatesPerSecond) - published
      if (due <= 0) return
      if (source === 'bus') for (let index = 0; index < due; index++) busUpdate()
      else sendBatch(due)
      published += due
      if (time >= measureFrom) measuredPublished += due
    }, tickMs)
  })
  const serverCpu = process.cpuUsage(serverCpuStart ?? undefined)
  loopDelay.disable()
  // Let the last requests finish and the last frames arrive; what has not arrived 15 s later is lost.
  await Promise.all([...inFlight])
  if (source === 'batch') published = accepted
  for (const giveUp = now() + 15_000; now() < giveUp;) {
    const { total } = await request(child, { type: 'count' }, 'count') as unknown as { total: number }
    if (total >= published * clientCount) break
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  const { report } = await request(child, { type: 'report', firstEventId, publishedAt } satisfies ReportRequest, 'report')
  child.disconnect()
  const stats = tansiq.live.stats()
  await tansiq.close()
  if (batchFailures > 0) console.error(`${batchFailures} batch request(s) failed or were partly refused`)
  console.error(`${source}: published ${published} (${measuredPublished} measured), ${report!.total} deltas received, expected ${published * clientCount}`)
  return { source, backend, published, report: report!, serverCpuMs: (serverCpu.user + serverCpu.system) / 1000, loopP99: loopDelay.percentile(99) / 1e6, hubResyncs: stats.resyncs, hubFrames: stats.frames }
}

async function main(): Promise<void> {
  const { storageBackends } = await import('../src/platform/database/test-database.ts')
  const sources = (process.env.BENCH_LIVE_SOURCES ?? 'bus,batch').split(',') as Array<'bus' | 'batch'>
  const rows: Row[] = []
  const loadAtStart = loadavg()[0]!.toFixed(1)
  for (const source of sources) {
    // The bus path touches no storage; the batch path runs on each configured backend.
    for (const backend of source === 'bus' ? ['pglite' as const] : storageBackends()) rows.push(await runSource(source, backend))
  }
  const format = (value: number, digits = 1) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
  const latency = (latencies: Latencies) => `${format(percentileOf(latencies, 50), 1)} / ${format(percentileOf(latencies, 99), 1)} / ${format(latencies.max, 1)} ms`
  console.log(`\nLive fan-out — ${clientCount} WebSocket clients (3 organizations), ${updatesPerSecond.toLocaleString('en-US')} position updates/s, ${seconds} s measured after ${warmupSeconds} s warm-up; clients in a child process.`)
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; load average ${loadAtStart} at start, ${loadavg()[0]!.toFixed(1)} at the end (other work on the machine competes for its cores).\n`)
  console.log('| source | deliveries/s | published → received p50 / p99 / max | request sent → received p50 / p99 / max | lost | resyncs | writes/s | server CPU | clients\' CPU | server loop delay p99 |')
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const row of rows) {
    const { report } = row
    const lost = row.published * clientCount - report.total
    const name = row.source === 'bus' ? 'bus → hub (10 updates per 10 ms)' : `batch API over HTTP → ${row.backend === 'pglite' ? 'PGlite' : 'PostgreSQL'} → hub (${(updatesPerSecond * batchMs) / 1000} reports per ${batchMs} ms)`
    console.log(`| ${name} | ${format(report.fromPublication.count / seconds, 0)} | ${latency(report.fromPublication)} | ${row.source === 'bus' ? '—' : latency(report.fromStamp)} | ${lost} | ${row.hubResyncs} | ${format(row.hubFrames / (seconds + warmupSeconds), 0)} | ${format((row.serverCpuMs / (seconds * 1000)) * 100, 0)} % | ${format((report.cpuMs / ((seconds + warmupSeconds) * 1000)) * 100, 0)} % | ${format(row.loopP99, 1)} ms |`)
  }
  console.log('\n"published → received": from the moment the capability published the committed change on the bus to the client\'s receipt of its frame (µs clocks, same machine). "request sent → received" adds HTTP and ingestion (reportedAt, ms resolution). lost = updates × clients − deltas received. writes/s = WebSocket frames written per second over all clients. CPU in % of one core.')
}
