// Areas of responsibility through the HTTP API (inject, no sockets): creating small areas, creating
// one of 100,000 vertices (the limit), listing with a box and a time over 1,000 areas, and the
// store's "active areas of a room at t" that coverage will use. Prints a markdown table per backend.
// Run: node --import tsx bench/areas.bench.ts   (set DATABASE_URL to add PostgreSQL)
import { cpus } from 'node:os'
import { startTestTansiq } from '../src/server/test-harness.ts'
import { storageBackends } from '../src/platform/database/test-database.ts'
import { activeAreasOfRoom } from '../src/areas/areas-store.ts'
import { percentile } from './support/bench-statistics.ts'

const areaCount = 1000
const listRounds = 50


function square(west: number, south: number, size: number): number[][] {
  return [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]
}

const rows: string[] = []
for (const backend of storageBackends()) {
  const tansiq = await startTestTansiq(backend)
  const { authorization } = await tansiq.login('pesh.commander')
  const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => tansiq.app.inject({ method, url, headers: { authorization }, ...(payload ? { payload } : {}) })
  const { authorization: admin } = await tansiq.login('admin')
  await tansiq.app.inject({ method: 'POST', url: '/api/rooms', headers: { authorization: admin }, payload: { id: 'kirkuk', names: { en: 'Kirkuk', ar: 'كركوك', ckb: 'کەرکووک' }, memberOrganizationIds: ['peshmerga', 'iraqi-army'] } })

  // Small areas on a grid over Kirkuk and Garmiyan, half of them ended before the query time.
  const createMs: number[] = []
  for (let index = 0; index < areaCount; index += 1) {
    const west = 43.8 + (index % 40) * 0.04
    const south = 34.5 + Math.floor(index / 40) * 0.04
    const started = performance.now()
    const response = await inject('POST', '/api/areas', {
      kind: index % 2 ? 'aor' : 'joint-security-area', names: { en: `Sector ${index}` }, geometry: { type: 'Polygon', coordinates: [square(west, south, 0.03)] },
      roomId: 'kirkuk', release: { scope: 'room', roomId: 'kirkuk' }, validFrom: '2025-01-01T00:00:00Z', validTo: index % 2 ? null : '2025-02-01T00:00:00Z',
    })
    createMs.push(performance.now() - started)
    if (response.statusCode !== 201) throw new Error(response.body)
  }

  const vertices = 100_000
  const ring = Array.from({ length: vertices }, (_, index) => {
    const angle = (2 * Math.PI * index) / (vertices - 1)
    return [Number((45 + 0.1 * Math.cos(angle)).toFixed(7)), Number((34.7 + 0.1 * Math.sin(angle)).toFixed(7))]
  })
  ring[ring.length - 1] = ring[0]!
  const bigStarted = performance.now()
  const big = await inject('POST', '/api/areas', { kind: 'aor', names: { en: 'Detailed boundary' }, geometry: { type: 'Polygon', coordinates: [ring] } })
  const bigMs = performance.now() - bigStarted
  if (big.statusCode !== 201) throw new Error(big.body)

  const listMs: number[] = []
  let listed = 0
  for (let round = 0; round < listRounds; round += 1) {
    const started = performance.now()
    const response = await inject('GET', '/api/areas?roomId=kirkuk&bbox=44.0,34.6,44.8,35.2&activeAt=2025-03-01T00:00:00Z&limit=5000')
    listMs.push(performance.now() - started)
    listed = (response.json() as unknown[]).length
  }

  const activeMs: number[] = []
  let active = 0
  for (let round = 0; round < listRounds; round += 1) {
    const started = performance.now()
    active = (await activeAreasOfRoom(tansiq.database, { organizationId: 'iraqi-army' }, 'kirkuk', new Date('2025-03-01T00:00:00Z'))).length
    activeMs.push(performance.now() - started)
  }
  await tansiq.close()

  rows.push(`| ${backend} | create small area (${areaCount}) | ${percentile(createMs, 50).toFixed(1)} | ${percentile(createMs, 99).toFixed(1)} | ${(areaCount / (createMs.reduce((a, b) => a + b, 0) / 1000)).toFixed(0)} areas/s |`)
  rows.push(`| ${backend} | create one area of ${vertices.toLocaleString('en')} vertices | ${bigMs.toFixed(0)} | — | ${(JSON.stringify(ring).length / 1e6).toFixed(1)} MB of coordinates |`)
  rows.push(`| ${backend} | GET /api/areas room+bbox+activeAt over ${areaCount} (${listed} returned) | ${percentile(listMs, 50).toFixed(1)} | ${percentile(listMs, 99).toFixed(1)} | ${listRounds} rounds |`)
  rows.push(`| ${backend} | activeAreasOfRoom over ${areaCount} (${active} in force) | ${percentile(activeMs, 50).toFixed(1)} | ${percentile(activeMs, 99).toFixed(1)} | ${listRounds} rounds |`)
}

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}\n`)
console.log('| backend | operation | p50 ms | p99 ms | note |')
console.log('|---|---|---|---|---|')
for (const row of rows) console.log(row)
