// Throughput of the statement reader on one core: documents per second for ~3 KB statements
// (Arabic, Sorani and English mixed), after the place index is loaded. Prints a markdown row.
// Run: node --import tsx bench/ingest-throughput.bench.ts
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadIngestPlaceIndex } from '../src/ingest/ingest-place-index.ts'
import { readStatement } from '../src/ingest/core/statement-reader.ts'

const examples = fileURLToPath(new URL('../test/ingest-examples/', import.meta.url))
const texts = readdirSync(examples).filter((name) => name.endsWith('.txt')).map((name) => readFileSync(join(examples, name), 'utf8'))
// Build ~3 KB documents by joining statements of one language, as long releases do.
const documents: string[] = []
for (let start = 0; start < texts.length; start++) {
  let document = ''
  for (let k = start; Buffer.byteLength(document) < 3072; k = (k + 1) % texts.length) document += texts[k] + '\n'
  // Cut at a line break near 3 KB (UTF-8 bytes), as a long release would end.
  while (Buffer.byteLength(document) > 3400 && document.lastIndexOf('\n', document.length - 2) > 0) document = document.slice(0, document.lastIndexOf('\n', document.length - 2) + 1)
  documents.push(document)
}
const loadStart = performance.now()
const index = loadIngestPlaceIndex()
const loadMs = performance.now() - loadStart
for (const document of documents.slice(0, 20)) readStatement(document, { published: '2022-04-12' }, index) // warm-up
const rounds = Math.max(1, Math.ceil(2000 / documents.length))
// Wall time and this process's CPU time: on a shared machine CPU time is the fairer one-core figure.
const cpuStart = process.cpuUsage()
const start = performance.now()
let count = 0
let bytes = 0
for (let round = 0; round < rounds; round++) {
  for (const document of documents) {
    readStatement(document, { published: '2022-04-12' }, index)
    count++
    bytes += Buffer.byteLength(document)
  }
}
const seconds = (performance.now() - start) / 1000
const cpu = process.cpuUsage(cpuStart)
const cpuSeconds = (cpu.user + cpu.system) / 1e6
const perSecond = count / seconds
const perCpuSecond = count / cpuSeconds
console.log('| benchmark | documents | mean size | documents/s (wall) | documents/s (CPU time) | ms/document (CPU) | index load |')
console.log('|---|---|---|---|---|---|---|')
console.log(`| ingest readStatement (1 core) | ${count} | ${(bytes / count / 1024).toFixed(1)} KB | ${perSecond.toFixed(0)} | ${perCpuSecond.toFixed(0)} | ${(1000 / perCpuSecond).toFixed(2)} | ${loadMs.toFixed(0)} ms |`)
