// Track ingestion through the batch HTTP API: a real server listening on 127.0.0.1, real HTTP
// requests (fetch, from the same process) of 1,000–5,000 position reports of 200 units, 2–4 in
// flight, sustained for BENCH_SECONDS (20 by default) per configuration. Embedded PGlite (on disk,
// as a user runs it) and, with DATABASE_URL, PostgreSQL in a database created for the run and
// dropped after. Prints a markdown table of reports/s and request latency.
// Run: node --import tsx bench/track-ingestion.bench.ts   (set DATABASE_URL to add PostgreSQL)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { loadConfig } from '../src/platform/config.ts'
import { commandLineActor } from '../src/platform/auth/principal.ts'
import type { Database } from '../src/platform/database/database.ts'
import { migrate } from '../src/platform/database/migrator.ts'
import { openPgliteDatabase } from '../src/platform/database/pglite-database.ts'
import { openPostgresDatabase } from '../src/platform/database/postgres-database.ts'
import { prepareTemplate, createScratchPostgresDatabase } from '../src/platform/database/test-database.ts'
import { seedDemo } from '../src/demo/demo-seed.ts'
import { buildTansiq } from '../src/server/tansiq-server.ts'
import { percentile } from './support/bench-statistics.ts'

const seconds = Number(process.env.BENCH_SECONDS ?? 20)
const unitCount = 200
// BENCH_CONFIGURATIONS="4x1000,2x5000" picks other rows (requests in flight × reports per request).
const configurations = (process.env.BENCH_CONFIGURATIONS ?? '2x1000,2x5000,4x1000,4x5000').split(',').map((text) => {
  const [concurrency, batchSize] = text.split('x').map(Number)
  return { concurrency: concurrency!, batchSize: batchSize! }
})
const password = 'bench-password-1'


/** A database for one backend, and how to get rid of it. */
async function openBenchDatabase(backend: 'pglite' | 'postgres'): Promise<{ database: Database; discard(): Promise<void>; version: string }> {
  if (backend === 'pglite') {
    const directory = mkdtempSync(join(tmpdir(), 'tansiq-track-bench-'))
    const database = await openPgliteDatabase({ dataDirectory: directory, template: new Blob([readFileSync(await prepareTemplate())]) })
    const [row] = await database.query<{ version: string }>("select current_setting('server_version') as version")
    return { database, version: `PGlite (PostgreSQL ${row!.version}), data on disk`, discard: async () => rmSync(directory, { recursive: true, force: true }) }
  }
  const scratch = await createScratchPostgresDatabase('tansiq_bench_tracks')
  const database = await openPostgresDatabase({ connectionString: scratch.connectionString, poolSize: 10 })
  const [row] = await database.query<{ version: string }>("select current_setting('server_version') as version")
  await migrate(database)
  return { database, version: `PostgreSQL ${row!.version}`, discard: scratch.drop }
}

interface Result {
  backend: string
  concurrency: number
  batchSize: number
  reports: number
  seconds: number
  p50: number
  p99: number
}

async function benchBackend(backend: 'pglite' | 'postgres'): Promise<{ results: Result[]; version: string }> {
  const { database, discard, version } = await openBenchDatabase(backend)
  const config = loadConfig({}, { LOG_LEVEL: 'silent', NODE_ENV: 'development', TANSIQ_DEMO_PASSWORD: password })
  const tansiq = await buildTansiq({ config, database })
  const results: Result[] = []
  try {
    await seedDemo(tansiq.accounts, commandLineActor('bench'), password)
    const login = await tansiq.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'pesh.watch', password } })
    const authorization = `Bearer ${(login.json() as { token: string }).token}`
    const unitIds: string[] = []
    for (let index = 0; index < unitCount; index++) {
      const response = await tansiq.app.inject({ method: 'POST', url: '/api/units', headers: { authorization }, payload: { names: { en: `Bench company ${index}` }, echelon: 'company', sidc: 'SFGPUCI----E---' } })
      if (response.statusCode !== 201) throw new Error(response.body)
      unitIds.push((response.json() as { id: string }).id)
    }
    await tansiq.app.listen({ host: '127.0.0.1', port: 0 })
    const url = `http://127.0.0.1:${(tansiq.app.server.address() as AddressInfo).port}/api/tracks/batch`

    // Every report has its own millisecond, so none is a duplicate; all lie in the past hour.
    let sequence = 0
    const base = Date.now() - 60 * 60 * 1000
    const body = (size: number): string => {
      const parts = new Array<string>(size)
      for (let index = 0; index < size; index++) {
        const unitId = unitIds[sequence % unitCount]!
        const step = sequence / unitCount
        parts[index] = `{"unitId":"${unitId}","lat":${(34.69 + (step % 1000) * 0.0002).toFixed(6)},"lon":${(44.96 - (step % 1000) * 0.0003).toFixed(6)},"altitudeMeters":310,"speedMps":11.5,"courseDegrees":303.4,"reportedAt":"${new Date(base + sequence).toISOString()}","source":"bench"}`
        sequence++
      }
      return `{"reports":[${parts.join(',')}]}`
    }
    const send = async (payload: string): Promise<number> => {
      const response = await fetch(url, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: payload })
      const result = await response.json() as { accepted: number; rejected: unknown[] }
      if (response.status !== 200 || result.rejected.length > 0) throw new Error(`batch refused: ${response.status} ${JSON.stringify(result).slice(0, 300)}`)
      return result.accepted
    }

    let counted = 0
    for (const { concurrency, batchSize } of configurations) {
      counted += await send(body(batchSize)) // warm-up
      const latencies: number[] = []
      let accepted = 0
      const started = performance.now()
      const deadline = started + seconds * 1000
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          const payload = body(batchSize)
          const sent = performance.now()
          const stored = await send(payload)
          // Added after the await: `accepted += await …` would read `accepted` before it and lose the other workers' counts.
          accepted += stored
          latencies.push(performance.now() - sent)
        }
      }))
      const elapsed = (performance.now() - started) / 1000
      counted += accepted
      results.push({ backend, concurrency, batchSize, reports: accepted, seconds: elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) })
      console.error(`${backend} ${concurrency}×${batchSize}: ${(accepted / elapsed).toFixed(0)} reports/s`)
    }
    const [stored] = await database.query<{ count: number }>('select count(*)::int as count from track_points')
    // Every report sent is stored, and the figures count each one once.
    if (stored!.count !== sequence || counted !== sequence) throw new Error(`sent ${sequence} reports, stored ${stored!.count}, counted ${counted}`)
  } finally {
    await tansiq.close()
    await discard()
  }
  return { results, version }
}

const backends = (process.env.BENCH_BACKENDS?.split(',') ?? (process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'])) as Array<'pglite' | 'postgres'>
const rows: string[] = []
const versions: string[] = []
const loadBefore = loadavg()[0]!
for (const backend of backends) {
  const { results, version } = await benchBackend(backend)
  versions.push(version)
  for (const result of results) {
    rows.push(`| ${result.backend} | ${result.concurrency} | ${result.batchSize.toLocaleString('en')} | ${(result.reports / result.seconds).toLocaleString('en', { maximumFractionDigits: 0 })} | ${result.reports.toLocaleString('en')} in ${result.seconds.toFixed(1)} s | ${result.p50.toFixed(0)} | ${result.p99.toFixed(0)} |`)
  }
}

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; ${versions.join('; ')}`)
console.log(`Batch HTTP API, ${unitCount} units, server and client in one process, ${seconds} s per row; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after (other work on the machine lowers the figures). Target: ≥ 5,000 reports/s on PostgreSQL.\n`)
console.log('| backend | requests in flight | reports per request | reports/s | stored | request p50 ms | request p99 ms |')
console.log('|---|---|---|---|---|---|---|')
for (const row of rows) console.log(row)
