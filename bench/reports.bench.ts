// Reports through the HTTP API (inject, no sockets) over 20,000 stored reports: creating reports,
// listing newest first, text search (a hit, and a miss, which without the trigram indexes read every title and body), a box and
// time window, one report by id, and attachment upload and download. Prints a markdown table per backend.
// Run: node --import tsx bench/reports.bench.ts   (set DATABASE_URL to add PostgreSQL)
import { cpus } from 'node:os'
import { randomUUID } from 'node:crypto'
import { startTestTansiq } from '../src/server/test-harness.ts'
import { storageBackends } from '../src/platform/database/test-database.ts'
import { percentile } from './support/bench-statistics.ts'

const storedReports = 20_000
const createCount = 200
const rounds = 100
const attachmentBytes = 1024 * 1024


const texts = [
  ['ar', 'اشتباك قرب بلكانة', 'اشتباك مسلح مع عناصر داعش قرب قرية بلكانة بين كفري وطوزخورماتو، وتدمير ثلاث عجلات وخمسة كهوف وأربع مضافات.'],
  ['ckb', 'ڕاپۆرتی پێشمەرگە', 'پێشمەرگە لە نزیک گوندی بلکانە لەگەڵ چەکدارانی داعش ڕووبەڕووی یەکتر بوونەوە؛ سێ ئۆتۆمبێل سووتێنران و چەند تونێلێک تێکدران.'],
  ['en', 'Contact near Qurijay', 'Peshmerga and 52nd Brigade patrols reported contact near Qurijay; three vehicles burned, several tunnels and caves destroyed.'],
] as const

const rows: string[] = []
for (const backend of storageBackends()) {
  const tansiq = await startTestTansiq(backend)
  const { authorization } = await tansiq.login('pesh.watch')
  const inject = (method: 'GET' | 'POST', url: string, payload?: object | Buffer, headers: Record<string, string> = {}) =>
    tansiq.app.inject({ method, url, headers: { authorization, ...headers }, ...(payload ? { payload } : {}) })
  const timed = async (label: string, count: number, run: (index: number) => Promise<{ statusCode: number; body: string }>, expected = 200) => {
    const samples: number[] = []
    for (let index = 0; index < count; index += 1) {
      const started = performance.now()
      const response = await run(index)
      samples.push(performance.now() - started)
      if (response.statusCode !== expected) throw new Error(`${label}: ${response.statusCode} ${response.body.slice(0, 300)}`)
    }
    rows.push(`| ${backend} | ${label} | ${count} | ${percentile(samples, 50).toFixed(1)} | ${percentile(samples, 99).toFixed(1)} |`)
  }

  // The stored reports: a third in each language, spread over a year and over Kirkuk and Garmiyan; half released to the Iraqi Army.
  const seedStarted = performance.now()
  for (let offset = 0; offset < storedReports; offset += 5000) {
    await tansiq.database.query(
      `insert into reports (id, organization_id, type, title, body, language, occurred_at, location, source_reliability, information_credibility, release_scope, release_organization_ids, released_to)
       select gen_random_uuid(), 'peshmerga', (array['incident','sigact','intelligence'])[1 + n % 3], ($1::text[])[1 + n % 3] || ' ' || n, ($2::text[])[1 + n % 3] || ' #' || n,
         ($3::text[])[1 + n % 3], timestamptz '2024-01-01' + (n % 365) * interval '1 day' + (n % 1440) * interval '1 minute',
         st_setsrid(st_makepoint(44.0 + (n % 100) * 0.012, 34.5 + (n / 100 % 100) * 0.01), 4326), 'B', 2,
         case when n % 2 = 0 then 'organizations' else 'originator' end, case when n % 2 = 0 then array['iraqi-army'] else '{}'::text[] end,
         case when n % 2 = 0 then array['iraqi-army','peshmerga'] else array['peshmerga'] end
       from generate_series($4::int, $5::int) as n`,
      [texts.map((text) => text[1]), texts.map((text) => text[2]), texts.map((text) => text[0]), offset, offset + 4999],
    )
  }
  const seedMs = performance.now() - seedStarted
  await tansiq.database.query('analyze reports')

  const sample = (await inject('GET', '/api/reports?limit=1')).json() as Array<{ id: string }>
  await timed('create (POST, Arabic text, point)', createCount, (index) => inject('POST', '/api/reports', {
    type: 'incident', title: `${texts[0][1]} ${index}`, body: texts[0][2], occurredAt: '2025-01-01T00:00:00Z',
    location: { type: 'Point', coordinates: [44.8, 34.79] }, sourceReliability: 'B', informationCredibility: 2,
  }), 201)
  await timed('list newest 100', rounds, () => inject('GET', '/api/reports?limit=100'))
  await timed('get by id', rounds, () => inject('GET', `/api/reports/${sample[0]!.id}`))
  await timed('search q (Sorani words, 100 hits)', rounds, () => inject('GET', `/api/reports?q=${encodeURIComponent('ئۆتۆمبێل سووتێنران')}&limit=100`))
  await timed('search q (no match)', rounds, () => inject('GET', `/api/reports?q=${encodeURIComponent('no such words')}&limit=100`))
  await timed('bbox + time window', rounds, () => inject('GET', '/api/reports?bbox=44.2,34.6,44.6,34.9&from=2024-03-01T00:00:00Z&to=2024-06-01T00:00:00Z&limit=100'))

  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(attachmentBytes - 8, 7)])
  const reportIds: string[] = []
  for (let index = 0; index < 4; index += 1) {
    const created = await inject('POST', '/api/reports', { type: 'incident', title: `With photos ${index}`, body: 'Photos attached.', occurredAt: '2025-01-01T00:00:00Z', sourceReliability: 'C', informationCredibility: 3 })
    reportIds.push((created.json() as { id: string }).id)
  }
  const attachmentIds: string[] = []
  await timed('attach 1 MiB PNG', 40, async (index) => {
    const response = await inject('POST', `/api/reports/${reportIds[index % 4]}/attachments?name=photo-${randomUUID()}.png`, png, { 'content-type': 'image/png' })
    if (response.statusCode === 201) attachmentIds.push(`${reportIds[index % 4]}/attachments/${(response.json() as { id: string }).id}`)
    return response
  }, 201)
  await timed('download 1 MiB attachment', rounds, (index) => inject('GET', `/api/reports/${attachmentIds[index % attachmentIds.length]}`))
  rows.push(`| ${backend} | (seeding ${storedReports} reports by SQL) | 1 | ${seedMs.toFixed(0)} | |`)
  await tansiq.close()
}

console.log(`Reports over ${storedReports} stored reports; machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`)
console.log('')
console.log('| backend | operation | requests | p50 ms | p99 ms |')
console.log('|---|---|---|---|---|')
for (const row of rows) console.log(row)
