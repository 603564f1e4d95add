/** Runs `tansiq serve` as a child process for end-to-end tests, on either storage backend. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createScratchPostgresDatabase, type StorageBackend } from '../../src/platform/database/test-database.ts'

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url))
export const tansiqBin = join(repositoryRoot, 'bin/tansiq.mjs')

/** A place for one server's data: a temporary folder, and on PostgreSQL a fresh database. */
export interface ServerStorage {
  backend: StorageBackend
  environment: Record<string, string>
  dispose(): Promise<void>
}

/** Creates isolated storage for a server process on the backend. */
export async function createServerStorage(backend: StorageBackend): Promise<ServerStorage> {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'tansiq-e2e-'))
  const environment: Record<string, string> = { TANSIQ_DATA_DIR: dataDirectory }
  let dropDatabase = async () => {}
  if (backend === 'postgres') {
    const scratch = await createScratchPostgresDatabase('tansiq_e2e')
    environment.DATABASE_URL = scratch.connectionString
    dropDatabase = scratch.drop
  }
  return {
    backend,
    environment,
    async dispose() {
      await dropDatabase()
      rmSync(dataDirectory, { recursive: true, force: true })
    },
  }
}

export interface ServerProcess {
  child: ChildProcess
  baseUrl: string
  output(): string
  /** Ends the process with a signal and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>
}

/** Starts `tansiq serve` with the storage's environment and waits until it listens. */
export async function startServerProcess(storage: ServerStorage, options: { demo?: boolean; environment?: Record<string, string>; timeoutMs?: number } = {}): Promise<ServerProcess> {
  const environment: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'test', ...storage.environment, ...options.environment }
  if (storage.backend === 'pglite') delete environment.DATABASE_URL
  const child = spawn(process.execPath, [tansiqBin, 'serve', ...(options.demo === false ? [] : ['--demo'])], { cwd: repositoryRoot, env: environment, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), options.timeoutMs ?? 120_000)
    const onData = () => {
      const match = /Ready in \d+ ms on (http:\/\/[^\s]+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`))
    })
  })
  return {
    child,
    baseUrl,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}

/** Runs the tansiq command to completion; returns its exit code and output. */
export async function runTansiq(storage: ServerStorage, args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const environment: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...storage.environment }
  if (storage.backend === 'pglite') delete environment.DATABASE_URL
  const child = spawn(process.execPath, [tansiqBin, ...args], { cwd: repositoryRoot, env: environment, stdio: ['pipe', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  child.stdin.end(input ?? '')
  const code = await new Promise<number>((resolve) => child.once('exit', (exitCode) => resolve(exitCode ?? 1)))
  return { code, stdout, stderr }
}

/** JSON request helper against a running server. */
export async function requestJson(baseUrl: string, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses are asserted field by field
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}
