#!/usr/bin/env node
// Runs every test of the project with Node's test runner: unit tests beside the code
// (src/**/*.test.ts) and end-to-end tests (test/**/*.test.ts). The embedded-database template
// that storage tests clone is prepared once, before any test file starts; the web client is built
// first when browser tests (test/e2e/) are among them.
// Usage: npm test [-- path-filter ...]
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { availableParallelism } from 'node:os'

const root = new URL('..', import.meta.url).pathname
const filters = process.argv.slice(2)

function findTests(directory) {
  const found = []
  for (const name of readdirSync(directory)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const path = join(directory, name)
    if (statSync(path).isDirectory()) found.push(...findTests(path))
    else if (name.endsWith('.test.ts')) found.push(relative(root, path))
  }
  return found
}

const files = ['src', 'test']
  .flatMap((directory) => findTests(join(root, directory)))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort()
if (files.length === 0) {
  console.error('No test files match', filters.join(' '))
  process.exit(1)
}

const prepare = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prepare-test-database.ts'], { cwd: root, stdio: 'inherit' })
if (prepare.status !== 0) process.exit(prepare.status ?? 1)

// Browser tests (test/e2e/) load the built web client: build it when missing or stale.
if (files.some((file) => file.startsWith('test/e2e/'))) {
  const build = spawnSync(process.execPath, ['scripts/build-web.mjs', '--if-stale'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const concurrency = Math.max(2, availableParallelism())
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
)
process.exit(result.status ?? 1)
