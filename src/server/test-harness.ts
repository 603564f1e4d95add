/** Builds a Tansiq server for tests on a given storage backend, with the demo accounts and a login helper. */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig, type Config } from '../platform/config.ts'
import { commandLineActor } from '../platform/auth/principal.ts'
import { openTestDatabase, type StorageBackend, type TemplateSeed } from '../platform/database/test-database.ts'
import { createPlacesService } from '../places/places-service.ts'
import { seedDemo } from '../demo/demo-seed.ts'
import { buildTansiq, type Tansiq } from './tansiq-server.ts'

export const testPassword = 'test-password-1'

export interface TestTansiq extends Tansiq {
  config: Config
  /** Signs in a demo user; returns the bearer token, CSRF token and session cookie. */
  login(username: string): Promise<{ token: string; csrfToken: string; cookie: string; authorization: string }>
}

/** What an API caller needs of a test server: injecting requests and signing demo users in. */
export interface CallableServer {
  app: Pick<TestTansiq['app'], 'inject'>
  login: TestTansiq['login']
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** Calls the API as a demo user; the answer's status and JSON body (null when empty). */
export type ApiCaller = (username: string, method: HttpMethod, url: string, payload?: unknown) => Promise<{ status: number; body: any }> // eslint-disable-line @typescript-eslint/no-explicit-any

/** A caller that signs each demo user in once and sends its bearer token. */
export function apiCaller(server: CallableServer): ApiCaller {
  const sessions = new Map<string, string>()
  return async (username, method, url, payload) => {
    if (!sessions.has(username)) sessions.set(username, (await server.login(username)).authorization)
    const response = await server.app.inject({ method, url, headers: { authorization: sessions.get(username)! }, ...(payload === undefined ? {} : { payload: payload as object }) })
    return { status: response.statusCode, body: response.body ? response.json() : null }
  }
}

const gazetteerDirectory = fileURLToPath(new URL('../../reference-data/gazetteer/', import.meta.url))

/** Test databases start with the gazetteer loaded, as a server does after its first start. */
export const placesTemplateSeed: TemplateSeed = {
  // Named after the gazetteer files' sizes, so a changed gazetteer rebuilds the template.
  id: `places-loaded-v1-${readdirSync(gazetteerDirectory).map((file) => `${file}:${statSync(join(gazetteerDirectory, file)).size}`).join(',')}`,
  apply: async (database) => {
    await createPlacesService({ database }).loadIfEmpty()
  },
}

/** A server on a fresh test database with the reference organizations and demo users. */
export async function startTestTansiq(backend: StorageBackend, overrides: Partial<Record<keyof Config, string>> = {}): Promise<TestTansiq> {
  // No coverage warm-up per test server (src/coverage/coverage-warm-up.test.ts tests it once).
  const config = loadConfig({}, { LOG_LEVEL: 'silent', NODE_ENV: 'test', TANSIQ_DEMO_PASSWORD: testPassword, COVERAGE_WARM_UP: 'false', ...overrides })
  const database = await openTestDatabase(backend, placesTemplateSeed)
  const tansiq = await buildTansiq({ config, database })
  await seedDemo(tansiq.accounts, commandLineActor('test'), testPassword)
  return {
    ...tansiq,
    config,
    async login(username) {
      const response = await tansiq.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: testPassword } })
      if (response.statusCode !== 200) throw new Error(`login of ${username} failed: ${response.body}`)
      const body = response.json() as { token: string; csrfToken: string }
      const cookie = String(response.headers['set-cookie']).split(';')[0]!
      return { token: body.token, csrfToken: body.csrfToken, cookie, authorization: `Bearer ${body.token}` }
    },
  }
}
