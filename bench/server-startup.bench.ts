// Time from `tansiq serve` starting to /api/health answering ok, on an embedded database that
// already exists (the "later starts ready in under 5 s"), and the first start's time.
import { cpus } from 'node:os'
import { createServerStorage, startServerProcess } from '../test/support/server-process.ts'

// One embedded database for every start: the first creates it, the later ones open it.
const storage = await createServerStorage('pglite')

async function startOnce(): Promise<number> {
  const started = performance.now()
  const server = await startServerProcess(storage)
  const health = await fetch(`${server.baseUrl}/api/health`)
  if (!health.ok) throw new Error(`health ${health.status}`)
  const elapsed = performance.now() - started
  await server.stop()
  return elapsed
}

try {
  const first = await startOnce()
  const later: number[] = []
  for (let i = 0; i < 3; i += 1) later.push(await startOnce())
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}\n`)
  console.log('| start of the embedded database | process start → /api/health ok |')
  console.log('|---|---|')
  console.log(`| first (creates PostGIS, migrates, seeds demo) | ${(first / 1000).toFixed(1)} s |`)
  console.log(`| later (median of ${later.length}) | ${(later.sort((a, b) => a - b)[1]! / 1000).toFixed(1)} s |`)
} finally {
  await storage.dispose()
}
