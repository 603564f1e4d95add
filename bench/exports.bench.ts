// Exports streamed over a real socket (listen on 127.0.0.1, read with fetch):
// 1. the serialisers and the stream alone, from a synthetic layer of 200,000 features;
// 2. the units layer read from storage page by page, 20,000 units (half released to the reader).
// Reports time to first byte, throughput and the heap's peak growth (garbage included) against the
// document's size: a streamed export stays flat however large the document.
// Run with --expose-gc for a cleaner heap baseline.
// Run: node --import tsx bench/exports.bench.ts   (set DATABASE_URL to add PostgreSQL)
import { cpus } from 'node:os'
import type { AddressInfo } from 'node:net'
import { startTestTansiq, type TestTansiq } from '../src/server/test-harness.ts'
import { storageBackends } from '../src/platform/database/test-database.ts'
import { exportFormats } from '../src/exports/core/export-serialisers.ts'
import type { LayerSource } from '../src/live/layer-source.ts'
import type { Layer } from '../src/live/picture-change.ts'

const syntheticCount = 200_000
const unitCount = 20_000

function syntheticLayer(): LayerSource<number> {
  return {
    layer: 'coverage' as Layer,
    list: async function* () {
      for (let n = 0; n < syntheticCount; n++) yield n
    },
    toFeature: (n) => ({
      type: 'Feature', id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      geometry: n % 10 === 0
        ? { type: 'Polygon', coordinates: [[[44, 35], [44.1, 35], [44.1, 35.1], [44, 35.1], [44, 35]]] }
        : { type: 'Point', coordinates: [44 + (n % 1000) / 1000, 35 + (n % 777) / 1000] },
      properties: { organizationId: 'peshmerga', nameEn: `Unit ${n}`, nameAr: `الوحدة ${n}`, nameCkb: `یەکەی ${n}`, echelon: 'company', status: 'active', version: 1 },
    }),
  }
}

async function measure(tansiq: TestTansiq, authorization: string, url: string) {
  global.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  let heapPeak = heapBefore
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 5)
  const started = performance.now()
  const response = await fetch(`http://127.0.0.1:${(tansiq.app.server.address() as AddressInfo).port}${url}`, { headers: { authorization } })
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`)
  const reader = response.body!.getReader()
  let firstByteMs = 0
  let bytes = 0
  for (;;) {
    const next = await reader.read()
    if (next.done) break
    if (bytes === 0) firstByteMs = performance.now() - started
    bytes += next.value.length
  }
  const totalMs = performance.now() - started
  clearInterval(sampler)
  return { firstByteMs, totalMs, bytes, heapGrowth: heapPeak - heapBefore }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)
const rows: string[] = []
const row = (source: string, format: string, count: number, result: Awaited<ReturnType<typeof measure>>) => rows.push(
  `| ${source} | ${format} | ${count.toLocaleString('en')} | ${mb(result.bytes)} | ${result.firstByteMs.toFixed(0)} | ${(result.totalMs / 1000).toFixed(2)} | ${Math.round(count / (result.totalMs / 1000)).toLocaleString('en')} | ${(result.bytes / 1024 / 1024 / (result.totalMs / 1000)).toFixed(1)} | ${mb(result.heapGrowth)} |`)

for (const backend of storageBackends()) {
  const tansiq = await startTestTansiq(backend)
  await tansiq.app.listen({ port: 0, host: '127.0.0.1' })
  const { authorization } = await tansiq.login('pesh.watch')

  if (backend === storageBackends()[0]) {
    tansiq.layers.set('coverage' as Layer, syntheticLayer())
    for (const format of exportFormats) row('synthetic layer', format, syntheticCount, await measure(tansiq, authorization, `/api/exports/coverage.${format}`))
  }

  // Bench data straight into storage: 20,000 units of two organizations, each with a position.
  await tansiq.database.execute(`
    insert into units (id, organization_id, name_en, name_ar, name_ckb, echelon, sidc, status, release_scope, released_to)
      select ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, case when n % 2 = 0 then 'peshmerga' else 'iraqi-army' end,
        'Unit ' || n, 'الوحدة ' || n, 'یەکەی ' || n, 'company', 'SFGPUCI----E---', 'active', 'originator',
        array[case when n % 2 = 0 then 'peshmerga' else 'iraqi-army' end]
      from generate_series(1, ${unitCount}) as n;
    insert into unit_positions (unit_id, position, reported_at, source)
      select id, st_setsrid(st_makepoint(44 + random(), 35 + random()), 4326), now(), 'bench' from units`)
  for (const format of exportFormats) row(`units on ${backend}`, format, unitCount / 2, await measure(tansiq, authorization, `/api/exports/units.${format}`))
  tansiq.app.server.closeAllConnections()
  await tansiq.close()
}

console.log(`Machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}\n`)
console.log('| source | format | features | MB | first byte ms | total s | features/s | MB/s | heap growth MB |')
console.log('|---|---|---|---|---|---|---|---|---|')
for (const line of rows) console.log(line)
