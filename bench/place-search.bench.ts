// Place search over the shipped gazetteer (23,000 places): p50/p99 of a mix of queries — Arabic with
// and without diacritics, Sorani, Latin transliterations, prefixes typed letter by letter and
// misspellings, some with `near` or `kind` — measured in-process (the search function) and through
// HTTP (Fastify inject, and a real listening server with keep-alive), per storage backend (the
// session of each request is resolved in the database). Also the one-off costs: parsing the
// gazetteer, loading the places table, building the index. Prints markdown tables. In-process
// searches are timed twice: wall clock, and the process's CPU time, which a busy machine's
// scheduling does not inflate (a search of 0.05 ms descheduled for 50 ms shows 50 ms on the clock).
// Run: node --import tsx bench/place-search.bench.ts   (set DATABASE_URL to add PostgreSQL)
import { cpus, loadavg } from 'node:os'
import { startTestTansiq } from '../src/server/test-harness.ts'
import { openTestDatabase, storageBackends } from '../src/platform/database/test-database.ts'
import { loadPlaceIndex, loadPlaceRecords } from '../src/places/gazetteer-loader.ts'
import { createPlacesService } from '../src/places/places-service.ts'
import { preparePlaceSearch, searchPlaceNames, type PlaceSearchQuery } from '../src/places/places-search.ts'
import { percentile } from './support/bench-statistics.ts'

const inProcessRounds = 50
const httpRounds = 8


type Query = Omit<PlaceSearchQuery, 'limit'> & { limit?: number; group: string }
const near = { lat: 35.2, lon: 44.6 }
const queries: Query[] = [
  ...['كركوك', 'كفري', 'طوزخورماتو', 'طوز خورماتو', 'الدبس', 'مخمور', 'السليمانية', 'كلار', 'ديالى', 'الحويجة', 'داقوق', 'خانقين', 'جلولاء', 'تكريت', 'قرية بلكانة']
    .map((q) => ({ q, group: 'Arabic' })),
  ...['كَرْكُوك', 'كِفْرِي', 'طُوزْ خُورْماتُو', 'مَخْمُور', 'كـــفـري', 'إربيل', 'ديالي', 'الحويجه', 'قرية ١٧ اصلاح', 'الثورة ۱']
    .map((q) => ({ q, group: 'Arabic: diacritics, tatweel, hamza, ى/ي, ة/ه, digits' })),
  ...['کەرکووک', 'کفری', 'دووزخورماتوو', 'مەخموور', 'سلێمانی', 'کەلار', 'گەرمیان', 'دووبز', 'چەمچەماڵ', 'هەولێر']
    .map((q) => ({ q, group: 'Sorani' })),
  ...['Kirkuk', 'Kerkuk', 'Tuz Khurmatu', 'Tuz Khormato', 'Tooz', 'Makhmur', 'Mexmur', 'Slemani', 'Sulaimaniya', 'Kelar', 'Germian', 'Dibs', 'Jalula', 'Hawija', 'Chamchamal']
    .map((q) => ({ q, group: 'Latin transliterations' })),
  ...['K', 'Ki', 'Kir', 'Kirk', 'Kirku', 'ك', 'كر', 'كرك', 'كركو', 'Tu', 'Tuz K', 'طوز خ', 'سلێ', 'سلێما', 'Sula', 'Sulaym', 'Kha', 'Khanaqi', 'Da', 'Daq']
    .map((q) => ({ q, group: 'prefixes (typed letter by letter)' })),
  ...['Kirkk', 'Kirkuuk', 'Khanaqn', 'Tikrt', 'Chamchmal', 'Makhmaur', 'Sulaymaniya', 'Garmyian', 'كركوكك', 'مخموور', 'جلولاا', 'Hawijja']
    .map((q) => ({ q, group: 'misspellings' })),
  ...[{ q: 'خرباني', near }, { q: 'Kifri', near }, { q: 'Kirkuk', kind: 'governorate' as const }, { q: 'Khan', near, limit: 50 }, { q: 'ك', near, limit: 50 }, { q: 'Tu', kind: 'village' as const }]
    .map((query) => ({ ...query, group: 'with near / kind / limit 50' })),
]
const groups = [...new Set(queries.map((query) => query.group))]

const setupRows: string[] = []
let started = performance.now()
const records = loadPlaceRecords()
setupRows.push(`| parse the gazetteer files (${records.length.toLocaleString('en')} places) | ${(performance.now() - started).toFixed(0)} ms |`)
started = performance.now()
const index = loadPlaceIndex()
preparePlaceSearch(index)
setupRows.push(`| build the search index (first search) | ${(performance.now() - started).toFixed(0)} ms |`)

// In-process: each query `inProcessRounds` times, interleaved (as traffic would be), after a warm-up pass.
for (const query of queries) searchPlaceNames(index, { limit: 10, ...query })
const inProcess = new Map<string, { wall: number[]; cpu: number[] }>(groups.map((group) => [group, { wall: [], cpu: [] }]))
const all = { wall: [] as number[], cpu: [] as number[] }
for (let round = 0; round < inProcessRounds; round += 1) {
  for (const query of queries) {
    const cpuBegin = process.cpuUsage()
    const begin = performance.now()
    searchPlaceNames(index, { limit: 10, ...query })
    const wall = performance.now() - begin
    const cpuUsed = process.cpuUsage(cpuBegin)
    const cpu = (cpuUsed.user + cpuUsed.system) / 1000
    inProcess.get(query.group)!.wall.push(wall)
    inProcess.get(query.group)!.cpu.push(cpu)
    all.wall.push(wall)
    all.cpu.push(cpu)
  }
}

const urlOf = (query: Query): string => {
  const parameters = new URLSearchParams({ q: query.q, limit: String(query.limit ?? 10) })
  if (query.kind) parameters.set('kind', query.kind)
  if (query.near) parameters.set('near', `${query.near.lat},${query.near.lon}`)
  return `/api/places?${parameters}`
}

const httpRows: string[] = []
for (const backend of storageBackends()) {
  const empty = await openTestDatabase(backend)
  started = performance.now()
  const inserted = await createPlacesService({ database: empty }).loadIfEmpty()
  setupRows.push(`| ${backend}: load the places table (${inserted.toLocaleString('en')} rows, one transaction, audited) | ${(performance.now() - started).toFixed(0)} ms |`)
  await empty.close()
  const tansiq = await startTestTansiq(backend)
  const [{ count }] = await tansiq.database.query<{ count: number }>('select count(*)::int as count from places') as [{ count: number }]
  const { authorization } = await tansiq.login('pesh.watch')
  const address = await tansiq.app.listen({ port: 0, host: '127.0.0.1' })
  const measure = async (label: string, request: (url: string) => Promise<number>, urlFor: (query: Query) => string = urlOf) => {
    for (const query of queries) await request(urlFor(query))
    const samples: number[] = []
    for (let round = 0; round < httpRounds; round += 1) {
      for (const query of queries) {
        const begin = performance.now()
        const status = await request(urlFor(query))
        samples.push(performance.now() - begin)
        if (status !== 200) throw new Error(`${label} ${query.q}: ${status}`)
      }
    }
    httpRows.push(`| ${backend} (${count.toLocaleString('en')} places stored) | ${label} | ${samples.length} | ${percentile(samples, 50).toFixed(2)} | ${percentile(samples, 99).toFixed(2)} | ${Math.max(...samples).toFixed(2)} |`)
  }
  const injected = async (url: string) => (await tansiq.app.inject({ method: 'GET', url, headers: { authorization } })).statusCode
  const fetched = async (url: string) => {
    const response = await fetch(`${address}${url}`, { headers: { authorization } })
    await response.arrayBuffer()
    return response.status
  }
  await measure('app.inject', injected)
  await measure('HTTP on 127.0.0.1 (fetch, keep-alive)', fetched)
  // What any signed-in request costs here (session look-up, hooks, serialisation), without a search.
  await measure('baseline: GET /api/auth/me, app.inject', injected, () => '/api/auth/me')
  await tansiq.close()
}

console.log(`Place search; machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average at the end ${loadavg().map((value) => value.toFixed(1)).join(' / ')}`)
console.log('')
console.log('| one-off cost | time |')
console.log('|---|---|')
for (const row of setupRows) console.log(row)
console.log('')
console.log(`In-process search (\`searchPlaceNames\`, limit 10 unless stated), ${queries.length} queries × ${inProcessRounds} rounds:`)
console.log('')
console.log('| queries | searches | p50 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms |')
console.log('|---|---|---|---|---|---|---|')
const line = (label: string, samples: { wall: number[]; cpu: number[] }) =>
  `| ${label} | ${samples.wall.length} | ${percentile(samples.wall, 50).toFixed(3)} | ${percentile(samples.wall, 99).toFixed(3)} | ${Math.max(...samples.wall).toFixed(3)} | ${percentile(samples.cpu, 50).toFixed(3)} | ${percentile(samples.cpu, 99).toFixed(3)} |`
for (const group of groups) console.log(line(group, inProcess.get(group)!))
console.log(line('**all**', all))
console.log('')
console.log(`Through HTTP (GET /api/places, bearer session resolved per request), the same mix × ${httpRounds} rounds:`)
console.log('')
console.log('| backend | path | requests | p50 ms | p99 ms | max ms |')
console.log('|---|---|---|---|---|---|')
for (const row of httpRows) console.log(row)
