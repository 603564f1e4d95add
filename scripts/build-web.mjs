#!/usr/bin/env node
// Builds the web client (web/ → web/dist) with Vite. `npm start` and the test runner call it with
// --if-stale: it rebuilds only when the sources changed since the last build — the files under
// web/ (but dist), package-lock.json, and the server files the last bundle was made from (its
// schemas and types, listed by the build in dist/build-inputs.json) — and otherwise returns at once.
// Usage: node scripts/build-web.mjs [--if-stale] [--quiet]
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const webDirectory = join(root, 'web')
const distDirectory = join(webDirectory, 'dist')
const stampPath = join(distDirectory, 'build-stamp.json')
const ifStale = process.argv.includes('--if-stale')
const quiet = process.argv.includes('--quiet')
const say = (message) => quiet || process.stderr.write(`web: ${message}\n`)

function filesUnder(directory) {
  const found = []
  for (const name of readdirSync(directory)) {
    if (name === 'dist' || name === 'node_modules' || name.startsWith('.')) continue
    const path = join(directory, name)
    if (statSync(path).isDirectory()) found.push(...filesUnder(path))
    else found.push(relative(root, path))
  }
  return found
}

/** The sources a build depends on: web/, the lock file, and the repository files the last build read. */
function inputsOf(previousInputs) {
  return [...new Set([...filesUnder(webDirectory), 'package-lock.json', ...previousInputs])].sort()
}

function fingerprint(inputs) {
  const hash = createHash('sha256')
  for (const file of inputs) {
    hash.update(file).update('\0')
    const path = join(root, file)
    hash.update(existsSync(path) ? readFileSync(path) : 'missing').update('\0')
  }
  return hash.digest('hex')
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampPath, 'utf8'))
  } catch {
    return null
  }
}

const stamp = readStamp()
if (ifStale && stamp && existsSync(join(distDirectory, 'index.html')) && stamp.fingerprint === fingerprint(inputsOf(stamp.inputs ?? []))) {
  say('the web client is up to date')
  process.exit(0)
}

let vite
try {
  vite = await import('vite')
} catch {
  if (existsSync(join(distDirectory, 'index.html'))) {
    say('Vite is not installed (npm ci --omit=dev?): serving the web client as last built')
    process.exit(0)
  }
  console.error('web: cannot build the web client: Vite is not installed. Run `npm ci` (with development dependencies), then `npm run build:web`.')
  process.exit(1)
}

say(stamp ? 'sources changed: building the web client…' : 'building the web client (once; about half a minute)…')
const started = Date.now()
let modules = 0
let lastShown = 0
await vite.build({
  configFile: join(webDirectory, 'vite.config.ts'),
  logLevel: quiet ? 'error' : 'warn',
  plugins: [{
    name: 'tansiq-build-progress',
    transform() {
      modules++
      if (!quiet && process.stderr.isTTY && Date.now() - lastShown > 200) {
        lastShown = Date.now()
        process.stderr.write(`\rweb: ${modules} modules transformed…`)
      }
      return null
    },
  }],
})
if (!quiet && process.stderr.isTTY) process.stderr.write('\r\x1b[K')

// Compressed copies beside each text asset: the server sends the .br or .gz the browser accepts
// (@fastify/static preCompressed), which matters most over a slow link.
let compressedBytes = 0
let rawBytes = 0
for (const file of readdirSync(join(distDirectory, 'assets'))) {
  if (!/\.(js|mjs|css|svg|json)$/.test(file)) continue
  const path = join(distDirectory, 'assets', file)
  const content = readFileSync(path)
  if (content.length < 1024) continue
  const brotli = brotliCompressSync(content, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length } })
  writeFileSync(`${path}.br`, brotli)
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }))
  rawBytes += content.length
  compressedBytes += brotli.length
}
say(`assets: ${(rawBytes / 1024).toFixed(0)} KiB, ${(compressedBytes / 1024).toFixed(0)} KiB with brotli`)

// The stamp names every input of this build, so the next --if-stale sees a change in any of them.
const buildInputs = JSON.parse(readFileSync(join(distDirectory, 'build-inputs.json'), 'utf8'))
const inputs = inputsOf(buildInputs.filter((file) => !file.startsWith('web/')))
writeFileSync(stampPath, JSON.stringify({ builtAt: new Date().toISOString(), fingerprint: fingerprint(inputs), inputs: inputs.filter((file) => !file.startsWith('web/')) }, null, 1))
say(`built web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s (${modules} modules)`)
