// A server killed with SIGKILL in the middle of a stream of writes loses no acknowledged write,
// and its audit chain still verifies — on the embedded database and on PostgreSQL.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storageBackends } from '../src/platform/database/test-database.ts'
import { createServerStorage, requestJson, runTansiq, startServerProcess } from './support/server-process.ts'

const password = 'tansiq-demo'

for (const backend of storageBackends()) {
  describe(`crash recovery on ${backend}`, () => {
    test('every acknowledged write survives SIGKILL mid-stream and the audit chain verifies', async () => {
      const storage = await createServerStorage(backend)
      try {
        const first = await startServerProcess(storage)
        const login = await requestJson(first.baseUrl, 'POST', '/api/auth/login', { body: { username: 'admin', password } })
        assert.equal(login.status, 200)
        const token = login.body.token as string

        const acknowledged: string[] = []
        let stop = false
        const writer = async (lane: number) => {
          for (let i = 0; !stop; i += 1) {
            const username = `crash.${lane}.${i}`
            try {
              const response = await requestJson(first.baseUrl, 'POST', '/api/users', { token, body: { username, displayName: `Crash ${lane}/${i}`, organizationId: 'joc', role: 'viewer', password: 'long-enough-password' } })
              if (response.status === 201) acknowledged.push(username)
            } catch {
              return // the connection died with the server
            }
          }
        }
        const writers = [0, 1, 2, 3].map(writer)
        while (acknowledged.length < 12) await new Promise((resolve) => setTimeout(resolve, 20))
        await first.stop('SIGKILL')
        stop = true
        await Promise.all(writers)
        assert.ok(acknowledged.length >= 12)

        const second = await startServerProcess(storage)
        const again = await requestJson(second.baseUrl, 'POST', '/api/auth/login', { body: { username: 'admin', password } })
        const users = await requestJson(second.baseUrl, 'GET', '/api/users', { token: again.body.token })
        const present = new Set((users.body as Array<{ username: string }>).map((user) => user.username))
        const lost = acknowledged.filter((username) => !present.has(username))
        assert.deepEqual(lost, [], `acknowledged but lost after SIGKILL: ${lost.join(', ')}`)
        await second.stop('SIGTERM')

        const verify = await runTansiq(storage, ['audit', 'verify'])
        assert.equal(verify.code, 0, verify.stdout + verify.stderr)
        assert.match(verify.stdout, /^OK: \d+ entries/)
      } finally {
        await storage.dispose()
      }
    })
  })
}
