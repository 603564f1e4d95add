// Time from `tansiq serve` starting to /api/health answering ok, on an embedded database that
// already exists (the "later starts ready in under 5 s"), and the first start's time.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'

const dataDirectory = mkdtempSync(join(tmpdir(), 'tansiq-startup-'))

async function startOnce(): Promise<number> {
  const started = performance.now()
  const environment: NodeJS.ProcessEnv = { ...process.env, TANSIQ_DATA_DIR: dataDirectory, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' }
  delete environment.DATABASE_URL
  const child = spawn(process.execPath, ['bin/tansiq.mjs', 'serve', '--demo'], { env: environment, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk
      const match = /Ready in \d+ ms on (http:\/\/\S+)/.exec(output)
      if (match) resolve(match[1]!)
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)))
  })
  const health = await fetch(`${url}/api/health`)
  if (!health.ok) throw new Error(`health ${health.status}`)
  const elapsed = performance.now() - started
  child.kill('SIGTERM')
  await new Promise((resolve) => child.once('exit', resolve))
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
  rmSync(dataDirectory, { recursive: true, force: true })
}
